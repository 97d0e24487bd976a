import { describe, expect, it } from "vitest";
import { POST as argumentCommand } from "../../app/api/arguments/[id]/commands/[name]/route";
import { GET as getArgument, PATCH as patchArgument } from "../../app/api/arguments/[id]/route";
import { POST as motionCommand } from "../../app/api/motions/[id]/commands/[name]/route";
import { PATCH as patchMotion } from "../../app/api/motions/[id]/route";
import { postArgument } from "../../server/domain/debate/postArgument";
import { actorOf, argumentInput, debate } from "../support/debate";
import { liveSuite, nextEvent } from "../support/realtime";
import { setTestRuntime } from "../support/runtime";

const call = (cookie: string | undefined, method: string, body: unknown) =>
  new Request("http://localhost/api", {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
const at = (id: string, name: string) => ({ params: Promise.resolve({ id, name }) });
const of = (id: string) => ({ params: Promise.resolve({ id }) });

describe("a command by its name over REST", () => {
  const live = liveSuite();

  /** A private debate with a moderator and a participant in the room, and one argument. */
  async function room() {
    const { store } = live.db;
    const { publish, disconnectSessions, limits } = live.server;
    setTestRuntime(store, { publish, disconnectSessions, limits });
    const d = await debate(store, "private");
    const moderator = await d.member("Mona", "moderator");
    const student = await d.member("Sam", "participant");
    const listener = await live.server.client(student);
    await listener.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    const input = argumentInput(d.motionId, d.cite("Trade moved inland by rail."));
    const posted = await postArgument(store, actorOf(student), input);
    if (!posted.ok) throw new Error(posted.error.message);
    return { d, moderator, student, listener, argumentId: posted.value.argument.id };
  }

  it("argument:pin by a moderator answers 200 and the room hears argument.pinned", async () => {
    const { moderator, listener, argumentId } = await room();
    const heard = nextEvent(listener, "argument.pinned");
    const response = await argumentCommand(
      call(moderator.cookie, "POST", { pinned: true }),
      at(argumentId, "argument:pin"),
    );
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).toEqual({ seq: expect.any(Number), argumentId, pinned: true });
    expect(await heard).toMatchObject({ seq: answer.seq, data: { argumentId, pinned: true } });
  });

  it("takes the name with its colon encoded, on a motion as on an argument", async () => {
    const { d, moderator, listener, argumentId } = await room();
    const heard = nextEvent(listener, "argument.spotlighted");
    const response = await motionCommand(
      call(moderator.cookie, "POST", { argumentId }),
      at(d.motionId, "argument%3Aspotlight"),
    );
    expect(response.status).toBe(200);
    expect(await heard).toMatchObject({ data: { argumentId } });
  });

  it("argument:post answers as a creation: 201, the argument as its GET gives it, Location", async () => {
    const { d, student, listener } = await room();
    const heard = nextEvent(listener, "argument.posted");
    const cited = d.cite("Trade moved inland by rail.");
    const body = argumentInput(d.motionId, cited, { body: "The port grew with it." });
    const response = await motionCommand(
      call(student.cookie, "POST", body),
      at(d.motionId, "argument:post"),
    );
    expect(response.status).toBe(201);
    const argument = await response.json();
    expect(argument).toMatchObject({ motionId: d.motionId, body: "The port grew with it." });
    expect(response.headers.get("location")).toBe(`/api/arguments/${argument.id}`);
    const read = await getArgument(
      new Request(`http://localhost/api/arguments/${argument.id}`, {
        headers: { cookie: student.cookie },
      }),
      of(argument.id),
    );
    expect(await read.json()).toEqual(argument);
    expect(await heard).toMatchObject({ data: { argument: { id: argument.id } } });
  });

  it("answers 404 for an unknown name or one of no motion or argument, 400 for the other resource's", async () => {
    const { d, moderator, argumentId } = await room();
    const unknown = await argumentCommand(
      call(moderator.cookie, "POST", {}),
      at(argumentId, "argument:polish"),
    );
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    const wrong = await argumentCommand(
      call(moderator.cookie, "POST", { locked: true }),
      at(argumentId, "motion:lock"),
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toEqual({
      code: "invalid_input",
      message: "motion:lock acts on a motion, not an argument.",
    });
    for (const name of ["member:change", "space:create"]) {
      const spaceOnly = await motionCommand(
        call(moderator.cookie, "POST", { role: "removed", name: "A space" }),
        at(d.motionId, name),
      );
      expect(spaceOnly.status).toBe(404);
      expect((await spaceOnly.json()).error.message).toMatch(/^No such command here/);
    }
  });

  it("refuses a participant (403) and an outsider (404) as the socket does, storing nothing", async () => {
    const { d, student, argumentId } = await room();
    const before = (await live.db.store.motions.get(d.motionId))?.lastSeq;
    const participant = await argumentCommand(
      call(student.cookie, "POST", { reason: "Mine" }),
      at(argumentId, "moderation:hide"),
    );
    expect(participant.status).toBe(403);
    const outsider = await motionCommand(
      call(undefined, "POST", { locked: true }),
      at(d.motionId, "motion:lock"),
    );
    expect(outsider.status).toBe(404);
    expect((await live.db.store.motions.get(d.motionId))?.lastSeq).toBe(before);
  });

  it("the older PATCH forms run the same commands, their fields renamed", async () => {
    const { d, moderator, listener, argumentId } = await room();
    const spotlit = nextEvent(listener, "argument.spotlighted");
    const spotlight = await patchMotion(
      call(moderator.cookie, "PATCH", { spotlight: argumentId }),
      of(d.motionId),
    );
    expect(spotlight.status).toBe(200);
    expect(await spotlit).toMatchObject({ data: { argumentId } });
    const pinned = nextEvent(listener, "argument.pinned");
    const pin = await patchArgument(
      call(moderator.cookie, "PATCH", { pinned: true }),
      of(argumentId),
    );
    expect(await pin.json()).toMatchObject({ argumentId, pinned: true });
    expect(await pinned).toMatchObject({ data: { argumentId, pinned: true } });
  });

  it("an older PATCH with the fields of two changes is 400, and makes neither", async () => {
    const { d, moderator, student, argumentId } = await room();
    const { store } = live.db;
    const before = (await store.motions.get(d.motionId))?.lastSeq;
    const refused = async (response: Response, message: string) => {
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: "invalid_input", message } });
    };
    await refused(
      await patchArgument(
        call(student.cookie, "PATCH", { body: "Reworded.", status: "withdrawn" }),
        of(argumentId),
      ),
      "body: status and body are separate changes; send one at a time",
    );
    await refused(
      await patchMotion(
        call(moderator.cookie, "PATCH", { locked: true, spotlight: null }),
        of(d.motionId),
      ),
      "body: spotlight and locked are separate changes; send one at a time",
    );
    await refused(
      await patchArgument(call(student.cookie, "PATCH", { status: "deleted" }), of(argumentId)),
      "status: must be one of withdrawn, hidden, published, approved, rejected",
    );
    expect((await store.motions.get(d.motionId))?.lastSeq).toBe(before);
    const argument = await store.arguments.get(argumentId);
    expect(argument).toMatchObject({ status: "published" });
    expect(argument?.body).not.toBe("Reworded.");
    // One change's own fields together are one change: this one reaches the session's command.
    const phase = await patchMotion(
      call(moderator.cookie, "PATCH", { action: "start", seconds: 120 }),
      of(d.motionId),
    );
    expect(await phase.json()).toMatchObject({
      error: { code: "conflict", message: expect.stringMatching(/^Free discussion has no phases/) },
    });
  });

  it("P-RATE-1: edits count as posts on every door alike: REST, its PATCH alias and Socket.IO", async () => {
    const { student, argumentId } = await room();
    const edit = (n: number) => ({ body: `Wording number ${n}.` });
    for (let n = 0; n < 10; n++) {
      const response =
        n % 2 === 0
          ? await argumentCommand(
              call(student.cookie, "POST", edit(n)),
              at(argumentId, "argument:edit"),
            )
          : await patchArgument(call(student.cookie, "PATCH", edit(n)), of(argumentId));
      expect(response.status).toBe(200);
    }
    const socket = await live.server.client(student);
    const refused = await socket.emitWithAck("argument:edit", {
      argumentId,
      clientId: crypto.randomUUID(),
      ...edit(10),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    const overRest = await patchArgument(call(student.cookie, "PATCH", edit(11)), of(argumentId));
    expect(overRest.status).toBe(429);
  });
});
