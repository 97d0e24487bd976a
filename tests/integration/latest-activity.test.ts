import { describe, expect, it } from "vitest";
import { type ArgumentView, buildArgumentTree, everyNode, latestActivity } from "../../lib/debate";
import { applyEvents, flattenTree, liveFrom } from "../../lib/live";
import type { MotionView } from "../../lib/views";
import { withdrawArgument } from "../../server/domain/debate/changeArgument";
import {
  approveArgument,
  changeSettings,
  hideArgument,
  restoreArgument,
} from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { eventsSince, getMotion } from "../../server/domain/debate/queries";
import type { Actor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { dialects } from "../support/stores";

const newId = () => crypto.randomUUID();

/**
 * Each held argument's reply counts and "Latest activity", as the page sorts by it, where the
 * page knows more of its thread than it holds: [all, direct, latest].
 */
const threadsOf = (held: ArgumentView[], keepHidden: boolean) =>
  new Map(
    everyNode(buildArgumentTree(held, { keepHidden })).flatMap((node) =>
      node.replies
        ? [[node.id, [node.replies.all, node.replies.direct, latestActivity(node)]]]
        : [],
    ),
  );

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`a big debate's "Latest activity" on ${dialect.name}`, () => {
    it("P-LIVE-5: a page read before the newest reply was withdrawn or hidden counts the threads above it, their latest activity and replies, as a page read after, for a reader and for a moderator", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const ana = actorOf(await d.member("Ana", "participant"));
        const ben = actorOf(await d.member("Ben", "participant"));
        const rea = actorOf(await d.member("Rea", "participant"));
        const mo = actorOf(await d.member("Mo", "moderator"));
        const post = async (who: Actor, change: Parameters<typeof argumentInput>[2]) => {
          const input = argumentInput(d.motionId, d.cite("Trade moved inland by rail."), change);
          return (await must(postArgument(db.store, who, input))).argument.id;
        };
        // More than a page holds at first; the thread is among the newest of its side.
        const tops: string[] = [];
        for (let i = 0; i < 61; i++) tops.push(await post(ben, { body: `For ${i}.` }));
        const thread = tops[55] as string;
        const under = await post(ana, { parentId: thread, relation: "attacks", body: "Not so." });
        const soItIs = await post(ben, { parentId: under, relation: "attacks", body: "So it is." });
        // An old thread the page does not hold, and its reply.
        const old = tops[10] as string;
        const late = await post(ana, { parentId: old, relation: "attacks", body: "Late." });
        // Another thread, where the page holds the first reply and the newest three below it, not
        // the oldest ("Below") nor its reply.
        const first = await post(ana, { parentId: tops[54], relation: "attacks", body: "First." });
        const below = await post(ben, { parentId: first, relation: "attacks", body: "Below." });
        const further = await post(ana, { parentId: below, relation: "attacks", body: "Further." });
        for (const body of ["Newer.", "Newer still.", "Newest."]) {
          await post(ben, { parentId: first, relation: "supports", body });
        }
        const read = async (who: Actor) =>
          must(getMotion(db.store, who, d.motionId, { summary: true }));
        const before = { reader: await read(rea), moderator: await read(mo) };
        expect(before.reader.partial).toBeDefined();
        const heldByReader = new Set(flattenTree(before.reader.arguments).map((a) => a.id));
        expect([first, below, further].map((id) => heldByReader.has(id))).toEqual([
          true,
          false,
          false,
        ]);
        const quiet = threadsOf(flattenTree(before.reader.arguments), false).get(thread)?.[2];

        const liveNow = async (who: Actor, page: MotionView) => {
          const sinceSeq = page.seq;
          const log = await must(eventsSince(db.store, who, { motionId: d.motionId, sinceSeq }));
          return applyEvents(liveFrom(page), log.events).state;
        };
        /** The thread's "Latest activity" on a page read before, with the events since applied. */
        const now = async (who: Actor, page: MotionView) =>
          threadsOf((await liveNow(who, page)).arguments, page.can.moderate).get(thread)?.[2];
        const asReadNow = async () => {
          for (const [who, page] of [
            [rea, before.reader],
            [mo, before.moderator],
          ] as const) {
            const state = await liveNow(who, page);
            const now = await read(who);
            const live = threadsOf(state.arguments, page.can.moderate);
            const fresh = threadsOf(flattenTree(now.arguments), page.can.moderate);
            expect(live.get(thread)).toBeDefined();
            for (const [id, counted] of live) expect([id, counted]).toEqual([id, fresh.get(id)]);
            expect(state.partial?.totals).toEqual(now.partial?.totals);
          }
        };

        // Posts faster than one a millisecond are timed a little ahead of the clock, and a
        // withdrawal at the clock's time: what follows is posted once the clock has caught up.
        const lastAt = (await db.store.arguments.get(soItIs))?.createdAt.getTime() ?? 0;
        while (Date.now() <= lastAt + 1) await new Promise((resolve) => setTimeout(resolve, 5));
        const newest = await post(ana, { parentId: under, relation: "supports", body: "Newer." });
        await must(withdrawArgument(db.store, ana, { argumentId: newest, clientId: newId() }));
        const offTopic = await post(ben, { parentId: under, relation: "supports", body: "Off." });
        const hide = { argumentId: offTopic, clientId: newId(), reason: "Off topic." };
        await must(hideArgument(db.store, mo, hide));
        await asReadNow();
        // The reader's thread is as active as before the two replies; the moderator's keeps the
        // hidden one.
        const offAt = (await db.store.arguments.get(offTopic))?.createdAt.toISOString();
        expect(offAt && quiet && offAt > quiet).toBe(true);
        expect(await now(rea, before.reader)).toBe(quiet);
        expect(await now(mo, before.moderator)).toBe(offAt);

        const restore = { argumentId: offTopic, clientId: newId() };
        await must(restoreArgument(db.store, mo, restore));
        await asReadNow();
        expect(await now(rea, before.reader)).toBe(offAt);

        // "Not so." hidden, a placeholder for the replies below it; they hidden too, it leaves
        // readers' threads with the last, and comes back, a placeholder, with one restored
        // (P-LIVE-3).
        for (const argumentId of [under, soItIs, offTopic]) {
          await must(hideArgument(db.store, mo, { argumentId, clientId: newId(), reason: "No." }));
        }
        await asReadNow();
        await must(restoreArgument(db.store, mo, { argumentId: soItIs, clientId: newId() }));
        await asReadNow();

        // A reply waiting for approval below "So it is." when it is hidden again: the placeholders
        // above leave readers' threads, and come back with the reply once it is approved.
        const approval = { approvalRequired: true };
        await must(
          changeSettings(db.store, mo, {
            motionId: d.motionId,
            clientId: newId(),
            settings: approval,
          }),
        );
        const waiting = await post(ana, { parentId: soItIs, relation: "supports", body: "Later." });
        await must(
          hideArgument(db.store, mo, { argumentId: soItIs, clientId: newId(), reason: "No." }),
        );
        await asReadNow();
        await must(approveArgument(db.store, mo, { argumentId: waiting, clientId: newId() }));
        await asReadNow();

        // "Below", which the page does not hold, hidden: a placeholder for "Further"; "Further"
        // hidden too, it leaves readers' threads with it, and comes back with it (P-LIVE-3).
        for (const argumentId of [below, further]) {
          await must(hideArgument(db.store, mo, { argumentId, clientId: newId(), reason: "No." }));
        }
        await asReadNow();
        await must(restoreArgument(db.store, mo, { argumentId: further, clientId: newId() }));
        await asReadNow();
        // So for a thread the page does not hold at all: it leaves its side's count with its
        // last reply, and comes back with it.
        for (const argumentId of [old, late]) {
          await must(hideArgument(db.store, mo, { argumentId, clientId: newId(), reason: "No." }));
        }
        await asReadNow();
        await must(restoreArgument(db.store, mo, { argumentId: late, clientId: newId() }));
        await asReadNow();
      } finally {
        await db.dispose();
      }
    });
  });
}
