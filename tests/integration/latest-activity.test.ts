import { describe, expect, it } from "vitest";
import { type ArgumentView, buildArgumentTree, everyNode, latestActivity } from "../../lib/debate";
import { applyEvents, flattenTree, liveFrom } from "../../lib/live";
import type { MotionView } from "../../lib/views";
import { withdrawArgument } from "../../server/domain/debate/changeArgument";
import { hideArgument, restoreArgument } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { eventsSince, getMotion } from "../../server/domain/debate/queries";
import type { Actor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { dialects } from "../support/stores";

const newId = () => crypto.randomUUID();

/**
 * Each held argument's "Latest activity", as the page sorts by it, where the page knows more of
 * its thread than it holds.
 */
const latestOf = (held: ArgumentView[], keepHidden: boolean) =>
  new Map(
    everyNode(buildArgumentTree(held, { keepHidden })).flatMap((node) =>
      node.replies?.latest ? [[node.id, latestActivity(node)]] : [],
    ),
  );

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`a big debate's "Latest activity" on ${dialect.name}`, () => {
    it("P-LIVE-5: a page read before the newest reply was withdrawn or hidden counts the threads above it as a page read after, for a reader and for a moderator", async () => {
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
        await post(ben, { parentId: under, relation: "attacks", body: "So it is." });
        const read = async (who: Actor) =>
          must(getMotion(db.store, who, d.motionId, { summary: true }));
        const before = { reader: await read(rea), moderator: await read(mo) };
        expect(before.reader.partial).toBeDefined();
        const quiet = latestOf(flattenTree(before.reader.arguments), false).get(thread);

        const now = async (who: Actor, page: MotionView) => {
          const sinceSeq = page.seq;
          const log = await must(eventsSince(db.store, who, { motionId: d.motionId, sinceSeq }));
          return latestOf(
            applyEvents(liveFrom(page), log.events).state.arguments,
            page.can.moderate,
          );
        };
        const asReadNow = async () => {
          for (const [who, page] of [
            [rea, before.reader],
            [mo, before.moderator],
          ] as const) {
            const live = await now(who, page);
            const fresh = latestOf(flattenTree((await read(who)).arguments), page.can.moderate);
            expect(live.get(thread)).toBeDefined();
            for (const [id, latest] of live) expect([id, latest]).toEqual([id, fresh.get(id)]);
          }
        };

        const newest = await post(ana, { parentId: under, relation: "supports", body: "Newer." });
        await must(withdrawArgument(db.store, ana, { argumentId: newest, clientId: newId() }));
        const offTopic = await post(ben, { parentId: under, relation: "supports", body: "Off." });
        const hide = { argumentId: offTopic, clientId: newId(), reason: "Off topic." };
        await must(hideArgument(db.store, mo, hide));
        await asReadNow();
        // The reader's thread is as active as before the two replies; the moderator's keeps the
        // hidden one.
        expect((await now(rea, before.reader)).get(thread)).toBe(quiet);
        expect((await now(mo, before.moderator)).get(thread)).not.toBe(quiet);

        const restore = { argumentId: offTopic, clientId: newId() };
        await must(restoreArgument(db.store, mo, restore));
        await asReadNow();
        expect((await now(rea, before.reader)).get(thread)).not.toBe(quiet);
      } finally {
        await db.dispose();
      }
    });
  });
}
