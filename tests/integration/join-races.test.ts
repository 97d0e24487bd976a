import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { moderatorsRoom, motionRoom } from "../../lib/protocol";
import { changeMember } from "../../server/domain/spaces/members";
import { actorOf, debate } from "../support/debate";
import type { Person } from "../support/people";
import {
  appendTestEvent,
  type Client,
  hear,
  startRealtime,
  type TestRealtime,
} from "../support/realtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

/**
 * A change of someone's place in a space that commits while their `motion:join` is under way:
 * after the join has read the motion (and found them a member, or a moderator), before it has
 * put the connection in the motion's rooms. The change takes out of the rooms only the
 * connections already in them.
 */
describe("a change of membership during a join", () => {
  let db: TestStore;
  let server: TestRealtime;
  let space: Awaited<ReturnType<typeof debate>>;
  let owner: Person;

  beforeEach(async () => {
    db = await sqliteTestStore();
    server = await startRealtime(db.store);
    space = await debate(db.store);
    owner = await space.member("Orla Owner", "owner");
  });

  afterEach(async () => {
    await server.close();
    await db.dispose();
  });

  /** Commits `role` for `who` (and sends its events and effects) during the join's first read. */
  const duringTheJoin = (who: Person, role: "removed" | "participant") => {
    const after = db.store.events.after;
    let changed = false;
    db.store.events.after = async (...args) => {
      const rows = await after(...args);
      if (changed) return rows;
      changed = true;
      const change = await changeMember(db.store, actorOf(owner), {
        spaceId: space.spaceId,
        userId: who.id,
        role,
      });
      if (!change.ok) throw new Error(change.error.message);
      server.publish(change.events, change.effects);
      return rows;
    };
  };

  const join = (socket: Client) =>
    socket.emitWithAck("motion:join", { motionId: space.motionId, sinceSeq: 0 });

  const isIn = (room: string, socketId: string | undefined) =>
    server.io
      .of("/")
      .adapter.rooms.get(room)
      ?.has(socketId ?? "") ?? false;

  it("P-AUTH-2: a member removed while joining is refused and hears none of the motion's events", async () => {
    const pia = await space.member("Pia Participant", "participant");
    const socket = await server.client(pia);
    duringTheJoin(pia, "removed");
    const answer = await join(socket);
    expect(answer).toEqual({ ok: false, error: { code: "not_found", message: "No such motion." } });

    const heard: number[] = [];
    hear(socket, "event", (event) => heard.push(event.seq));
    const watcher = await server.client(owner);
    await join(watcher);
    const seen = new Promise((resolve) => hear(watcher, "event", resolve));
    await appendTestEvent(db.store, server, space.motionId);
    await seen;
    // A connection's messages keep their order: an answer to her comes after what went before.
    const again = await join(socket);
    expect(again.ok).toBe(false);
    expect(heard).toEqual([]);
    expect(isIn(motionRoom(space.motionId), socket.id)).toBe(false);
  });

  it("P-MOD-3: a moderator made a participant while joining is not left among the moderators", async () => {
    const mo = await space.member("Mo Moderator", "moderator");
    const socket = await server.client(mo);
    duringTheJoin(mo, "participant");
    const answer = await join(socket);
    expect(answer.ok).toBe(true);
    expect(isIn(motionRoom(space.motionId), socket.id)).toBe(true);
    expect(isIn(moderatorsRoom(space.motionId), socket.id)).toBe(false);
  });
});
