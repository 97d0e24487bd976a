import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as reviewRoute } from "../../app/api/arguments/[id]/review/route";
import { GET as getArgument, PATCH as patchArgument } from "../../app/api/arguments/[id]/route";
import { GET as getMotion, PATCH as patchMotion } from "../../app/api/motions/[id]/route";
import { PATCH as patchMember } from "../../app/api/spaces/[id]/members/[userId]/route";
import type { Store } from "../../db/store";
import { defaultMotionSettings } from "../../lib/debate";
import type { Ack } from "../../lib/protocol";
import { initialSession } from "../../lib/session";
import { hideArgument } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { systemActor } from "../../server/policy";
import { actorOf, argumentInput, debate, everyStanding } from "../support/debate";
import { motionOn } from "../support/fixtures";
import type { Person } from "../support/people";
import { startRealtime, type TestRealtime } from "../support/realtime";
import { setTestRuntime } from "../support/runtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

// Every moderator's command, over Socket.IO and over REST, tried by people of each standing in a
// private space, each on a fresh motion set up so that the command would succeed for a moderator.

type Who =
  | "a visitor without a session"
  | "a signed-in outsider"
  | "a guest of another space"
  | "an observer"
  | "a participant"
  | "a moderator"
  | "an owner";
const everyone: Who[] = [
  "a visitor without a session",
  "a signed-in outsider",
  "a guest of another space",
  "an observer",
  "a participant",
  "a moderator",
  "an owner",
];

type Answer = "ok" | "not_found" | "forbidden";
type Moderation =
  | "motion:settings"
  | "motion:lock"
  | "moderation:approve"
  | "moderation:reject"
  | "moderation:hide"
  | "moderation:restore"
  | "argument:pin"
  | "argument:spotlight"
  | "session:phase"
  | "session:timer"
  | "session:side"
  | "motion:edit"
  | "motion:status"
  | "citation:review";

/** Commands on what only moderators see: a pending or hidden argument, a draft motion. */
const outOfSight: Moderation[] = [
  "moderation:approve",
  "moderation:reject",
  "moderation:restore",
  "motion:edit",
];

/** The answer each standing gets; what a member may not see answers as if it were not there. */
const expected = (command: Moderation, who: Who): Answer => {
  if (who === "a moderator" || who === "an owner") return "ok";
  const member = who === "an observer" || who === "a participant";
  return member && !outOfSight.includes(command) ? "forbidden" : "not_found";
};

/** A command's payload and where its REST twin goes: PATCH /api/<on>/<id> with `body`. */
interface Prepared {
  payload: Record<string, unknown>;
  rest: { on: "motions" | "arguments" | "review"; id: string; body: Record<string, unknown> };
}

const statusOf: Record<Answer, number> = { ok: 200, not_found: 404, forbidden: 403 };

describe("every moderator's door asks the access policy", () => {
  let db: TestStore;
  let store: Store;
  let server: TestRealtime;
  let space: Awaited<ReturnType<typeof debate>>;
  let author: Person;
  const people = {} as Record<Who, Person | undefined>;

  beforeAll(async () => {
    db = await sqliteTestStore();
    store = db.store;
    space = await debate(store, "private");
    const elsewhere = await debate(store, "private");
    Object.assign(people, await everyStanding(store, space, elsewhere));
    author = await space.member("Ada Author", "participant");
    server = await startRealtime(store);
    setTestRuntime(store);
  });

  afterAll(async () => {
    await server?.close();
    await db?.dispose();
  });

  /** A fresh motion with one argument by the author, in the state the command acts on. */
  async function prepare(command: Moderation): Promise<Prepared> {
    const motionId = await motionOn(store, space.spaceId, space.documentId, space.text);
    const motion = await store.motions.get(motionId);
    if (!motion) throw new Error("the motion just made is not there");
    // With approval on, the author's post waits for a moderator: approve and reject act on it.
    if (command === "moderation:approve" || command === "moderation:reject") {
      const approval = { ...motion.settings, approvalRequired: true };
      await store.transaction((tx) => tx.motions.update(motionId, { settings: approval }));
    }
    const posted = await postArgument(
      store,
      actorOf(author),
      argumentInput(motionId, space.cite("Trade moved inland by rail.")),
    );
    if (!posted.ok) throw new Error(posted.error.message);
    const argumentId = posted.value.argument.id;
    const settings = { ...motion.settings, format: "oxford" as const };
    await store.transaction(async (tx) => {
      if (command.startsWith("session:")) await tx.motions.update(motionId, { settings });
      if (command === "session:timer") {
        const endsAt = new Date(Date.now() + 60_000).toISOString();
        const session = {
          ...initialSession,
          phase: "open-floor" as const,
          clock: "running" as const,
          endsAt,
        };
        await tx.motions.update(motionId, { session });
      }
    });
    if (command === "moderation:restore") {
      await hideArgument(store, systemActor, {
        argumentId,
        clientId: crypto.randomUUID(),
        reason: "Test",
      });
    }
    const onMotion = (body: Record<string, unknown>, rest = body): Prepared => ({
      payload: { motionId, ...body },
      rest: { on: "motions", id: motionId, body: rest },
    });
    const onArgument = (
      body: Record<string, unknown>,
      rest: Record<string, unknown>,
    ): Prepared => ({
      payload: { argumentId, ...body },
      rest: { on: "arguments", id: argumentId, body: rest },
    });
    switch (command) {
      case "motion:settings":
        return onMotion({ settings: { anonymous: true } });
      case "motion:lock":
        return onMotion({ locked: true });
      case "moderation:approve":
        return onArgument({}, { status: "approved" });
      case "moderation:reject":
        return onArgument({ reason: "Off topic" }, { status: "rejected", reason: "Off topic" });
      case "moderation:hide":
        return onArgument({ reason: "Off topic" }, { status: "hidden", reason: "Off topic" });
      case "moderation:restore":
        return onArgument({}, { status: "published" });
      case "argument:pin":
        return onArgument({ pinned: true }, { pinned: true });
      case "argument:spotlight":
        return onMotion({ argumentId }, { spotlight: argumentId });
      case "session:phase":
        return onMotion({ action: "start" });
      case "session:timer":
        return onMotion({ seconds: 30 }, { timer: 30 });
      case "session:side":
        return onMotion({ userId: author.id, side: "for" });
      case "motion:edit":
        await store.transaction((tx) => tx.motions.update(motionId, { status: "draft" }));
        return onMotion({ title: "A better wording", description: "" });
      case "motion:status":
        return onMotion({ status: "closed" });
      case "citation:review": {
        // A new version left the citation nowhere: a moderator's to settle.
        await store.transaction((tx) =>
          tx.arguments.setCitationAnchor(argumentId, 0, {
            anchorStatus: "orphaned",
            anchorConfidence: 0,
            anchorVersionId: null,
            anchorStart: null,
            anchorEnd: null,
          }),
        );
        const review = { position: 0, action: "detach" };
        return {
          payload: { argumentId, ...review },
          rest: { on: "review", id: argumentId, body: review },
        };
      }
    }
  }

  const seqOf = async (prepared: Prepared) => {
    const motionId =
      prepared.rest.on === "motions"
        ? prepared.rest.id
        : ((await store.arguments.get(prepared.rest.id))?.motionId ?? "");
    return (await store.motions.get(motionId))?.lastSeq;
  };

  const commands: Moderation[] = [
    "motion:settings",
    "motion:lock",
    "moderation:approve",
    "moderation:reject",
    "moderation:hide",
    "moderation:restore",
    "argument:pin",
    "argument:spotlight",
    "session:phase",
    "session:timer",
    "session:side",
    "motion:edit",
    "motion:status",
    "citation:review",
  ];
  const rows = commands.flatMap((command) =>
    everyone.map((who) => [command, who, expected(command, who)] as const),
  );

  it.each(rows)("%s over Socket.IO, sent by %s, is answered %s", async (command, who, answer) => {
    const prepared = await prepare(command);
    const before = await seqOf(prepared);
    const socket = await server.client(people[who]);
    const emitter = socket as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<Ack<Record<string, unknown>>>;
    };
    const ack = await emitter.emitWithAck(command, {
      ...prepared.payload,
      clientId: crypto.randomUUID(),
    });
    expect(ack.ok ? "ok" : ack.error.code).toBe(answer);
    const after = await seqOf(prepared);
    if (answer === "ok") expect(after).toBe((before ?? 0) + 1);
    else expect(after).toBe(before);
    socket.disconnect();
  });

  it.each(rows)("its REST twin of %s, sent by %s, is answered %s", async (command, who, answer) => {
    const prepared = await prepare(command);
    const before = await seqOf(prepared);
    const { on, id, body } = prepared.rest;
    const headers: Record<string, string> = { "content-type": "application/json" };
    const cookie = people[who]?.cookie;
    if (cookie) headers.cookie = cookie;
    const review = on === "review";
    const path = review ? `/api/arguments/${id}/review` : `/api/${on}/${id}`;
    const request = new Request(`http://localhost${path}`, {
      method: review ? "POST" : "PATCH",
      headers,
      body: JSON.stringify(body),
    });
    const door = on === "motions" ? patchMotion : on === "review" ? reviewRoute : patchArgument;
    const response = await door(request, { params: Promise.resolve({ id }) });
    expect(response.status).toBe(statusOf[answer]);
    const after = await seqOf(prepared);
    if (answer === "ok") expect(after).toBe((before ?? 0) + 1);
    else expect(after).toBe(before);
  });

  it.each(everyone.map((who) => [who, expected("motion:lock", who)] as const))(
    "muting a participant, asked by %s, is answered %s",
    async (who, answer) => {
      const member = await space.member(`Muted ${crypto.randomUUID().slice(0, 4)}`, "participant");
      const headers: Record<string, string> = { "content-type": "application/json" };
      const cookie = people[who]?.cookie;
      if (cookie) headers.cookie = cookie;
      const path = `/api/spaces/${space.spaceId}/members/${member.id}`;
      const response = await patchMember(
        new Request(`http://localhost${path}`, {
          method: "PATCH",
          headers,
          body: JSON.stringify({ muted: true }),
        }),
        { params: Promise.resolve({ id: space.spaceId, userId: member.id }) },
      );
      expect(response.status).toBe(statusOf[answer]);
      expect((await store.memberships.get(space.spaceId, member.id))?.muted).toBe(answer === "ok");
    },
  );

  it("a PATCH naming both a role and muted is 400, and changes neither", async () => {
    const member = await space.member("Both Fields", "participant");
    const cookie = people["an owner"]?.cookie ?? "";
    const response = await patchMember(
      new Request(`http://localhost/api/spaces/${space.spaceId}/members/${member.id}`, {
        method: "PATCH",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ role: "moderator", muted: true }),
      }),
      { params: Promise.resolve({ id: space.spaceId, userId: member.id }) },
    );
    expect(response.status, await response.text()).toBe(400);
    expect(await store.memberships.get(space.spaceId, member.id)).toMatchObject({
      role: "participant",
      muted: false,
    });
  });
});

describe("a pending post over REST", () => {
  it("P-MOD-3: is not in GET /api/motions/:id or GET /api/arguments/:id for another participant, and is for a moderator", async () => {
    const db = await sqliteTestStore();
    try {
      const space = await debate(db.store, "private");
      const [author, classmate, moderator] = [
        await space.member("Ada Author", "participant"),
        await space.member("Cleo Classmate", "participant"),
        await space.member("Mo Moderator", "moderator"),
      ];
      setTestRuntime(db.store);
      const motion = await db.store.motions.get(space.motionId);
      const settings = { ...(motion?.settings ?? defaultMotionSettings), approvalRequired: true };
      await db.store.transaction((tx) => tx.motions.update(space.motionId, { settings }));
      const posted = await postArgument(
        db.store,
        actorOf(author),
        argumentInput(space.motionId, space.cite("Trade moved inland by rail."), {
          body: "Words awaiting a moderator.",
        }),
      );
      if (!posted.ok) throw new Error(posted.error.message);
      const id = posted.value.argument.id;
      const get = async (path: string, who: Person, door: typeof getMotion) => {
        const request = new Request(`http://localhost${path}`, {
          headers: { cookie: who.cookie },
        });
        const pathId = path.split("/").at(-1) ?? "";
        return door(request, { params: Promise.resolve({ id: pathId }) });
      };
      const seenByClassmate = await get(`/api/motions/${space.motionId}`, classmate, getMotion);
      expect(await seenByClassmate.text()).not.toContain("Words awaiting a moderator.");
      expect((await get(`/api/arguments/${id}`, classmate, getArgument)).status).toBe(404);
      const seenByModerator = await get(`/api/motions/${space.motionId}`, moderator, getMotion);
      expect(await seenByModerator.text()).toContain("Words awaiting a moderator.");
    } finally {
      await db.dispose();
    }
  });
});
