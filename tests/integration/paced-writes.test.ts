import { setImmediate as turnEnds } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MotionEvent } from "../../lib/protocol";
import { motionOn, spaceWithDocument } from "../support/fixtures";
import {
  appendTestEvent,
  type Client,
  hear,
  nextHeard,
  startRealtime,
  storeTestEvent,
  type TestRealtime,
} from "../support/realtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

const ROOM = 300;

describe("a node's writes, paced over turns of its event loop", () => {
  let db: TestStore;
  let server: TestRealtime;
  let motionId: string;
  let room: Client[];
  /** The motion:events messages the server has written to its connections so far. */
  let written = 0;

  beforeAll(async () => {
    db = await sqliteTestStore();
    const space = await spaceWithDocument(db.store, "public");
    const text = (await db.store.documents.version(space.versionId))?.text ?? "";
    motionId = await motionOn(db.store, space.spaceId, space.documentId, text);
    // Limits lifted: a room of visitors from one address, and these are not tests of the limits.
    // A budget spent by each task's first write, so that a room of 300 is surely written over
    // many turns, however fast this machine writes (tests/unit/paced-writes.test.ts: the budget).
    server = await startRealtime(
      db.store,
      undefined,
      { factor: 1000, counts: {} },
      { writeBudgetMs: 0 },
    );
    room = await Promise.all(Array.from({ length: ROOM }, () => server.client()));
    // The presence that counts the whole room, which a busy room sends late: once every
    // connection has it, nothing else is being written when the tests begin.
    const wholeRoomSeen = room.map((socket) =>
      nextHeard(socket, "presence:update", (presence) => presence.visitors === ROOM, 30_000),
    );
    for (const socket of room) {
      const answer = await socket.emitWithAck("motion:join", { motionId, sinceSeq: 0 });
      if (!answer.ok) throw new Error(answer.error.message);
    }
    for (const socket of server.io.of("/").sockets.values()) {
      socket.conn.on("packetCreate", (packet: { data?: unknown }) => {
        if (String(packet.data).includes('"motion:events"')) written += 1;
      });
    }
    await Promise.all(wholeRoomSeen);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await db?.dispose();
  });

  /** Every event each socket of the room hears from now on, in order of arrival. */
  const hearAll = (sockets: Client[]) =>
    sockets.map((socket) => {
      const events: MotionEvent[] = [];
      hear(socket, "event", (event) => events.push(event));
      return events;
    });

  const until = async (done: () => boolean) => {
    for (let waited = 0; !done(); waited += 10) {
      if (waited > 20_000) throw new Error("not every connection received what was sent");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it("P-LIVE-1: an event for a room of 300 is written over turns of the event loop, and reaches all of them", async () => {
    const heard = hearAll(room);
    const before = written;
    const seq = await appendTestEvent(db.store, server, motionId);
    // The room's broadcast runs in this turn's last phase, before this: what it wrote at once.
    await turnEnds();
    const atOnce = written - before;
    expect(atOnce).toBe(1);
    await until(() => heard.every((events) => events.length === 1));
    expect(written - before).toBe(ROOM);
    expect(heard.flat().every((event) => event.seq === seq)).toBe(true);
  });

  it("P-LIVE-1: events committed while a broadcast is still being written go out together after it", async () => {
    const last = room.at(-1) as Client;
    const messages: number[][] = [];
    const heard = (events: MotionEvent[]) => messages.push(events.map((event) => event.seq));
    last.on("motion:events", heard);
    const [first, second, third] = [
      await storeTestEvent(db.store, motionId),
      await storeTestEvent(db.store, motionId),
      await storeTestEvent(db.store, motionId),
    ];
    server.publish([first]);
    // Two turns later the room of 300 is still being written the first (one a turn).
    await turnEnds();
    server.publish([second]);
    await turnEnds();
    server.publish([third]);
    await until(() => messages.flat().length === 3);
    expect(messages).toEqual([[first.seq], [second.seq, third.seq]]);
    last.off("motion:events", heard);
  });

  it("P-JOIN-5: events published while a room's writes still wait reach every connection once each, in seq order", async () => {
    const heard = hearAll(room);
    const seqs: number[] = [];
    // Each in a turn of its own, each while the broadcasts before it are still being written.
    for (let i = 0; i < 8; i++) seqs.push(await appendTestEvent(db.store, server, motionId));
    const these = (events: MotionEvent[]) =>
      events.filter((event) => event.seq >= (seqs[0] as number)).map((event) => event.seq);
    await until(() => heard.every((events) => these(events).length >= seqs.length));
    for (const events of heard) expect(these(events)).toEqual(seqs);
  });

  it("a connection the server closes while writes wait receives what was sent before, then the server's disconnect", async () => {
    const last = room.at(-1) as Client;
    const order: string[] = [];
    hear(last, "event", (event) => order.push(`event ${event.seq}`));
    const closed = new Promise<string>((resolve) => last.once("disconnect", resolve));
    const before = written;
    const seq = await appendTestEvent(db.store, server, motionId);
    await turnEnds();
    // Part of the room is still to be written, this connection among them, when it is closed.
    expect(written - before).toBeLessThan(ROOM);
    server.io.in(last.id as string).disconnectSockets(true);
    expect(await closed).toBe("io server disconnect");
    expect(order).toEqual([`event ${seq}`]);
    room.pop();
  });
});
