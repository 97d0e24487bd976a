import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getBranch } from "../../app/api/arguments/[id]/branch/route";
import { GET as getMotionRoute } from "../../app/api/motions/[id]/route";
import type { ArgumentBranch, ArgumentPage } from "../../lib/argumentPages";
import { type ArgumentNode, citedPassages, latestActivity } from "../../lib/debate";
import { flattenTree } from "../../lib/live";
import type { MotionPartial, MotionView } from "../../lib/views";
import { argumentPage } from "../../server/domain/debate/argumentPages";
import { countBelow, SUMMARY } from "../../server/domain/debate/motionSummary";
import { postArgument } from "../../server/domain/debate/postArgument";
import { getMotion } from "../../server/domain/debate/queries";
import { actorOf, argumentInput, debate, postIn } from "../support/debate";
import { motionOn } from "../support/fixtures";
import { must } from "../support/outcome";
import { type Person, person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (path: string, who?: Person) =>
  new Request(`http://localhost${path}`, { headers: who ? { cookie: who.cookie } : {} });

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`a big debate's page holds its start on ${dialect.name}`, () => {
    let db: TestStore;
    let d: Awaited<ReturnType<typeof debate>>;
    let ana: Person;
    let ben: Person;
    let deepest: string;
    const ids: string[] = [];

    const post = async (who: Person, change: Parameters<typeof postIn>[3] = {}) => {
      const argument = await postIn(db.store, d, who, change);
      ids.push(argument.id);
      return argument.id;
    };
    const view = async (query: string, who: Person, motionId = d.motionId): Promise<MotionView> =>
      (await getMotionRoute(get(`/api/motions/${motionId}${query}`, who), params(motionId))).json();

    beforeAll(async () => {
      db = await dialect.open();
      setTestRuntime(db.store);
      d = await debate(db.store, "private");
      ana = await d.member("Ana", "participant");
      ben = await d.member("Ben", "participant");
      const tops: string[] = [];
      for (let i = 0; i < 40; i++) tops.push(await post(i % 2 ? ana : ben, { body: `For ${i}.` }));
      for (let i = 0; i < 10; i++) await post(ben, { relation: "against", body: `Against ${i}.` });
      for (const parentId of tops.slice(-5)) {
        for (let i = 0; i < 6; i++)
          await post(ana, { parentId, relation: "attacks", body: `R${i}.` });
      }
      let parentId = tops[0] as string;
      for (let depth = 0; depth < 4; depth++) {
        parentId = await post(ben, { parentId, relation: "supports", body: `Deep ${depth}.` });
      }
      deepest = parentId;
    });
    afterAll(() => db?.dispose());

    it("answers 400 to a view it does not know, rather than the whole debate", async () => {
      const answer = await getMotionRoute(
        get(`/api/motions/${d.motionId}?view=everything`, ana),
        params(d.motionId),
      );
      expect(answer.status).toBe(400);
      expect((await answer.json()).error.message).toContain("view");
    });

    it("holds a debate within the budget whole, as GET /api/motions/:id has it", async () => {
      const small = await motionOn(db.store, d.spaceId, d.documentId, d.text);
      const whole = await view("", ana, small);
      const summary = await view("?view=summary", ana, small);
      expect(summary.partial).toBeUndefined();
      expect({ ...summary, serverNow: 0 }).toEqual({ ...whole, serverNow: 0 });
    });

    it("writes the whole tree of GET /api/motions/:id as the domain's view, with its ETag and 304", async () => {
      const response = await getMotionRoute(
        get(`/api/motions/${d.motionId}`, ana),
        params(d.motionId),
      );
      const etag = response.headers.get("etag") as string;
      expect(etag).toMatch(/^W\//);
      const text = await response.text();
      const domain = await must(getMotion(db.store, actorOf(ana), d.motionId));
      const withoutClock = (json: string) => json.replace(/"serverNow":\d+/, '"serverNow":0');
      expect(withoutClock(text)).toBe(withoutClock(JSON.stringify(domain)));
      const again = new Request(`http://localhost/api/motions/${d.motionId}`, {
        headers: { cookie: ana.cookie, "if-none-match": etag },
      });
      expect((await getMotionRoute(again, params(d.motionId))).status).toBe(304);
    });

    it("holds the newest top-level arguments of each side and first replies, within the budget, with the counts of the rest", async () => {
      const summary = await view("?view=summary", ana);
      const whole = await view("", ana);
      const held = flattenTree(summary.arguments);
      expect(held.length).toBeLessThanOrEqual(SUMMARY.budget);
      expect(summary.partial?.totals).toEqual({ for: 40, against: 10 });
      const forHeld = summary.arguments.filter((a) => a.relation === "for");
      expect(forHeld).toHaveLength(SUMMARY.perSide);
      expect(forHeld.map((a) => a.body).sort()).toEqual(
        Array.from({ length: 15 }, (_, i) => `For ${39 - i}.`).sort(),
      );
      // Each held argument's counts are the whole tree's; the held replies are its first.
      const wholeById = new Map(flattenTree(whole.arguments).map((a) => [a.id, a]));
      const nodes = (list: ArgumentNode[]): ArgumentNode[] =>
        list.flatMap((n) => [n, ...nodes(n.children)]);
      const wholeNodes = new Map(nodes(whole.arguments).map((n) => [n.id, n]));
      for (const node of nodes(summary.arguments)) {
        const full = wholeNodes.get(node.id) as ArgumentNode;
        expect(node.replies).toEqual({
          all: nodes(full.children).length,
          direct: full.children.length,
          latest: latestActivity(full),
        });
        expect(node.children.length).toBeLessThanOrEqual(SUMMARY.repliesPerArgument);
        expect(node.body).toBe(wholeById.get(node.id)?.body);
      }
      // The heat strip and marks count every citation, held or not.
      expect(summary.partial?.cited).toEqual(citedPassages(flattenTree(whole.arguments)));
    });

    it("reaches every argument exactly once through the summary and the pages after it", async () => {
      const summary = await view("?view=summary", ana);
      const seen = new Set(flattenTree(summary.arguments).map((a) => a.id));
      const pending: { list: string; cursor?: string }[] = Object.entries(
        summary.partial?.cursors ?? {},
      ).map(([list, cursor]) => ({ list, cursor }));
      // Replies of held arguments that hold none of them start from the beginning of their list.
      const opened = new Set(pending.map((p) => p.list));
      for (const a of flattenTree(summary.arguments)) {
        if ((a.replies?.direct ?? 0) > 0 && !opened.has(a.id)) pending.push({ list: a.id });
      }
      while (pending.length > 0) {
        const { list, cursor } = pending.shift() as { list: string; cursor?: string };
        const where = list === "for" || list === "against" ? { side: list } : { parentId: list };
        const page: ArgumentPage = await must(
          argumentPage(db.store, actorOf(ana), d.motionId, {
            ...where,
            order: SUMMARY.order,
            limit: 100,
            ...(cursor ? { cursor } : {}),
          }),
        );
        for (const item of page.arguments) {
          expect(seen.has(item.id)).toBe(false);
          seen.add(item.id);
          if (item.replies.direct > 0) pending.push({ list: item.id });
        }
        expect(page.nextCursor).toBeNull();
      }
      expect([...seen].sort()).toEqual([...ids].sort());
    });

    it("names, of each side it holds the start of, the last argument of that start: the pages go on right after it", async () => {
      const summary = await view("?view=summary", ana);
      const partial = summary.partial as MotionPartial;
      for (const side of ["for", "against"] as const) {
        const start: ArgumentPage = await must(
          argumentPage(db.store, actorOf(ana), d.motionId, {
            side,
            order: partial.order,
            limit: SUMMARY.perSide,
          }),
        );
        // A side held whole has no cursor, and no end: nothing goes on after it.
        const goesOn = start.nextCursor !== null;
        expect(partial.ends[side]).toBe(goesOn ? start.arguments.at(-1)?.id : undefined);
        expect(partial.cursors[side]).toBe(start.nextCursor ?? undefined);
      }
      expect(Object.keys(partial.ends).length).toBeGreaterThan(0);
    });

    it("counts, asked with newSince and asOf, the new arguments below each of a page's, by others and public in between", async () => {
      const { seq } = await view("?view=summary", ana);
      const page = async (who: Person, newSince?: number, asOf = seq) =>
        argumentPage(db.store, actorOf(who), d.motionId, {
          side: "for",
          limit: "100",
          ...(newSince === undefined ? {} : { newSince: String(newSince), asOf: String(asOf) }),
        });
      const counts = async (who: Person, newSince: number, asOf = seq) =>
        Object.fromEntries(
          (await must(page(who, newSince, asOf))).arguments
            .filter((a) => a.newBelow)
            .map((a) => [a.body, a.newBelow]),
        );
      // Ben's chain under "For 0." is new to Ana; Ana's replies under the newest five, to Ben.
      expect(await counts(ana, 0)).toEqual({ "For 0.": 4 });
      expect(await counts(ben, 0)).toEqual(
        Object.fromEntries([35, 36, 37, 38, 39].map((i) => [`For ${i}.`, 6])),
      );
      // Read to the end, or counted as a page read before any of them would: none new.
      expect(await counts(ben, seq)).toEqual({});
      expect(await counts(ben, 0, 0)).toEqual({});
      const plain = await must(page(ben));
      expect(plain.arguments.every((a) => a.newBelow === undefined)).toBe(true);
      const half = await argumentPage(db.store, actorOf(ben), d.motionId, { newSince: "0" });
      expect(half).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    });

    it("answers a link to a deep argument with its thread from the top, and 404 for one the caller may not read", async () => {
      const answer = await getBranch(get(`/api/arguments/${deepest}/branch`, ana), params(deepest));
      expect(answer.status).toBe(200);
      const branch: ArgumentBranch = await answer.json();
      expect(branch.arguments.map((a) => a.body)).toEqual([
        "For 0.",
        "Deep 0.",
        "Deep 1.",
        "Deep 2.",
        "Deep 3.",
      ]);
      expect(branch.arguments.at(-1)?.id).toBe(deepest);
      expect(branch.arguments[0]?.replies).toMatchObject({ all: 4, direct: 1 });
      const outsider = await person(db.store, "Olga");
      const refused = await getBranch(
        get(`/api/arguments/${deepest}/branch`, outsider),
        params(deepest),
      );
      expect(refused.status).toBe(404);
      const bad = await getBranch(get("/api/arguments/nope/branch", ana), params("nope"));
      expect(bad.status).toBe(400);
    });

    it("a held argument's activity counts its latest reply, held or not, for the 'Latest activity' order", async () => {
      const summary = await view("?view=summary", ana);
      const top = summary.arguments.find((a) => a.body === "For 0.");
      // "For 0." is not among the newest held, so its deep thread is found through a branch.
      const answer = await getBranch(get(`/api/arguments/${deepest}/branch`, ana), params(deepest));
      const branch: ArgumentBranch = await answer.json();
      const last = branch.arguments.at(-1);
      expect(top).toBeUndefined();
      expect(branch.arguments[0]?.replies.latest).toBe(last?.createdAt);
    });

    it("counts, under each held argument, the arguments below it the page does not hold, for the new ones among them", async () => {
      const summary = await view("?view=summary", ana);
      const held = new Set(flattenTree(summary.arguments).map((a) => a.id));
      const motion = await db.store.motions.get(d.motionId);
      if (!motion) throw new Error("the motion is gone");
      const unheld = ids.filter((id) => !held.has(id));
      const below = await countBelow(db.store, motion, held, unheld);
      const nodes = (list: ArgumentNode[]): ArgumentNode[] =>
        list.flatMap((n) => [n, ...nodes(n.children)]);
      for (const node of nodes(summary.arguments)) {
        const missing = (node.replies?.all ?? 0) - nodes(node.children).length;
        expect(below[node.id] ?? 0).toBe(missing);
      }
      expect(Object.values(below).some((n) => n > 0)).toBe(true);
    });

    it("a reply posted deep in a thread says where it stands: the arguments above it and its side", async () => {
      const answer = await getBranch(get(`/api/arguments/${deepest}/branch`, ana), params(deepest));
      const branch: ArgumentBranch = await answer.json();
      const { seq } = await must(
        postArgument(
          db.store,
          actorOf(ana),
          argumentInput(d.motionId, d.cite("Trade moved inland by rail."), {
            parentId: deepest,
            relation: "attacks",
            body: "Deeper.",
          }),
        ),
      );
      const [event] = await db.store.events.after(d.motionId, seq - 1, 1);
      if (event?.type !== "argument.posted") throw new Error("the post logged no event");
      expect(event.data.place).toEqual({
        above: branch.arguments.map((a) => a.id),
        side: "against",
      });
      ids.push(event.data.argument.id);
    });

    it("keeps the reader's own posts, the spotlight and posts waiting for a moderator on the page whatever the budget", async () => {
      const mo = await d.member("Mo", "moderator");
      const motion = await db.store.motions.get(d.motionId);
      if (!motion) throw new Error("the motion is gone");
      await db.store.transaction((tx) =>
        tx.motions.update(d.motionId, {
          settings: { ...motion.settings, approvalRequired: true },
          spotlightId: ids[1] as string,
        }),
      );
      const waiting = await post(ben, { relation: "against", body: "Waiting." });
      const toMo = flattenTree((await view("?view=summary", mo)).arguments).map((a) => a.id);
      expect(toMo).toContain(waiting);
      expect(toMo).toContain(ids[1]);
      const toBen = flattenTree((await view("?view=summary", ben)).arguments).map((a) => a.id);
      expect(toBen).toContain(waiting);
      const toAna = flattenTree((await view("?view=summary", ana)).arguments).map((a) => a.id);
      expect(toAna).not.toContain(waiting);
      await db.store.transaction((tx) =>
        tx.motions.update(d.motionId, { settings: motion.settings, spotlightId: null }),
      );
    });
  });
}
