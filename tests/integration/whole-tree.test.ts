import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMotionRoute } from "../../app/api/motions/[id]/route";
import { buildArgumentTree } from "../../lib/debate";
import type { MotionView } from "../../lib/views";
import { treeForViewer } from "../../server/domain/debate/audience";
import { withdrawArgument } from "../../server/domain/debate/changeArgument";
import { agreeWithArgument, rateArgument } from "../../server/domain/debate/judge";
import { changeSettings, hideArgument, rejectArgument } from "../../server/domain/debate/moderate";
import { getMotion, readableRows } from "../../server/domain/debate/queries";
import { argumentViews } from "../../server/domain/debate/views";
import { type Actor, anonymousActor } from "../../server/policy";
import { actorOf, debate, postIn } from "../support/debate";
import { must } from "../support/outcome";
import type { Person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

const params = (id: string) => ({ params: Promise.resolve({ id }) });

// GET /api/motions/:id reads and writes a big debate's tree a few threads at a time, the tree's
// shape from the motion's kept reading and each thread's arguments read whole as it is written:
// what arrives is the tree built from all the motion's rows at once, for every reader.
for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the whole tree of a big debate on ${dialect.name}`, () => {
    let db: TestStore;
    let d: Awaited<ReturnType<typeof debate>>;
    let ana: Person;
    let ben: Person;
    let mo: Person;
    let cy: Person;
    /** Ben's arguments, and how many of the judged ones Ana rated and agreed with. */
    const byBen = new Set<string>();
    let anaJudged = 0;

    const post = async (who: Person, change: Parameters<typeof postIn>[3] = {}) => {
      const argument = await postIn(db.store, d, who, change);
      if (who === ben) byBen.add(argument.id);
      return argument.id;
    };
    const once = () => ({ clientId: crypto.randomUUID() });

    /** The tree as one reading of all the motion's rows builds it for `actor`. */
    async function builtAtOnce(actor: Actor, moderates: boolean) {
      const motion = await db.store.motions.get(d.motionId);
      if (!motion) throw new Error("no motion");
      const viewer = { id: actor.id, moderates };
      const rows = readableRows(await db.store.motions.arguments(d.motionId), viewer);
      const views = await argumentViews(db.store, rows, { revealHidden: moderates });
      const tree = buildArgumentTree(views, { keepHidden: moderates });
      const ratings = (await db.store.ratings.list(rows.map((row) => row.id))).filter(
        (rating) => rating.userId === actor.id,
      );
      return {
        arguments: JSON.parse(
          JSON.stringify(treeForViewer(tree, viewer, motion.settings.anonymous)),
        ),
        ratings: Object.fromEntries(ratings.map((r) => [r.argumentId, r.score])),
      };
    }

    /** What GET /api/motions/:id answers `who` (a visitor without), and getMotion the same. */
    async function read(who: Person | undefined) {
      const request = new Request(`http://localhost/api/motions/${d.motionId}`, {
        headers: who ? { cookie: who.cookie } : {},
      });
      const response = await getMotionRoute(request, params(d.motionId));
      expect(response.status).toBe(200);
      const streamed = (await response.json()) as MotionView;
      const actor = who ? actorOf(who) : anonymousActor;
      const direct = await must(getMotion(db.store, actor, d.motionId));
      return { streamed, direct: JSON.parse(JSON.stringify(direct)) as MotionView, actor };
    }

    beforeAll(async () => {
      db = await dialect.open();
      setTestRuntime(db.store);
      d = await debate(db.store, "public");
      ana = await d.member("Ana", "participant");
      ben = await d.member("Ben", "participant");
      mo = await d.member("Mo", "moderator");
      cy = await d.member("Cy", "participant");
      // 300 threads, most of one argument; one of 300 replies at depths up to 3 (more than one
      // batch alone), and a few of a handful.
      const tops: string[] = [];
      for (let i = 0; i < 300; i++) {
        const relation = i % 3 === 0 ? "against" : "for";
        tops.push(await post(i % 2 ? ana : ben, { relation, body: `Top ${i}.` }));
      }
      const big = tops[7] as string;
      const under = [big];
      for (let i = 0; i < 300; i++) {
        const parentId = under[Math.floor(i / 4) % under.length] as string;
        const relation = i % 2 ? "attacks" : "supports";
        under.push(await post(i % 2 ? ben : ana, { parentId, relation, body: `Reply ${i}.` }));
      }
      for (const parentId of tops.slice(200, 210)) {
        for (let i = 0; i < 3; i++) await post(ben, { parentId, relation: "attacks" });
      }
      // Cy rates and agrees with 80 arguments; Ana with Ben's among them.
      const judged = [...tops.slice(0, 40), ...under.slice(0, 40)];
      for (const [i, argumentId] of judged.entries()) {
        for (const who of byBen.has(argumentId) ? [cy, ana] : [cy]) {
          const judge = { argumentId, ...once() };
          await must(rateArgument(db.store, actorOf(who), { ...judge, score: i % 5 }));
          await must(agreeWithArgument(db.store, actorOf(who), { ...judge, stance: "agree" }));
        }
      }
      anaJudged = judged.filter((id) => byBen.has(id)).length;
      // Hidden and withdrawn, with replies (placeholders) and without (left out).
      const moderate = { reason: "Off topic.", ...once() };
      await must(hideArgument(db.store, actorOf(mo), { argumentId: tops[200], ...moderate }));
      await must(
        hideArgument(db.store, actorOf(mo), { argumentId: tops[20], ...once(), reason: "No." }),
      );
      await must(withdrawArgument(db.store, actorOf(ben), { argumentId: tops[202], ...once() }));
      await must(withdrawArgument(db.store, actorOf(ben), { argumentId: tops[30], ...once() }));
      await must(withdrawArgument(db.store, actorOf(ana), { argumentId: under[3], ...once() }));
      // Posts waiting for a moderator, and one turned down: Ben's to see, and the moderators'.
      const settings = (change: object) =>
        must(
          changeSettings(db.store, actorOf(mo), {
            motionId: d.motionId,
            settings: change,
            ...once(),
          }),
        );
      await settings({ approvalRequired: true });
      const waiting = await post(ben, { body: "Waiting." });
      await post(ben, { parentId: big, relation: "attacks", body: "Waiting too." });
      const turnedDown = await post(ben, { body: "Turned down." });
      await must(rejectArgument(db.store, actorOf(mo), { argumentId: turnedDown, ...once() }));
      expect(waiting).toBeTruthy();
    }, 240_000);

    afterAll(() => db.dispose());

    it("is the tree one reading of all its rows builds, for a moderator, the author of posts set aside, another member and a visitor", async () => {
      for (const [who, moderates] of [
        [mo, true],
        [ben, false],
        [ana, false],
        [undefined, false],
      ] as const) {
        const { streamed, direct, actor } = await read(who);
        const expected = await builtAtOnce(actor, moderates);
        expect(streamed.arguments).toEqual(expected.arguments);
        expect(direct.arguments).toEqual(expected.arguments);
        expect(streamed.mine.ratings).toEqual(expected.ratings);
        expect(direct.mine).toEqual(streamed.mine);
      }
      const forBen = (await read(ben)).streamed.arguments;
      expect(forBen.some((node) => node.status === "pending")).toBe(true);
      expect(forBen.some((node) => node.status === "rejected")).toBe(true);
      const forAna = (await read(ana)).streamed;
      expect(forAna.arguments.some((node) => node.status === "pending")).toBe(false);
      expect(anaJudged).toBeGreaterThan(10);
      expect(Object.keys(forAna.mine.ratings).length).toBe(anaJudged);
      expect(Object.keys(forAna.mine.agreements).length).toBe(anaJudged);
    }, 120_000);

    it("in an anonymous motion, names others by pseudonym in every thread, as one reading would", async () => {
      await must(
        changeSettings(db.store, actorOf(mo), {
          motionId: d.motionId,
          settings: { anonymous: true },
          ...once(),
        }),
      );
      for (const [who, moderates] of [
        [ana, false],
        [mo, true],
        [undefined, false],
      ] as const) {
        const { streamed, actor } = await read(who);
        expect(streamed.arguments).toEqual((await builtAtOnce(actor, moderates)).arguments);
      }
      const forAna = (await read(ana)).streamed.arguments;
      const names = new Set(forAna.map((node) => node.author.name));
      expect(names.has("Ben")).toBe(false);
      expect(names.has("Ana")).toBe(true);
    }, 120_000);
  });
}
