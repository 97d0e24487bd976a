import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getPage } from "../../app/api/motions/[id]/arguments/route";
import { GET as getMotion } from "../../app/api/motions/[id]/route";
import type { ArgumentPage, ArgumentPageItem } from "../../lib/argumentPages";
import { type ArgumentNode, ListOrder, latestActivity, sortArguments } from "../../lib/debate";
import type { MotionView } from "../../lib/views";
import { rateArgument } from "../../server/domain/debate/judge";
import { postArgument } from "../../server/domain/debate/postArgument";
import { changeMember, muteMember } from "../../server/domain/spaces/members";
import type { Actor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { type Person, person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (path: string, who?: Person, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, {
    headers: { ...headers, ...(who ? { cookie: who.cookie } : {}) },
  });

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`arguments read a page at a time on ${dialect.name}`, () => {
    let db: TestStore;
    let d: Awaited<ReturnType<typeof debate>>;
    let people: Record<"ana" | "ben" | "cai" | "mo", Person>;
    let first: string;

    const post = async (who: Person, change: Parameters<typeof argumentInput>[2] = {}) =>
      (
        await must(
          postArgument(
            db.store,
            actorOf(who),
            argumentInput(d.motionId, d.cite("Trade moved inland by rail."), change),
          ),
        )
      ).argument.id;
    const rate = (who: Actor, argumentId: string, score: number) =>
      must(rateArgument(db.store, who, { argumentId, score, clientId: crypto.randomUUID() }));
    const page = async (motionId: string, query: string, who?: Person) => {
      const answer = await getPage(
        get(`/api/motions/${motionId}/arguments?${query}`, who),
        params(motionId),
      );
      return { status: answer.status, body: await answer.json() };
    };
    /** Every page of a list, following nextCursor from the first. */
    const walk = async (motionId: string, query: string, who?: Person) => {
      const pages: ArgumentPage[] = [];
      let cursor = "";
      do {
        const { status, body } = await page(motionId, `${query}${cursor}`, who);
        expect(status).toBe(200);
        pages.push(body);
        cursor = body.nextCursor ? `&cursor=${body.nextCursor}` : "";
      } while (cursor);
      return pages;
    };
    const wholeView = async (motionId: string, who?: Person): Promise<MotionView> =>
      (await getMotion(get(`/api/motions/${motionId}`, who), params(motionId))).json();

    beforeAll(async () => {
      db = await dialect.open();
      setTestRuntime(db.store);
      d = await debate(db.store, "private");
      people = {
        ana: await d.member("Ana", "participant"),
        ben: await d.member("Ben", "participant"),
        cai: await d.member("Cai", "participant"),
        mo: await d.member("Mo", "moderator"),
      };
      const { ana, ben, cai, mo } = people;
      const authors = [ana, ben, cai];
      const forIds: string[] = [];
      for (let i = 0; i < 25; i++) {
        forIds.push(await post(authors[i % 3] as Person, { body: `For, number ${i}.` }));
      }
      await post(ben, { relation: "against", body: "Against." });
      first = forIds[0] as string;
      // Replies give "most replied" and "latest activity" something to sort by; ratings, strength.
      for (let i = 0; i < 12; i++) {
        await post(authors[i % 3] as Person, {
          parentId: first,
          relation: i % 2 ? "attacks" : "supports",
          body: `Reply ${i}.`,
        });
      }
      await post(cai, { parentId: forIds[7], relation: "supports", body: "A late reply." });
      for (const [n, id] of forIds.slice(3, 9).entries()) await rate(actorOf(mo), id, n % 5);
    });
    afterAll(() => db?.dispose());

    it("walks all 25 For arguments in pages of 10 with no repeat or gap, in each order, as the page sorts them", async () => {
      const view = await wholeView(d.motionId, people.ana);
      const forArguments = view.arguments.filter((a) => a.relation === "for");
      expect(forArguments).toHaveLength(25);
      for (const order of ListOrder.options) {
        const pages = await walk(d.motionId, `side=for&order=${order}&limit=10`, people.ana);
        expect(pages.map((p) => p.arguments.length)).toEqual([10, 10, 5]);
        expect(pages.map((p) => p.total)).toEqual([25, 25, 25]);
        const ids = pages.flatMap((p) => p.arguments.map((a) => a.id));
        expect(ids, order).toEqual(sortArguments(forArguments, order).map((a) => a.id));
      }
    });

    it("pages one argument's replies, each as the whole view has it, with its reply counts", async () => {
      const view = await wholeView(d.motionId, people.ana);
      const parent = view.arguments.find((a) => a.id === first) as ArgumentNode;
      const pages = await walk(d.motionId, `parentId=${first}&order=oldest&limit=5`, people.ana);
      expect(pages.map((p) => p.arguments.length)).toEqual([5, 5, 2]);
      const replies = pages.flatMap((p) => p.arguments);
      expect(replies).toEqual(
        parent.children.map(({ children, ...reply }) => ({
          ...reply,
          replies: {
            all: 0,
            direct: children.length,
            latest: latestActivity({ ...reply, children }),
          },
          publishedSeq: expect.any(Number),
          myRating: null,
        })),
      );
      const { body } = await page(d.motionId, "side=for&order=replies&limit=1", people.ana);
      expect(body.arguments[0]).toMatchObject({ id: first, replies: { all: 12, direct: 12 } });
      expect(body.arguments[0]).not.toHaveProperty("children");
    });

    it("shows a pending post to its author and the moderators alone, and others' names as pseudonyms in an anonymous motion", async () => {
      const motion = await db.store.motions.get(d.motionId);
      if (!motion) throw new Error("the motion is gone");
      const { settings } = motion;
      await db.store.transaction((tx) =>
        tx.motions.update(d.motionId, {
          settings: { ...settings, approvalRequired: true, anonymous: true },
        }),
      );
      const pendingId = await post(people.ben, { relation: "against", body: "Waiting." });
      const against = async (who: Person) =>
        (await page(d.motionId, "side=against&order=oldest", who)).body
          .arguments as ArgumentPageItem[];

      const toBen = await against(people.ben);
      expect(toBen.map((a) => [a.status, a.author.name])).toEqual([
        ["published", "Ben"],
        ["pending", "Ben"],
      ]);
      const toMo = await against(people.mo);
      expect(toMo.map((a) => [a.id, a.author.name])).toContainEqual([pendingId, "Ben"]);
      const toCai = await against(people.cai);
      expect(toCai.map((a) => a.status)).toEqual(["published"]);
      expect(toCai[0]?.author.name).toMatch(/^Participant \d+$/);
      expect(toCai).toEqual(
        (await wholeView(d.motionId, people.cai)).arguments
          .filter((a) => a.relation === "against")
          .map(({ children, ...a }) => ({
            ...a,
            replies: {
              all: 0,
              direct: children.length,
              latest: latestActivity({ ...a, children }),
            },
            publishedSeq: expect.any(Number),
            myRating: null,
          })),
      );
      await db.store.transaction((tx) => tx.motions.update(d.motionId, { settings }));
    });

    it("answers 404 to outsiders and 400 to a bad limit, order, cursor or parent", async () => {
      const outsider = await person(db.store, "Olive Outsider");
      expect((await page(d.motionId, "side=for", outsider)).status).toBe(404);
      expect((await page(d.motionId, "side=for")).status).toBe(404);
      const { body: firstPage } = await page(
        d.motionId,
        "side=for&order=newest&limit=10",
        people.ana,
      );
      const bad = {
        "limit=0": /limit must be a whole number from 1 to 100/,
        "limit=101": /limit must be a whole number from 1 to 100/,
        "limit=ten": /limit must be a whole number from 1 to 100/,
        "order=loudest": /order must be one of strength, newest, replies, activity, oldest/,
        "cursor=not-a-cursor": /cursor is not one this list gave/,
        [`order=oldest&cursor=${firstPage.nextCursor}`]: /cursor is not one this list gave/,
        // Another list's: the other side's, or both sides' at once.
        [`side=against&cursor=${firstPage.nextCursor}`]: /cursor is not one this list gave/,
        [`cursor=${firstPage.nextCursor}`]: /cursor is not one this list gave/,
        [`parentId=${first}&cursor=${firstPage.nextCursor}`]: /cursor is not one this list gave/,
        "parentId=12": /parentId is not a valid argument id/,
        [`side=for&parentId=${first}`]: /leave it out/,
        "side=sideways": /side must be "for" or "against"/,
      };
      for (const [query, message] of Object.entries(bad)) {
        const { status, body } = await page(d.motionId, query, people.ana);
        expect([query, status, body.error.code]).toEqual([query, 400, "invalid_input"]);
        expect(body.error.message).toMatch(message);
      }
      const unknown = await page(d.motionId, `parentId=${crypto.randomUUID()}`, people.ana);
      expect(unknown.status).toBe(404);
    });

    it("answers a repeated GET with 304 until the debate changes, for the motion and a page", async () => {
      for (const path of [
        `/api/motions/${d.motionId}`,
        `/api/motions/${d.motionId}/arguments?side=for`,
      ]) {
        const handler = path.includes("?") ? getPage : getMotion;
        const ask = (who: Person, etag?: string) =>
          handler(get(path, who, etag ? { "if-none-match": etag } : {}), params(d.motionId));
        const fresh = await ask(people.ana);
        const etag = fresh.headers.get("etag") as string;
        expect([fresh.status, etag]).toEqual([200, expect.stringMatching(/^W\/".+"$/)]);

        const again = await ask(people.ana, etag);
        expect(again.status).toBe(304);
        expect(await again.text()).toBe("");
        expect(again.headers.get("etag")).toBe(etag);
        // What Ana sees (her own votes, her pending posts) is not what Ben sees.
        expect((await ask(people.ben, etag)).status).toBe(200);

        await post(people.cai, { body: "Something new." });
        const changed = await ask(people.ana, etag);
        expect(changed.status).toBe(200);
        expect(changed.headers.get("etag")).not.toBe(etag);
      }
    });

    it("answers a new view, not 304, once what the reader may do changed, even where a post is refused before and after", async () => {
      const oli = await d.member("Oli", "observer");
      const path = `/api/motions/${d.motionId}`;
      const ask = (etag?: string) =>
        getMotion(get(path, oli, etag ? { "if-none-match": etag } : {}), params(d.motionId));
      const asObserver = await ask();
      const etag = asObserver.headers.get("etag") as string;
      expect(((await asObserver.json()) as MotionView).can).toMatchObject({
        post: false,
        agree: false,
      });
      // Made a participant and muted at once: still no post, but a stance, and another reason.
      const mo = actorOf(people.mo);
      const promote = { spaceId: d.spaceId, userId: oli.id, role: "participant" };
      await must(changeMember(db.store, mo, promote));
      await must(muteMember(db.store, mo, { spaceId: d.spaceId, userId: oli.id, muted: true }));
      const asMuted = await ask(etag);
      expect(asMuted.status).toBe(200);
      expect(((await asMuted.json()) as MotionView).can).toMatchObject({
        post: false,
        agree: true,
      });
    });
  });
}
