import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../db/store";
import type { MotionEvent, Presence } from "../../lib/protocol";
import { editArgument } from "../../server/domain/debate/changeArgument";
import { createMotion } from "../../server/domain/debate/createMotion";
import { castVote, rateArgument } from "../../server/domain/debate/judge";
import { editMotion } from "../../server/domain/debate/lifecycle";
import {
  changeSettings,
  lockMotion,
  pinArgument,
  spotlightArgument,
} from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { assignSide, runPhase, setTimer } from "../../server/domain/debate/session";
import type { Outcome } from "../../server/domain/outcome";
import { systemActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { hear, liveSuite } from "../support/realtime";
import { dialects, type TestStore } from "../support/stores";

/**
 * P-NOOP-1: a command that asks for what already is answers ok with the motion's current seq,
 * and appends nothing to the log and publishes nothing. P-LEAVE-2: leaving a room one is not in
 * tells nobody anything.
 */

const id = () => crypto.randomUUID();
const quote = "Trade moved inland by rail.";

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`P-NOOP-1: commands that change nothing on ${dialect.name}`, () => {
    let db: TestStore;
    let store: Store;
    beforeAll(async () => {
      db = await dialect.open();
      store = db.store;
    });
    afterAll(() => db?.dispose());

    /** The motion as the log and its row tell it. */
    async function footprint(motionId: string) {
      const motion = await store.motions.get(motionId);
      return {
        events: (await store.events.after(motionId, 0, 1000)).map((row) => [row.seq, row.type]),
        seq: motion?.lastSeq,
        motion,
      };
    }

    /** Runs a command that must change nothing: ok, at the current seq, nothing logged or sent. */
    async function unchanged<T extends { seq: number }>(
      motionId: string,
      command: () => Promise<Outcome<T>>,
    ): Promise<T> {
      const before = await footprint(motionId);
      const outcome = await command();
      expect(outcome).toMatchObject({ ok: true, value: { seq: before.seq }, events: [] });
      expect(await footprint(motionId)).toEqual(before);
      return (outcome as { value: T }).value;
    }

    /** A motion of its own, with a moderator, a participant and one published argument. */
    async function room() {
      const d = await debate(store);
      const mona = actorOf(await d.member("Mona", "moderator"));
      const alice = actorOf(await d.member("Alice", "participant"));
      const { argument } = await must(
        postArgument(store, alice, argumentInput(d.motionId, d.cite(quote))),
      );
      return { ...d, mona, alice, argumentId: argument.id };
    }

    it("motion:settings with no settings, or the ones it has, logs nothing", async () => {
      const r = await room();
      const settings = (await store.motions.get(r.motionId))?.settings;

      const empty = await unchanged(r.motionId, () =>
        changeSettings(store, r.mona, { motionId: r.motionId, clientId: id(), settings: {} }),
      );
      expect(empty.settings).toEqual(settings);
      await unchanged(r.motionId, () =>
        changeSettings(store, r.mona, {
          motionId: r.motionId,
          clientId: id(),
          settings: { ...settings },
        }),
      );

      const changed = await changeSettings(store, r.mona, {
        motionId: r.motionId,
        clientId: id(),
        settings: { anonymous: true },
      });
      expect(changed).toMatchObject({ ok: true, events: [expect.anything()] });
    });

    it("locking a locked motion, pinning a pinned argument and spotlighting the spotlit one log nothing", async () => {
      const r = await room();
      const lock = { motionId: r.motionId, locked: true };
      const pin = { argumentId: r.argumentId, pinned: true };
      const spotlight = { motionId: r.motionId, argumentId: r.argumentId };
      await must(lockMotion(store, r.mona, { ...lock, clientId: id() }));
      await must(pinArgument(store, r.mona, { ...pin, clientId: id() }));
      await must(spotlightArgument(store, r.mona, { ...spotlight, clientId: id() }));

      expect(
        await unchanged(r.motionId, () => lockMotion(store, r.mona, { ...lock, clientId: id() })),
      ).toMatchObject({ locked: true, status: "closed" });
      expect(
        await unchanged(r.motionId, () => pinArgument(store, r.mona, { ...pin, clientId: id() })),
      ).toMatchObject({ argumentId: r.argumentId, pinned: true });
      expect(
        await unchanged(r.motionId, () =>
          spotlightArgument(store, r.mona, { ...spotlight, clientId: id() }),
        ),
      ).toMatchObject({ argumentId: r.argumentId });
    });

    it("unpinning what is not pinned and clearing an empty spotlight log nothing", async () => {
      const r = await room();
      await unchanged(r.motionId, () =>
        pinArgument(store, r.mona, { argumentId: r.argumentId, clientId: id(), pinned: false }),
      );
      await unchanged(r.motionId, () =>
        spotlightArgument(store, r.mona, {
          motionId: r.motionId,
          clientId: id(),
          argumentId: null,
        }),
      );
    });

    it("an edit to the same words keeps the argument as it was, with no revision", async () => {
      const r = await room();
      const body = (await store.arguments.get(r.argumentId))?.body ?? "";

      const answer = await unchanged(r.motionId, () =>
        editArgument(store, r.alice, {
          argumentId: r.argumentId,
          clientId: id(),
          body: ` ${body} `,
        }),
      );

      expect(answer).toMatchObject({ argumentId: r.argumentId, body, editedAt: null });
      expect(await store.arguments.revisions(r.argumentId)).toEqual([]);
      expect((await store.arguments.get(r.argumentId))?.editedAt).toBeNull();
    });

    it("the same vote or the same rating again logs nothing and keeps the tally", async () => {
      const r = await room();
      const vote = { motionId: r.motionId, phase: "before", stance: "for" } as const;
      const first = await must(castVote(store, r.alice, { ...vote, clientId: id() }));
      await must(
        rateArgument(store, r.mona, { argumentId: r.argumentId, clientId: id(), score: 3 }),
      );

      const again = await unchanged(r.motionId, () =>
        castVote(store, r.alice, { ...vote, clientId: id() }),
      );
      expect(again.votes).toEqual(first.votes);
      expect(
        await unchanged(r.motionId, () =>
          rateArgument(store, r.mona, { argumentId: r.argumentId, clientId: id(), score: 3 }),
        ),
      ).toMatchObject({ argumentId: r.argumentId, strength: { mean: 3, count: 1 } });

      const changed = await castVote(store, r.alice, {
        ...vote,
        stance: "against",
        clientId: id(),
      });
      expect(changed).toMatchObject({ ok: true, events: [expect.anything()] });
    });

    it("a draft reworded as it is, a speaker given their side again and the clock set as it stands log nothing", async () => {
      const d = await debate(store);
      const mona = actorOf(await d.member("Mona", "moderator"));
      const pia = await d.member("Pia", "participant");
      const { motionId } = await must(
        createMotion(store, systemActor, {
          clientId: id(),
          spaceId: d.spaceId,
          title: "The harbour should reopen",
          description: "For the winter trade.",
          status: "draft",
          settings: { format: "oxford" },
        }),
      );
      const wording = { motionId, title: "The harbour should reopen" };
      await unchanged(motionId, () =>
        editMotion(store, mona, {
          ...wording,
          clientId: id(),
          description: "For the winter trade.",
        }),
      );

      const side = { motionId, userId: pia.id, side: "for" } as const;
      await must(assignSide(store, mona, { ...side, clientId: id() }));
      await unchanged(motionId, () => assignSide(store, mona, { ...side, clientId: id() }));

      await must(runPhase(store, mona, { motionId, clientId: id(), action: "start" }));
      await must(runPhase(store, mona, { motionId, clientId: id(), action: "pause" }));
      await must(setTimer(store, mona, { motionId, clientId: id(), seconds: 90 }));
      await unchanged(motionId, () =>
        setTimer(store, mona, { motionId, clientId: id(), seconds: 90 }),
      );
    });

    it("a retry of a command that changed nothing answers the same", async () => {
      const r = await room();
      const command = { motionId: r.motionId, clientId: id(), settings: {} };
      const first = await unchanged(r.motionId, () => changeSettings(store, r.mona, command));
      expect(await unchanged(r.motionId, () => changeSettings(store, r.mona, command))).toEqual(
        first,
      );
    });
  });
}

describe("P-NOOP-1 and P-LEAVE-2 over Socket.IO", () => {
  const live = liveSuite();

  /** The events a client hears, and the presence updates of one motion, as they arrive. */
  function listen(socket: Awaited<ReturnType<typeof live.server.client>>, motionId: string) {
    const heard = { events: [] as MotionEvent[], presence: [] as Presence[] };
    hear(socket, "event", (event) => heard.events.push(event));
    socket.on("presence:update", (presence) => {
      if (presence.motionId === motionId) heard.presence.push(presence);
    });
    return heard;
  }

  it("P-NOOP-1: motion:settings {} answers the current seq and the room hears nothing", async () => {
    const d = await debate(live.db.store, "public");
    const mona = await live.server.client(await d.member("Mona", "moderator"));
    const sam = await live.server.client(await d.member("Sam", "participant"));
    const joined = await sam.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    const heard = listen(sam, d.motionId);

    const answer = await mona.emitWithAck("motion:settings", {
      motionId: d.motionId,
      clientId: id(),
      settings: {},
    });
    // A real change next: the room hears it, and nothing before it.
    const changed = await mona.emitWithAck("motion:settings", {
      motionId: d.motionId,
      clientId: id(),
      settings: { approvalRequired: true },
    });
    await sam.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });

    expect(answer).toMatchObject({ ok: true, seq: joined.ok && joined.seq });
    expect(changed).toMatchObject({ ok: true, seq: (joined.ok ? joined.seq : 0) + 1 });
    expect(heard.events.map((event) => [event.seq, event.type])).toEqual([
      [(joined.ok ? joined.seq : 0) + 1, "motion.settings"],
    ]);
  });

  it("P-LEAVE-2: leaving a motion not joined, or any string, sends no presence to its room", async () => {
    const d = await debate(live.db.store, "public");
    const ada = await live.server.client(await d.member("Ada", "participant"));
    const bo = await live.server.client(await d.member("Bo", "participant"));
    const cy = await live.server.client(await d.member("Cy", "participant"));
    const adaHere = new Promise<void>((resolve) => ada.once("presence:update", () => resolve()));
    await ada.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    await adaHere;
    const heard = listen(ada, d.motionId);

    for (const motionId of [d.motionId, "anything", `motion:${d.motionId}`, id()]) {
      expect(await bo.emitWithAck("motion:leave", { motionId })).toEqual({ ok: true });
    }
    // Cy joins: the presence that brings is the first Ada hears since she joined.
    const cyJoined = new Promise<Presence>((resolve) =>
      ada.on("presence:update", (presence) => {
        if (presence.people.some((p) => p.name === "Cy")) resolve(presence);
      }),
    );
    await cy.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    await cyJoined;

    expect(heard.presence).toHaveLength(1);
    expect(heard.presence[0]?.people.map((p) => p.name).sort()).toEqual(["Ada", "Cy"]);
  });
});
