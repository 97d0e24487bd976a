import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_REPLAY } from "../../lib/protocol";
import { motionOn, spaceWithDocument } from "../support/fixtures";
import {
  appendTestEvent,
  hear,
  nextEvent,
  startRealtime,
  storeTestEvent,
  type TestRealtime,
} from "../support/realtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

describe("Socket.IO motion rooms", () => {
  let db: TestStore;
  let server: TestRealtime;
  let publicMotion: string;
  let privateMotion: string;
  const client = () => server.client();

  const append = (motionId: string) => appendTestEvent(db.store, server, motionId);

  beforeAll(async () => {
    db = await sqliteTestStore();
    const open = await spaceWithDocument(db.store, "public");
    const text = (await db.store.documents.version(open.versionId))?.text ?? "";
    publicMotion = await motionOn(db.store, open.spaceId, open.documentId, text);
    const closed = await spaceWithDocument(db.store, "private");
    privateMotion = await motionOn(db.store, closed.spaceId, closed.documentId, text);
    server = await startRealtime(db.store);
  });

  afterAll(async () => {
    await server?.close();
    await db?.dispose();
  });

  it("P-JOIN-1: a join returns every event after sinceSeq, in order", async () => {
    await append(publicMotion);
    await append(publicMotion);
    const socket = await client();
    const all = await socket.emitWithAck("motion:join", { motionId: publicMotion, sinceSeq: 0 });
    expect(all.ok && all.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(all.ok && all.seq).toBe(3);
    const later = await socket.emitWithAck("motion:join", { motionId: publicMotion, sinceSeq: 2 });
    expect(later).toMatchObject({ ok: true, seq: 3, reload: false });
    expect(later.ok && later.events.map((e) => [e.seq, e.type])).toEqual([
      [3, "argument.spotlighted"],
    ]);
  });

  it("P-JOIN-2: after a join, every client in the room receives new events live", async () => {
    const [first, second] = [await client(), await client()];
    for (const socket of [first, second]) {
      await socket.emitWithAck("motion:join", { motionId: publicMotion, sinceSeq: 0 });
    }
    const received = [first, second].map((socket) => nextEvent(socket));
    const seq = await append(publicMotion);
    for (const event of await Promise.all(received)) {
      expect(event).toMatchObject({ motionId: publicMotion, seq, type: "argument.spotlighted" });
    }
  });

  it("P-JOIN-5: events published in one turn reach a client as one motion:events, in seq order", async () => {
    const socket = await client();
    await socket.emitWithAck("motion:join", { motionId: publicMotion, sinceSeq: 0 });
    const stored = () => storeTestEvent(db.store, publicMotion);
    const [first, second, third] = [await stored(), await stored(), await stored()];
    const message = new Promise<number[]>((resolve) =>
      socket.once("motion:events", (events) => resolve(events.map((event) => event.seq))),
    );
    server.publish([third]);
    server.publish([first, second]);
    expect(await message).toEqual([first.seq, second.seq, third.seq]);
  });

  it("a server closed with people in a room stops without telling them who is left or failing on its closed database", async () => {
    const own = await sqliteTestStore();
    const space = await spaceWithDocument(own.store, "public");
    const text = (await own.store.documents.version(space.versionId))?.text ?? "";
    const motionId = await motionOn(own.store, space.spaceId, space.documentId, text);
    const node = await startRealtime(own.store);
    const socket = await node.client();
    const told = new Promise((resolve) => socket.once("presence:update", resolve));
    expect((await socket.emitWithAck("motion:join", { motionId, sinceSeq: 0 })).ok).toBe(true);
    await told;
    const faults: unknown[] = [];
    const fault = (error: unknown) => faults.push(error);
    process.on("unhandledRejection", fault);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // As server/main.ts stops, and harsher: the database closes while Socket.IO is closing.
      const closing = node.stop();
      await own.dispose();
      await closing;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errors.mock.calls).toEqual([]);
    } finally {
      errors.mockRestore();
      process.off("unhandledRejection", fault);
    }
    expect(faults).toEqual([]);
  });

  /** What a visitor without an account may do in a public space: read, nothing more. */
  const visitorCan = {
    post: false,
    edit: false,
    vote: false,
    rate: false,
    agree: false,
    moderate: false,
    postRefusal: "Sign in, or join with a code as a guest, to take part.",
  };

  it("P-JOIN-3: a client too far behind is told to reload instead of replaying", async () => {
    const { spaceId, documentId, versionId } = await spaceWithDocument(db.store, "public");
    const text = (await db.store.documents.version(versionId))?.text ?? "";
    const busy = await motionOn(db.store, spaceId, documentId, text);
    for (let i = 0; i < MAX_REPLAY; i++) await append(busy);
    const socket = await client();
    const answer = await socket.emitWithAck("motion:join", { motionId: busy, sinceSeq: 0 });
    expect(answer).toEqual({
      ok: true,
      motionId: busy,
      seq: MAX_REPLAY + 1,
      events: [],
      reload: true,
      serverNow: expect.any(Number),
      can: visitorCan,
    });
    const recent = await socket.emitWithAck("motion:join", { motionId: busy, sinceSeq: 1 });
    expect(recent.ok && recent.events).toHaveLength(MAX_REPLAY);
  });

  it("P-JOIN-6: a client holding a seq past the motion's last (a restored backup) is told to reload", async () => {
    const last = await append(publicMotion);
    const socket = await client();
    const answer = await socket.emitWithAck("motion:join", {
      motionId: publicMotion,
      sinceSeq: last + 40,
    });
    expect(answer).toEqual({
      ok: true,
      motionId: publicMotion,
      seq: last,
      events: [],
      reload: true,
      serverNow: expect.any(Number),
      can: visitorCan,
    });
  });

  it("P-JOIN-4: a motion in a space the client may not read answers not_found", async () => {
    const socket = await client();
    const answer = await socket.emitWithAck("motion:join", {
      motionId: privateMotion,
      sinceSeq: 0,
    });
    expect(answer).toEqual({ ok: false, error: { code: "not_found", message: "No such motion." } });
    let leaked = false;
    hear(socket, "event", () => {
      leaked = true;
    });
    await append(privateMotion);
    await socket.emitWithAck("motion:join", { motionId: publicMotion, sinceSeq: 0 });
    expect(leaked).toBe(false);
  });

  it("P-ACK-1: a malformed payload answers invalid_input", async () => {
    const socket = await client();
    const answer = await socket.emitWithAck("motion:join", {
      motionId: publicMotion,
      sinceSeq: -1,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });

  it("P-ACK-1: an event no handler serves answers not_found, and the connection stays", async () => {
    const socket = await client();
    // Names outside the typed event map, as a client of another version could send them.
    const emit = socket.emitWithAck.bind(socket) as (
      event: string,
      payload: object,
    ) => Promise<unknown>;
    expect(await emit("foo:bar", {})).toEqual({
      ok: false,
      error: { code: "not_found", message: 'There is no event named "foo:bar".' },
    });
    expect(await emit("debate:import", {})).toMatchObject({
      ok: false,
      error: { code: "not_found", message: expect.stringContaining("REST route") },
    });
    expect(socket.connected).toBe(true);
    expect(await socket.emitWithAck("motion:leave", { motionId: publicMotion })).toEqual({
      ok: true,
    });
  });

  /**
   * Joins the public motion by `joinAs` and leaves it by `leaveAs`: how many of its events the
   * client hears after, a round trip behind the publish (had one been sent, it would have come
   * first).
   */
  async function heardAfterLeaving(joinAs: string, leaveAs: string) {
    const socket = await client();
    expect(
      await socket.emitWithAck("motion:join", { motionId: joinAs, sinceSeq: 0 }),
    ).toMatchObject({ ok: true });
    expect(await socket.emitWithAck("motion:leave", { motionId: leaveAs })).toEqual({ ok: true });
    let received = 0;
    hear(socket, "event", () => {
      received += 1;
    });
    await append(publicMotion);
    await socket.emitWithAck("motion:leave", { motionId: publicMotion });
    return received;
  }

  it("P-LEAVE-1: after motion:leave the client receives no more events of that motion", async () => {
    expect(await heardAfterLeaving(publicMotion, publicMotion)).toBe(0);
  });

  it("P-LEAVE-1: a motion's id in upper case joins and leaves the same room", async () => {
    const shouted = publicMotion.toUpperCase();
    expect(await heardAfterLeaving(shouted, shouted)).toBe(0);
  });
});
