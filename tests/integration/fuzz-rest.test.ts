import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as agreeWithArgument } from "../../app/api/arguments/[id]/agreement/route";
import { POST as argumentCommand } from "../../app/api/arguments/[id]/commands/[name]/route";
import { POST as rateArgument } from "../../app/api/arguments/[id]/ratings/route";
import { POST as reviewCitation } from "../../app/api/arguments/[id]/review/route";
import { PATCH as changeArgument } from "../../app/api/arguments/[id]/route";
import { POST as addVersion } from "../../app/api/documents/[id]/versions/route";
import { GET as health } from "../../app/api/health/route";
import { POST as markNotificationsRead } from "../../app/api/me/notifications/read/route";
import { DELETE as deleteAccount, PATCH as renameMe } from "../../app/api/me/route";
import { DELETE as signOutEverywhere } from "../../app/api/me/sessions/route";
import { POST as postArgument } from "../../app/api/motions/[id]/arguments/route";
import { POST as motionCommand } from "../../app/api/motions/[id]/commands/[name]/route";
import { PUT as followMotion } from "../../app/api/motions/[id]/follow/route";
import { PUT as markGrade } from "../../app/api/motions/[id]/marks/[userId]/route";
import { POST as markRead } from "../../app/api/motions/[id]/read/route";
import { PATCH as changeMotion } from "../../app/api/motions/[id]/route";
import { PUT as setRubric } from "../../app/api/motions/[id]/rubric/route";
import { POST as castVote } from "../../app/api/motions/[id]/votes/route";
import { POST as confirmPasswordReset } from "../../app/api/password-reset/confirm/route";
import { POST as askPasswordReset } from "../../app/api/password-reset/route";
import { POST as previewDocument } from "../../app/api/spaces/[id]/documents/preview/route";
import { POST as importDocument } from "../../app/api/spaces/[id]/documents/route";
import { POST as importDebate } from "../../app/api/spaces/[id]/import/route";
import { POST as manageJoinCode } from "../../app/api/spaces/[id]/join-code/route";
import {
  PATCH as changeMember,
  DELETE as removeMember,
} from "../../app/api/spaces/[id]/members/[userId]/route";
import { POST as createMotion } from "../../app/api/spaces/[id]/motions/route";
import { POST as markAllRead } from "../../app/api/spaces/[id]/read/route";
import { POST as joinSpace } from "../../app/api/spaces/join/route";
import { POST as createSpace } from "../../app/api/spaces/route";
import { POST as signUp } from "../../app/api/users/route";
import type { MotionEvent, Presence } from "../../lib/protocol";
import { refuseThrottledSignIn } from "../../server/auth/signInGuard";
import { exportDebate } from "../../server/domain/exports";
import { createSpace as newSpace } from "../../server/domain/spaces/createSpace";
import { systemActor } from "../../server/policy";
import { actorOf, argumentInput } from "../support/debate";
import { sampleText } from "../support/fixtures";
import {
  FUZZ_BUDGET,
  FUZZ_TOTAL,
  type FuzzStore,
  fuzzLimitSettings,
  fuzzStore,
  isDocumentedRefusal,
  logOf,
  payloads,
  prototypePolluted,
} from "../support/fuzz";
import { type FuzzStage, fuzzStage, standings } from "../support/fuzzStage";
import { must } from "../support/outcome";
import { type Client, hear, startRealtime, type TestRealtime } from "../support/realtime";
import { setTestRuntime } from "../support/runtime";

// Property-based tests over the body of every REST route that changes something, called as
// Next calls a route handler (as rest.test.ts and doors.test.ts do), on a real SQLite store, with
// what the doors publish going out through a real Socket.IO server to a real client. SQLite is
// enough for fuzzing: the doors, zod schemas and policy are the same code on both dialects.

/** A route handler, given the request and the ids of its path. */
type Handler = (request: Request, ids: Record<string, string>) => Promise<Response | null>;

interface Door {
  handler: Handler;
  method: string;
  /** The path's ids: each may be swapped for junk or another real id. */
  ids: Record<string, string>;
  /** The motion whose log and room are watched. */
  motionId: string;
  valid: fc.Arbitrary<object>;
}

const clientId = fc.uuid();
const withIds =
  <P extends Record<string, string>>(
    route: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  ): Handler =>
  (request, ids) =>
    route(request, { params: Promise.resolve(ids as P) });

/** Each mutating route of app/api, by its file and method, and how to aim it. */
const doors: Record<string, (s: FuzzStage) => Promise<Door>> = {
  "motions/[id]/arguments POST": async (s) => {
    const motionId = await s.motion({ evidenceRequired: true });
    const parentId = await s.argumentIn(motionId);
    const valid = fc.record({ clientId, reply: fc.boolean() }).map(({ clientId, reply }) => {
      const { motionId: _, ...body } = argumentInput(motionId, s.citation, {
        clientId,
        ...(reply ? { parentId, relation: "supports" } : {}),
      });
      return body;
    });
    return {
      handler: withIds(postArgument),
      method: "POST",
      ids: { id: motionId },
      motionId,
      valid,
    };
  },
  "motions/[id]/votes POST": async (s) => {
    const motionId = await s.motion();
    const valid = fc.record({
      phase: fc.constantFrom("before", "after"),
      stance: fc.constantFrom("for", "against", "undecided"),
    });
    return { handler: withIds(castVote), method: "POST", ids: { id: motionId }, motionId, valid };
  },
  "motions/[id]/follow PUT": async (s) => {
    const motionId = await s.motion();
    const valid = fc.record({ state: fc.constantFrom("following", "unfollowed", "muted") });
    return {
      handler: withIds(followMotion),
      method: "PUT",
      ids: { id: motionId },
      motionId,
      valid,
    };
  },
  "motions/[id]/rubric PUT": async (s) => {
    const motionId = await s.motion();
    const weight = fc.integer({ min: 0, max: 100 });
    const cap = fc.integer({ min: 1, max: 50 });
    const valid = fc.record({
      postingWeight: weight,
      evidenceWeight: weight,
      engagementWeight: weight,
      markWeight: weight,
      postsCap: cap,
      passagesCap: cap,
      answersCap: cap,
    });
    return { handler: withIds(setRubric), method: "PUT", ids: { id: motionId }, motionId, valid };
  },
  "motions/[id]/marks/[userId] PUT": async (s) => {
    const motionId = await s.motion();
    const valid = fc.record(
      {
        mark: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(null)),
        comment: fc.string({ maxLength: 80 }),
      },
      { requiredKeys: ["mark"] },
    );
    return {
      handler: withIds(markGrade),
      method: "PUT",
      ids: { id: motionId, userId: s.target.id },
      motionId,
      valid,
    };
  },
  "motions/[id]/read POST": async (s) => {
    const motionId = await s.motion();
    const valid = fc.record({ seq: fc.nat(2) });
    return { handler: withIds(markRead), method: "POST", ids: { id: motionId }, motionId, valid };
  },
  "motions/[id] PATCH": async (s) => {
    const motionId = await s.motion({ format: "oxford" });
    const argumentId = await s.argumentIn(motionId, "moderator");
    await s.startSession(motionId);
    const valid = fc.oneof(
      fc.record({ settings: fc.record({ anonymous: fc.boolean() }) }),
      fc.record({ locked: fc.boolean() }),
      fc.record({ spotlight: fc.constantFrom(argumentId, null) }),
      fc.record({ action: fc.constantFrom("pause", "resume", "extend", "advance") }),
      fc.record({ timer: fc.integer({ min: 0, max: 7200 }) }),
      fc.record({
        userId: fc.constant(s.target.id),
        side: fc.constantFrom("for", "against", null),
      }),
      fc.record({ status: fc.constantFrom("open", "closed") }),
      fc.record({ title: fc.constant("Rail freight should be run by the state") }),
    );
    return {
      handler: withIds(changeMotion),
      method: "PATCH",
      ids: { id: motionId },
      motionId,
      valid,
    };
  },
  "motions/[id]/commands/[name] POST": async (s) => {
    const motionId = await s.motion();
    const valid = fc.record({ clientId, locked: fc.boolean() });
    return {
      handler: withIds(motionCommand),
      method: "POST",
      ids: { id: motionId, name: "motion:lock" },
      motionId,
      valid,
    };
  },
  "arguments/[id]/commands/[name] POST": async (s) => {
    const motionId = await s.motion();
    const argumentId = await s.argumentIn(motionId);
    const valid = fc.record({ clientId, pinned: fc.boolean() });
    return {
      handler: withIds(argumentCommand),
      method: "POST",
      ids: { id: argumentId, name: "argument:pin" },
      motionId,
      valid,
    };
  },
  "arguments/[id]/ratings POST": async (s) => {
    const motionId = await s.motion();
    const argumentId = await s.argumentIn(motionId);
    const valid = fc.record({ clientId, score: fc.nat(4) });
    return {
      handler: withIds(rateArgument),
      method: "POST",
      ids: { id: argumentId },
      motionId,
      valid,
    };
  },
  "arguments/[id]/agreement PUT": async (s) => {
    const motionId = await s.motion();
    const argumentId = await s.argumentIn(motionId);
    const valid = fc.record({ clientId, stance: fc.constantFrom("agree", "disagree", "pass") });
    return {
      handler: withIds(agreeWithArgument),
      method: "PUT",
      ids: { id: argumentId },
      motionId,
      valid,
    };
  },
  "arguments/[id]/review POST": async (s) => {
    const motionId = await s.motion();
    const argumentId = await s.argumentIn(motionId);
    const valid = fc.record({
      position: fc.nat(1),
      action: fc.constantFrom("accept", "detach", "repick"),
      quote: fc.constant("Nobody expected the rail line to pay for itself."),
    });
    return {
      handler: withIds(reviewCitation),
      method: "POST",
      ids: { id: argumentId },
      motionId,
      valid,
    };
  },
  "arguments/[id] PATCH": async (s) => {
    const motionId = await s.motion();
    const argumentId = await s.argumentIn(motionId);
    const valid = fc.oneof(
      fc.record({
        body: fc.constant("The rail line carried the harbour's trade, and its people."),
      }),
      fc.record({ status: fc.constant("withdrawn") }),
      fc.record({ status: fc.constant("hidden"), reason: fc.constant("Off topic") }),
      fc.record({ status: fc.constantFrom("published", "approved") }),
      fc.record({ status: fc.constant("rejected"), reason: fc.constant("Cite the report.") }),
      fc.record({ pinned: fc.boolean() }),
    );
    return {
      handler: withIds(changeArgument),
      method: "PATCH",
      ids: { id: argumentId },
      motionId,
      valid,
    };
  },
  "documents/[id]/versions POST": async (s) => {
    const valid = fc.record({
      text: fc.constantFrom(`${sampleText}\n\nA paragraph added later.`, sampleText),
      format: fc.constantFrom("text", "markdown"),
    });
    return {
      handler: withIds(addVersion),
      method: "POST",
      ids: { id: await s.spareDocument() },
      motionId: s.motionId,
      valid,
    };
  },
  "spaces/[id]/documents POST": async (s) => documentDoor(s, importDocument),
  "spaces/[id]/documents/preview POST": async (s) => documentDoor(s, previewDocument),
  "spaces/[id]/import POST": async (s) => {
    const motionId = await s.motion();
    await s.argumentsIn(motionId, 2);
    const file = await must(
      exportDebate(s.store, actorOf(s.people.moderator), motionId, "json", "https://moot.test"),
    );
    const valid = fc.constant(JSON.parse(file.body) as object);
    return {
      handler: withIds(importDebate),
      method: "POST",
      ids: { id: s.spaceId },
      motionId,
      valid,
    };
  },
  "spaces/[id]/join-code POST": async (s) => ({
    handler: withIds(manageJoinCode),
    method: "POST",
    ids: { id: s.spaceId },
    motionId: s.motionId,
    valid: fc.record({ action: fc.constantFrom("rotate", "off") }),
  }),
  "spaces/[id]/motions POST": async (s) => {
    const valid = fc.record(
      {
        title: fc.constant("Rail freight should be run by the state"),
        description: fc.string({ maxLength: 50 }),
        status: fc.constantFrom("open", "draft"),
        settings: fc.record({ format: fc.constantFrom("free", "oxford") }),
        sources: fc.constant([s.citation]),
      },
      { requiredKeys: ["title"] },
    );
    return {
      handler: withIds(createMotion),
      method: "POST",
      ids: { id: s.spaceId },
      motionId: s.motionId,
      valid,
    };
  },
  "spaces/[id]/read POST": async (s) => ({
    handler: withIds(markAllRead),
    method: "POST",
    ids: { id: s.spaceId },
    motionId: s.motionId,
    valid: fc.constant({}),
  }),
  "spaces POST": async (s) => ({
    handler: (request) => createSpace(request),
    method: "POST",
    ids: {},
    motionId: s.motionId,
    valid: fc.record(
      {
        name: fc.constantFrom("Harbour seminar", "Rail history"),
        visibility: fc.constantFrom("public", "private"),
        slug: fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}$/),
      },
      { requiredKeys: ["name"] },
    ),
  }),
  "users POST": async (s) => ({
    handler: (request) => signUp(request),
    method: "POST",
    ids: {},
    motionId: s.motionId,
    valid: fc.record({
      name: fc.constantFrom("Ada Fuzz", "Grace Fuzz"),
      email: fc.uuid().map((id) => `${id}@example.test`),
      password: fc.constant("a long enough password"),
    }),
  }),
  "password-reset POST": async (s) => ({
    handler: (request) => askPasswordReset(request),
    method: "POST",
    ids: {},
    motionId: s.motionId,
    valid: fc.record({ email: fc.uuid().map((id) => `${id}@example.test`) }),
  }),
  "password-reset/confirm POST": async (s) => ({
    handler: (request) => confirmPasswordReset(request),
    method: "POST",
    ids: {},
    motionId: s.motionId,
    valid: fc.record({
      token: fc.base64String({ minLength: 16, maxLength: 64 }),
      password: fc.constant("a long enough password"),
    }),
  }),
  // The stage's people have no password that any payload could match: deleting is refused.
  "me DELETE": async (s) => ({
    handler: (request) => deleteAccount(request),
    method: "DELETE",
    ids: {},
    motionId: s.motionId,
    valid: fc.record({ password: fc.string({ minLength: 1, maxLength: 40 }) }),
  }),
  "me PATCH": async (s) => ({
    handler: (request) => renameMe(request),
    method: "PATCH",
    ids: {},
    motionId: s.motionId,
    valid: fc.record({ name: fc.string({ minLength: 1, maxLength: 60 }) }),
  }),
  "me/notifications/read POST": async (s) => ({
    handler: (request) => markNotificationsRead(request),
    method: "POST",
    ids: {},
    motionId: s.motionId,
    valid: fc.oneof(
      fc.record({ ids: fc.array(fc.uuid(), { maxLength: 3 }) }),
      fc.constant({ all: true }),
    ),
  }),
  // Auth.js's own handler cannot be loaded outside Next; what runs before it is ours: the gate
  // that reads the posted email and refuses a throttled sign-in (null: Auth.js is asked).
  "auth/[...nextauth] POST": async (s) => ({
    handler: (request) =>
      refuseThrottledSignIn(
        new Request(new URL("/api/auth/callback/credentials", request.url), request),
      ),
    method: "POST",
    ids: {},
    motionId: s.motionId,
    valid: fc.record({ email: fc.constant("ada@example.test"), password: fc.string() }),
  }),
  // Last: these change who is in which space.
  "spaces/join POST": async (s) => {
    const other = await must(
      newSpace(s.store, systemActor, { clientId: crypto.randomUUID(), name: "Another seminar" }),
    );
    const valid = fc.record(
      { code: fc.constant(other.joinCode ?? ""), guestName: fc.constantFrom("Gus Guest", "Gia") },
      { requiredKeys: ["code"] },
    );
    return {
      handler: (request) => joinSpace(request),
      method: "POST",
      ids: {},
      motionId: s.motionId,
      valid,
    };
  },
  "spaces/[id]/members/[userId] PATCH": async (s) => ({
    handler: withIds(changeMember),
    method: "PATCH",
    ids: { id: s.spaceId, userId: s.target.id },
    motionId: s.motionId,
    valid: fc.oneof(
      fc.record({ role: fc.constantFrom("observer", "participant", "moderator") }),
      fc.record({ muted: fc.boolean() }),
    ),
  }),
  "spaces/[id]/members/[userId] DELETE": async (s) => ({
    handler: withIds(removeMember),
    method: "DELETE",
    ids: { id: s.spaceId, userId: s.target.id },
    motionId: s.motionId,
    valid: fc.constant({}),
  }),
  // Very last: it signs the caller out everywhere.
  "me/sessions DELETE": async (s) => ({
    handler: (request) => signOutEverywhere(request),
    method: "DELETE",
    ids: {},
    motionId: s.motionId,
    valid: fc.constant({}),
  }),
};

function documentDoor(
  s: FuzzStage,
  route: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
): Door {
  const valid = fc.record(
    {
      title: fc.constantFrom("Harbour report, second copy", "Rail ledger"),
      text: fc.constant(sampleText),
      format: fc.constantFrom("text", "markdown"),
      author: fc.constant("A. Clerk"),
      sourceUrl: fc.constant("https://example.test/report?id=1"),
      publishedAt: fc.constant("1911"),
    },
    { requiredKeys: ["title", "text"] },
  );
  return {
    handler: withIds(route),
    method: "POST",
    ids: { id: s.spaceId },
    motionId: s.motionId,
    valid,
  };
}

const runsPerDoor = Math.ceil(FUZZ_BUDGET.rest / Object.keys(doors).length);

/** The route files under app/api and the methods they export that change something. */
function mutatingRoutes(): string[] {
  const apiDir = join(process.cwd(), "app/api");
  const files = readdirSync(apiDir, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith("route.ts"),
  );
  return files
    .flatMap((file) => {
      const route = file.replace(/\/?route\.ts$/, "");
      const source = readFileSync(join(apiDir, file), "utf8");
      const exported = source.matchAll(
        /export (?:async function|const) (POST|PUT|PATCH|DELETE)\b/g,
      );
      return [...exported].map(([, method]) => `${route} ${method}`);
    })
    .sort();
}

/** A body as a client may send it: JSON of the payload, text that is not JSON, or none. */
const bodies = (valid: fc.Arbitrary<object>, ids: string[]) =>
  fc.oneof(
    { weight: 12, arbitrary: payloads(valid, ids).map((payload) => JSON.stringify(payload)) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

const contentTypes = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json",
  "text/plain",
  "multipart/form-data; boundary=fuzz",
  undefined,
);

/** The path's ids as sent: mostly the real ones, now and then junk or another real id. */
const pathIds = (real: Record<string, string>, ids: string[]) =>
  fc.record(
    Object.fromEntries(
      Object.entries(real).map(([name, id]) => [
        name,
        fc.oneof(
          { weight: 8, arbitrary: fc.constant(id) },
          { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
          { weight: 1, arbitrary: fc.constantFrom(...ids) },
        ),
      ]),
    ),
  );

describe("fuzzed REST bodies (P-FUZZ-1)", () => {
  let db: FuzzStore;
  let server: TestRealtime;
  let stage: FuzzStage;
  let onlooker: Client;
  const heard: (MotionEvent | Presence)[] = [];
  const faults: unknown[] = [];
  const fault = (error: unknown) => faults.push(error);
  let sent = 0;
  /** Accepted payloads whose writes the witness saw: proof it is awake. */
  let witnessed = 0;
  /** How the bodies were answered: their status, with counts. */
  const answers = new Map<number, number>();

  beforeAll(async () => {
    process.on("unhandledRejection", fault);
    process.on("uncaughtException", fault);
    db = fuzzStore();
    server = await startRealtime(db.store, undefined, fuzzLimitSettings);
    const { publish, disconnectSessions, limits } = server;
    setTestRuntime(db.store, { publish, disconnectSessions, limits });
    stage = await fuzzStage(db.store);
    onlooker = await server.client(stage.onlooker);
    hear(onlooker, "event", (event) => heard.push(event));
    onlooker.on("presence:update", (presence) => heard.push(presence));
  });
  afterAll(async () => {
    process.off("unhandledRejection", fault);
    process.off("uncaughtException", fault);
    await server?.close();
    await db?.dispose();
  });

  /**
   * Until what the server sent the onlooker before has arrived. Twice: an accepted command's events
   * wait for the writes queued before them (P-LIVE-1), and an answer queued meanwhile can go out in
   * the same turn just ahead of them (a renamed member's events to every motion they argued in,
   * say); the second answer is queued after them.
   */
  async function roundTrip() {
    for (let trip = 0; trip < 2; trip++) {
      const answer = await onlooker.emitWithAck("motion:leave", { motionId: "round-trip" });
      expect(answer.ok || isDocumentedRefusal(answer.error)).toBe(true);
    }
  }

  it("every route that changes something is fuzzed", async () => {
    expect(mutatingRoutes()).toEqual(Object.keys(doors).sort());
  });

  // Routes that read no body, and Auth.js's, whose forms are its own.
  const readsNoBody = new Set([
    "auth/[...nextauth] POST",
    "me/sessions DELETE",
    "spaces/[id]/members/[userId] DELETE",
    "spaces/[id]/read POST",
  ]);
  it("a body cut short, not JSON at all, or JSON but not an object is 400 invalid_input on every route that reads one, and stores nothing", async () => {
    const cookie = stage.people.moderator.cookie;
    const badBodies: [body: string, contentType: string][] = [
      [
        '{"clientId": "6f1c2a9e-0d1b-4c3e-9a57-2b1e4f0c8d21", "status": "withdr',
        "application/json",
      ],
      ["hello, not json", "text/plain"],
      ["[1, 2]", "application/json"],
    ];
    const routes = Object.entries(doors).filter(([name]) => !readsNoBody.has(name));
    expect(routes.length).toBeGreaterThan(25);
    for (const [name, aim] of routes) {
      const door = await aim(stage);
      for (const [body, contentType] of badBodies) {
        const writes = db.writes();
        const log = await logOf(db.store, door.motionId);
        const request = new Request(`http://localhost/api/${name.split(" ")[0]}`, {
          method: door.method,
          headers: { cookie, "content-type": contentType },
          body,
        });
        const response = await door.handler(request, door.ids);
        const text = (await response?.text()) ?? "no answer";
        expect([name, body, response?.status], text).toEqual([name, body, 400]);
        expect((JSON.parse(text) as { error: { code: string } }).error.code).toBe("invalid_input");
        expect(db.writes(), `${name} stored something for ${body}`).toBe(writes);
        expect(await logOf(db.store, door.motionId)).toEqual(log);
      }
    }
    // A command that needs no field but the path's: a body cut short is not read as none.
    const motionId = await stage.motion();
    const argumentId = await stage.argumentIn(motionId);
    const withdraw = new Request("http://localhost/api/arguments/commands", {
      method: "POST",
      headers: { cookie: stage.people.participant.cookie, "content-type": "application/json" },
      body: '{"clientId": "6f1c2a9e-0d1b-4c3e-9a57',
    });
    const refused = await argumentCommand(withdraw, {
      params: Promise.resolve({ id: argumentId, name: "argument:withdraw" }),
    });
    expect(refused.status, await refused.text()).toBe(400);
    const [kept] = await db.store.arguments.byIds([argumentId]);
    expect(kept?.status).toBe("published");
  });

  for (const [name, aim] of Object.entries(doors)) {
    it(`${name}: any body is answered ok or with a documented code; a refusal stores and sends nothing`, async () => {
      const door = await aim(stage);
      expect((await onlooker.emitWithAck("motion:join", { motionId: door.motionId })).ok).toBe(
        true,
      );
      let lastAccepted = true;
      const property = fc.asyncProperty(
        fc.constantFrom(...standings),
        bodies(door.valid, stage.ids),
        contentTypes,
        pathIds(door.ids, stage.ids),
        async (standing, body, contentType, ids) => {
          // An accepted request's events may still be on their way to the onlooker: let them land.
          if (lastAccepted) await roundTrip();
          heard.length = 0;
          const writes = db.writes();
          const log = await logOf(db.store, door.motionId);
          const cookie = stage.people[standing]?.cookie;
          const request = new Request(`http://localhost/api/${name.split(" ")[0]}`, {
            method: door.method,
            headers: {
              ...(cookie ? { cookie } : {}),
              ...(contentType ? { "content-type": contentType } : {}),
            },
            body,
          });
          const response = await door.handler(request, ids);
          sent += 1;
          const status = response?.status ?? 0;
          answers.set(status, (answers.get(status) ?? 0) + 1);
          // The sign-in gate answers null when it lets Auth.js check the password.
          lastAccepted = response === null || response.status < 400;
          if (lastAccepted || response === null) {
            if (db.writes() !== writes) witnessed += 1;
            return;
          }
          const text = await response.text();
          expect(response.status, text).toBeLessThan(500);
          const answer = JSON.parse(text) as { error?: unknown };
          expect(isDocumentedRefusal(answer.error), text).toBe(true);
          await roundTrip();
          expect(heard).toEqual([]);
          expect(db.writes()).toBe(writes);
          expect(await logOf(db.store, door.motionId)).toEqual(log);
        },
      );
      await fc.assert(property, { numRuns: runsPerDoor });
      expect((await health()).status).toBe(200);
    });
  }

  it(`sent at least its share of ${FUZZ_TOTAL} payloads, kept answering, and nothing threw`, async () => {
    expect(FUZZ_BUDGET.socket + FUZZ_BUDGET.rest).toBeGreaterThanOrEqual(FUZZ_TOTAL);
    expect(sent).toBeGreaterThanOrEqual(FUZZ_BUDGET.rest);
    expect(witnessed).toBeGreaterThan(0);
    expect((await health()).status).toBe(200);
    expect(onlooker.connected).toBe(true);
    expect(faults).toEqual([]);
    expect(prototypePolluted()).toBe(false);
    const tally = [...answers].map(([status, count]) => `${status || "to Auth.js"} ${count}`);
    console.info(
      `fuzz-rest: ${sent} bodies over ${Object.keys(doors).length} routes (${tally.join(", ")})`,
    );
  });
});
