import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getPage } from "../../app/api/motions/[id]/arguments/route";
import type { Store } from "../../db/store";
import {
  type MapItem,
  type MapSummary,
  mapTree,
  morePath,
  published,
  withPage,
} from "../../lib/argumentMap";
import type { ArgumentPage } from "../../lib/argumentPages";
import type { ArgumentNode } from "../../lib/debate";
import { withdrawArgument } from "../../server/domain/debate/changeArgument";
import { MAP_SUMMARY, mapSummary } from "../../server/domain/debate/mapSummary";
import { hideArgument } from "../../server/domain/debate/moderate";
import type { SummaryLimits } from "../../server/domain/debate/motionSummary";
import { postArgument } from "../../server/domain/debate/postArgument";
import { getMotion } from "../../server/domain/debate/queries";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import type { Person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

/** A budget small enough that a debate of fifteen arguments is drawn in part. */
const small: SummaryLimits = { perSide: 3, repliesPerArgument: 2, budget: 12, order: "oldest" };

const ids = (nodes: ArgumentNode[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children)]);
const items = (item: MapItem): MapItem[] => [item, ...item.children.flatMap(items)];
const find = (nodes: ArgumentNode[], id: string): ArgumentNode | undefined =>
  nodes.map((n) => (n.id === id ? n : find(n.children, id))).find(Boolean);

/** The store, noting which arguments' citations are read. */
function noting(store: Store, read: Set<string>): Store {
  const through = <T extends object>(target: T, wrap: (key: string | symbol) => unknown) =>
    new Proxy(target, {
      get: (t, key) => {
        const wrapped = wrap(key);
        if (wrapped) return wrapped;
        const value = Reflect.get(t, key);
        return typeof value === "function" ? value.bind(t) : value;
      },
    });
  return through(store, (key) =>
    key === "arguments"
      ? through(store.arguments, (name) =>
          name === "citations"
            ? (argumentIds: string[]) => {
                for (const id of argumentIds) read.add(id);
                return store.arguments.citations(argumentIds);
              }
            : undefined,
        )
      : undefined,
  );
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the argument map's summary on ${dialect.name}`, () => {
    let db: TestStore;
    let d: Awaited<ReturnType<typeof debate>>;
    let people: Record<"ana" | "ben" | "mo", Person>;
    const tree: Record<string, string> = {};

    const post = async (name: string, who: Person, change: Parameters<typeof argumentInput>[2]) => {
      // Apart in time, so "oldest first" is the order they were posted in.
      await new Promise((resolve) => setTimeout(resolve, 3));
      const posted = await must(
        postArgument(
          db.store,
          actorOf(who),
          argumentInput(d.motionId, d.cite("Trade moved inland by rail."), {
            body: `Argument ${name}.`,
            ...change,
          }),
        ),
      );
      tree[name] = posted.argument.id;
      return posted.argument.id;
    };
    const summary = async (who: Person, limits = small) =>
      must(mapSummary(db.store, actorOf(who), d.motionId, limits));

    beforeAll(async () => {
      db = await dialect.open();
      setTestRuntime(db.store);
      d = await debate(db.store, "private");
      people = {
        ana: await d.member("Ana", "participant"),
        ben: await d.member("Ben", "participant"),
        mo: await d.member("Mo", "moderator"),
      };
      const { ana, ben, mo } = people;
      // For: F0 to F4; against: A0, A1. F0 has four replies, R0 three of its own (S0 to S2).
      for (let i = 0; i < 5; i++) await post(`F${i}`, i % 2 ? ben : ana, { relation: "for" });
      for (let i = 0; i < 2; i++) await post(`A${i}`, ben, { relation: "against" });
      for (let i = 0; i < 4; i++) {
        await post(`R${i}`, i % 2 ? ana : ben, { parentId: tree.F0, relation: "attacks" });
      }
      for (let i = 0; i < 3; i++) {
        await post(`S${i}`, ana, { parentId: tree.R0, relation: "supports" });
      }
      // R0 hidden: a wordless placeholder above its replies. W withdrawn: gone, with no reply.
      await must(
        hideArgument(db.store, actorOf(mo), {
          argumentId: tree.R0,
          clientId: crypto.randomUUID(),
          reason: "Off topic",
        }),
      );
      const w = await post("W", ben, { relation: "against" });
      await must(
        withdrawArgument(db.store, actorOf(ben), { argumentId: w, clientId: crypto.randomUUID() }),
      );
      // Then the motion asks for approval and becomes anonymous: Ben's next reply waits.
      const motion = await db.store.motions.get(d.motionId);
      if (!motion) throw new Error("the motion is gone");
      await db.store.transaction((tx) =>
        tx.motions.update(d.motionId, {
          settings: { ...motion.settings, approvalRequired: true, anonymous: true },
        }),
      );
      await post("P", ben, { parentId: tree.F0, relation: "supports" });
    });
    afterAll(() => db?.dispose());

    it("draws a big debate within its budget: the oldest arguments of each side, then replies level by level", async () => {
      const map = await summary(people.ana);
      const drawn = ids(map.arguments);
      const name = Object.fromEntries(Object.entries(tree).map(([k, v]) => [v, k]));
      expect(drawn.map((id) => name[id])).toEqual([
        "F0",
        "R0",
        "S0",
        "S1",
        "R1",
        "F1",
        "F2",
        "A0",
        "A1",
      ]);
      expect(drawn.length).toBeLessThanOrEqual(small.budget);
      expect(map.partial?.order).toBe("oldest");
      expect(map.partial?.sides).toEqual({ for: { top: 2, all: 2 }, against: { top: 0, all: 0 } });
      expect(Object.keys(map.partial?.cursors ?? {}).sort()).toEqual(
        [tree.F0, tree.R0, "for"].sort(),
      );
      // Every held argument counts its replies, the pending one left out, as the map draws them.
      expect(find(map.arguments, tree.F0 as string)?.replies).toMatchObject({ all: 7, direct: 4 });
      expect(find(map.arguments, tree.R0 as string)?.replies).toMatchObject({ all: 3, direct: 3 });
      expect(find(map.arguments, tree.F1 as string)?.replies).toMatchObject({ all: 0, direct: 0 });

      // The "+N" cards and the cards drawn account for every argument the map can show.
      const cards = items(mapTree(map));
      const more = cards.filter((c) => c.card.kind === "more");
      expect(more.map((c) => [name[c.card.opens as string] ?? c.card.opens, c.card.count])).toEqual(
        [
          ["R0", 1],
          ["F0", 2],
          ["for", 2],
        ],
      );
      const total = drawn.length + more.reduce((sum, c) => sum + (c.card.count ?? 0), 0);
      expect(total).toBe(14);
    });

    it("reads citations for the arguments drawn alone", async () => {
      const read = new Set<string>();
      const map = must(mapSummary(noting(db.store, read), actorOf(people.ana), d.motionId, small));
      const drawn = ids((await map).arguments);
      expect([...read].sort()).toEqual([...drawn].sort());
      expect(read.has(tree.S2 as string)).toBe(false);
    });

    it("shows each reader what GET /api/motions/:id shows them: placeholders, names, and no pending post", async () => {
      const toAna = await summary(people.ana);
      const toBen = await summary(people.ben);
      const toMo = await summary(people.mo);
      // The same arguments and counts for all: the map draws no pending post, not even its author's.
      for (const other of [toBen, toMo]) {
        expect(ids(other.arguments)).toEqual(ids(toAna.arguments));
        expect(other.partial).toEqual(toAna.partial);
      }
      const hidden = (map: MapSummary) => find(map.arguments, tree.R0 as string);
      expect(hidden(toAna)).toMatchObject({ status: "hidden", body: "" });
      expect(hidden(toMo)).toMatchObject({ status: "hidden", body: "Argument R0." });
      expect(items(mapTree(toMo)).find((c) => c.id === tree.R0)?.card).toMatchObject({
        placeholder: true,
        excerpt: "Hidden by a moderator",
        author: null,
      });
      // Anonymous: others by their pseudonyms, one's own by name; a moderator sees names.
      const author = (map: MapSummary, key: string) =>
        find(map.arguments, tree[key] as string)?.author.name;
      expect([author(toAna, "F0"), author(toAna, "F1")]).toEqual([
        "Ana",
        expect.stringMatching(/^Participant \d+$/),
      ]);
      expect(author(toBen, "F1")).toBe("Ben");
      expect(author(toMo, "F1")).toBe("Ben");
      // Each held argument as the motion's view has it, whatever the reader.
      for (const who of [people.ana, people.mo]) {
        const whole = (await must(getMotion(db.store, actorOf(who), d.motionId))).arguments;
        const map = await summary(who);
        for (const id of ids(map.arguments)) {
          const { children: _, replies: __, ...held } = find(map.arguments, id) as ArgumentNode;
          const { children: ___, ...viewed } = find(whole, id) as ArgumentNode;
          expect(held).toEqual(viewed);
        }
      }
    });

    it("draws a debate within the budget whole, as the motion's view has it", async () => {
      const map = await summary(people.ana, MAP_SUMMARY);
      expect(map.partial).toBeUndefined();
      const whole = (await must(getMotion(db.store, actorOf(people.ana), d.motionId))).arguments;
      expect(map.arguments).toEqual(published(whole));
      expect(ids(map.arguments)).toHaveLength(14);
    });

    it("opens a '+N' card with the page GET /api/motions/:id/arguments answers", async () => {
      const map = await summary(people.ana);
      let root = mapTree(map);
      const card = items(root).find((c) => c.id === `more:${tree.F0}`)?.card;
      if (!card) throw new Error("F0 has no '+N' card");
      const path = morePath(map.id, card);
      const answer = await getPage(
        new Request(`http://localhost${path}`, { headers: { cookie: people.ana.cookie } }),
        { params: Promise.resolve({ id: map.id }) },
      );
      expect(answer.status).toBe(200);
      ({ root } = withPage(root, map.id, card, (await answer.json()) as ArgumentPage));
      const f0 = items(root).find((c) => c.id === tree.F0);
      expect(f0?.children.map((c) => c.id)).toEqual([tree.R0, tree.R1, tree.R2, tree.R3]);
    });

    it("a '+N' card opened by a post's author or a moderator counts no pending reply", async () => {
      // Ben's reply to R3 waits for a moderator: the map never draws it, for anyone.
      await post("Q", people.ben, { parentId: tree.R3, relation: "supports" });
      for (const who of [people.ben, people.mo, people.ana]) {
        const map = await summary(who);
        const root = mapTree(map);
        const card = items(root).find((c) => c.id === `more:${tree.F0}`)?.card;
        if (!card) throw new Error("F0 has no '+N' card");
        const answer = await getPage(
          new Request(`http://localhost${morePath(map.id, card)}`, {
            headers: { cookie: who.cookie },
          }),
          { params: Promise.resolve({ id: map.id }) },
        );
        const opened = withPage(root, map.id, card, (await answer.json()) as ArgumentPage);
        const r3 = items(opened.root).find((c) => c.id === tree.R3);
        expect(r3?.children).toEqual([]);
      }
    });
  });
}
