import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as searchDoor } from "../../app/api/search/route";
import type { Store } from "../../db/store";
import type { SearchInput, SearchResult } from "../../lib/search";
import { editArgument } from "../../server/domain/debate/changeArgument";
import { changeSettings, hideArgument } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { importDebate } from "../../server/domain/exports/importDebate";
import { search } from "../../server/domain/search/search";
import { type Actor, anonymousActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { motionOn, spaceWithDocument } from "../support/fixtures";
import { exported, must } from "../support/outcome";
import { person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

const trade = "Trade moved inland by rail.";
const id = () => crypto.randomUUID();

/**
 * A private seminar with a debate of replies on both sides, a pending, a hidden, a draft's and
 * an anonymous motion's argument, and a public space with the same document and one argument.
 */
async function world(store: Store) {
  const d = await debate(store, "private");
  const open = await debate(store, "public");
  const mona = await d.member("Mona Moderator", "moderator");
  const sam = await d.member("Sam Student", "participant");
  const pia = await d.member("Pia Participant", "participant");
  const olli = await person(store, "Olli Outsider");
  const moderator = actorOf(mona);
  const settings = async (motionId: string, change: Record<string, boolean>) => {
    const outcome = await changeSettings(store, moderator, {
      motionId,
      clientId: id(),
      settings: change,
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
  };
  const post = async (
    who: Actor,
    body: string,
    change: { parentId?: string; relation?: "for" | "against" | "supports" | "attacks" } = {},
    on: { motionId: string; cite: typeof d.cite } = d,
    cited = true,
  ) => {
    const input = argumentInput(on.motionId, on.cite(trade), { body, ...change });
    const outcome = await postArgument(store, who, cited ? input : { ...input, citations: [] });
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value.argument.id;
  };

  const S = actorOf(sam);
  const P = actorOf(pia);
  const strong = await post(S, "Freight, freight and more freight went by rail all winter.");
  const burden = await post(P, "The railway was a burden: its freight costs ruined the town.", {
    relation: "against",
  });
  const rebuttal = await post(S, "The burden claim forgets the winter closures of the harbour.", {
    parentId: burden,
    relation: "attacks",
  });
  const rejoinder = await post(P, "Those winter closures were brief and rare.", {
    parentId: rebuttal,
    relation: "attacks",
  });
  const backing = await post(P, "Timetables show locomotives hauling freight daily.", {
    parentId: strong,
    relation: "supports",
  });
  await settings(d.motionId, { evidenceRequired: false });
  const uncited = await post(S, "Passengers rode the railway every morning.", {}, d, false);

  const hidden = await post(S, "A xylophone remark nobody should find.");
  const hid = await hideArgument(store, moderator, {
    argumentId: hidden,
    clientId: id(),
    reason: "Off topic",
  });
  if (!hid.ok) throw new Error(hid.error.message);
  await settings(d.motionId, { approvalRequired: true });
  await post(S, "A pending zeppelin waits for approval.");
  await settings(d.motionId, { approvalRequired: false });

  const draftMotion = await motionOn(store, d.spaceId, d.documentId, d.text);
  await post(
    S,
    "A quokka argument on a motion about to become a draft.",
    {},
    {
      motionId: draftMotion,
      cite: d.cite,
    },
  );
  await store.transaction((tx) => tx.motions.update(draftMotion, { status: "draft" }));

  const masked = await motionOn(store, d.spaceId, d.documentId, d.text);
  await settings(masked, { anonymous: true });
  const walrus = await post(
    S,
    "An anonymous walrus of an opinion.",
    {},
    {
      motionId: masked,
      cite: d.cite,
    },
  );
  const publicAuthor = await open.member("Paula Public", "participant");
  const publicFreight = await post(actorOf(publicAuthor), "Public freight talk.", {}, open);

  return {
    d,
    open,
    people: { mona, sam, pia, olli },
    as: { moderator, sam: S, pia: P, olli: actorOf(olli) },
    ids: { strong, burden, rebuttal, rejoinder, backing, uncited, walrus, publicFreight },
    draftMotion,
    masked,
  };
}

type World = Awaited<ReturnType<typeof world>>;

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`search, on ${dialect.name}`, () => {
    let db: TestStore;
    let w: World;
    beforeAll(async () => {
      db = await dialect.open();
      w = await world(db.store);
    });
    afterAll(() => db?.dispose());

    const find = async (who: Actor, input: SearchInput): Promise<SearchResult[]> => {
      const outcome = await search(db.store, who, input);
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.value.results;
    };
    const ids = (results: SearchResult[]) => results.map((r) => r.id);
    const marked = (r: SearchResult) =>
      r.highlights.map((h) => r.snippet.slice(h.start, h.end).toLowerCase());

    it("finds arguments and passages by their words, the best match first", async () => {
      const results = await find(w.as.pia, { q: "freight" });
      expect(results[0]?.id).toBe(w.ids.strong);
      expect(ids(results)).toEqual(
        expect.arrayContaining([w.ids.strong, w.ids.burden, w.ids.backing]),
      );
      const passages = await find(w.as.pia, { q: "harbour winter", type: "passage" });
      expect(passages.length).toBeGreaterThan(0);
      for (const p of passages) {
        expect(p).toMatchObject({ type: "passage", documentId: expect.any(String) });
      }
      expect(passages.map((p) => p.type === "passage" && p.documentId)).toContain(w.d.documentId);
    });

    it("marks the matched words in each snippet, as ranges of plain text", async () => {
      const [best] = await find(w.as.pia, { q: "freight" });
      expect(best?.snippet).toContain("Freight, freight and more freight");
      expect(best && marked(best)).toEqual(["freight", "freight", "freight"]);
      const [passage] = await find(w.as.pia, {
        q: "harbour",
        type: "passage",
        spaceId: w.d.spaceId,
      });
      expect(passage && marked(passage)).toEqual(["harbour"]);
      expect(passage?.href).toMatch(new RegExp(`^/documents/${w.d.documentId}#block-\\d+$`));
    });

    it("matches word forms and the start of the last word", async () => {
      expect(ids(await find(w.as.pia, { q: "locomotive" }))).toContain(w.ids.backing);
      expect(ids(await find(w.as.pia, { q: "locom" }))).toContain(w.ids.backing);
      expect(ids(await find(w.as.pia, { q: "passengers mornings" }))).toEqual([w.ids.uncited]);
    });

    it("ranks a last word typed whole above the longer words it begins", async () => {
      const posted: string[] = [];
      // The longest text holds the word itself: by length alone it would rank last.
      for (const body of [
        "Platform 66 was the busiest platform along the whole line, week after week.",
        "Platform 660.",
        "Platform 661.",
        "Platform 662.",
      ]) {
        const input = argumentInput(w.d.motionId, w.d.cite(trade), { body });
        const outcome = await postArgument(db.store, w.as.sam, input);
        if (!outcome.ok) throw new Error(outcome.error.message);
        posted.push(outcome.value.argument.id);
      }
      const typing = await find(w.as.pia, { q: "platform 66" });
      expect(ids(typing)).toEqual(expect.arrayContaining(posted));
      expect(typing[0]?.id).toBe(posted[0]);
    });

    it("narrows by space, motion, author, side and citations", async () => {
      const inOpen = await find(w.as.pia, { q: "freight", spaceId: w.open.spaceId });
      expect(ids(inOpen.filter((r) => r.type === "argument"))).toEqual([w.ids.publicFreight]);
      expect(inOpen.every((r) => r.spaceId === w.open.spaceId)).toBe(true);

      const onMotion = await find(w.as.pia, { q: "freight", motionId: w.d.motionId });
      expect(new Set(ids(onMotion))).toEqual(new Set([w.ids.strong, w.ids.burden, w.ids.backing]));

      const bySam = await find(w.as.pia, { q: "winter", authorId: w.people.sam.id });
      expect(ids(bySam).sort()).toEqual([w.ids.rebuttal, w.ids.strong].sort());

      const against = await find(w.as.pia, {
        q: "winter freight burden closures",
        side: "against",
      });
      expect(ids(against)).toEqual([]);
      const anyAgainst = await find(w.as.pia, { q: "closures", side: "against" });
      // A reply attacking an attack on "against" argues for; attacking that, against again.
      expect(ids(anyAgainst)).toEqual([w.ids.rejoinder]);
      const anyFor = await find(w.as.pia, { q: "closures", side: "for" });
      expect(ids(anyFor)).toEqual([w.ids.rebuttal]);
      const supported = await find(w.as.pia, { q: "timetables", side: "for" });
      expect(ids(supported)).toEqual([w.ids.backing]);
      expect(supported[0]).toMatchObject({ side: "for", relation: "supports" });

      const uncited = await find(w.as.pia, { q: "railway", hasCitations: false });
      expect(ids(uncited)).toEqual([w.ids.uncited]);
      const cited = await find(w.as.pia, { q: "railway", hasCitations: true });
      expect(ids(cited)).toEqual([w.ids.burden]);
    });

    it("keeps to the limit, and argument filters leave passages out", async () => {
      expect(await find(w.as.pia, { q: "freight", limit: 2 })).toHaveLength(2);
      const filtered = await find(w.as.pia, { q: "rail", side: "for" });
      expect(filtered.every((r) => r.type === "argument")).toBe(true);
    });

    it("reads query syntax as plain words and never errors on it", async () => {
      for (const q of [
        'freight"',
        '"freight',
        "freight*",
        "OR",
        "freight OR rail",
        "-freight",
        "NEAR(",
        "NEAR(freight rail)",
        "body:freight",
        "^freight",
        "freight AND NOT rail",
        "fr'eight & | ! :* <->",
      ]) {
        const outcome = await search(db.store, w.as.pia, { q });
        expect(outcome.ok, q).toBe(true);
      }
      expect(ids(await find(w.as.pia, { q: '"freight*" -costs' }))).toContain(w.ids.burden);
    });

    it("a query of emoji or symbols only is refused in words that say so", async () => {
      for (const q of ["🙂🙂", "→ ✓ ©", "🙂 -"]) {
        const outcome = await search(db.store, w.as.pia, { q });
        expect(outcome.ok ? "ok" : outcome.error, q).toEqual({
          code: "invalid_input",
          message: "q: type a word or two to search for, not only punctuation or symbols",
        });
      }
    });

    it("an empty or punctuation-only query is invalid input", async () => {
      for (const q of ["", "   ", '"', "*", "-", "()", '"*" -']) {
        const outcome = await search(db.store, w.as.pia, { q });
        expect(outcome.ok ? "ok" : outcome.error.code, JSON.stringify(q)).toBe("invalid_input");
      }
      const long = await search(db.store, w.as.pia, { q: "a".repeat(201) });
      expect(long.ok ? "ok" : long.error.code).toBe("invalid_input");
      const badLimit = await search(db.store, w.as.pia, { q: "rail", limit: 51 });
      expect(badLimit.ok ? "ok" : badLimit.error.code).toBe("invalid_input");
    });

    it("an edited argument is found by its new words and no longer by its old", async () => {
      const edited = await editArgument(db.store, w.as.pia, {
        argumentId: w.ids.rejoinder,
        clientId: id(),
        body: "Those harbour shutdowns were brief and rare.",
      });
      expect(edited.ok).toBe(true);
      expect(ids(await find(w.as.pia, { q: "shutdowns" }))).toEqual([w.ids.rejoinder]);
      expect(ids(await find(w.as.pia, { q: "closures" }))).not.toContain(w.ids.rejoinder);
    });

    it("an outsider never finds a private space's arguments or passages", async () => {
      for (const who of [w.as.olli, anonymousActor]) {
        const results = await find(who, { q: "freight rail harbour winter" });
        const all = [
          ...results,
          ...(await find(who, { q: "freight" })),
          ...(await find(who, { q: "harbour", type: "passage" })),
          ...(await find(who, { q: "freight", spaceId: w.d.spaceId })),
          ...(await find(who, { q: "freight", motionId: w.d.motionId })),
        ];
        expect(all.length).toBeGreaterThan(0);
        expect(all.every((r) => r.spaceId === w.open.spaceId)).toBe(true);
      }
    });

    it("pending and hidden arguments are found by nobody", async () => {
      for (const who of [w.as.pia, w.as.sam, w.as.moderator]) {
        expect(await find(who, { q: "zeppelin" })).toEqual([]);
        expect(await find(who, { q: "xylophone" })).toEqual([]);
      }
    });

    it("a draft's arguments are found only by the space's moderators", async () => {
      expect(await find(w.as.pia, { q: "quokka" })).toEqual([]);
      expect(await find(w.as.sam, { q: "quokka", motionId: w.draftMotion })).toEqual([]);
      expect(await find(w.as.moderator, { q: "quokka" })).toHaveLength(1);
    });

    it("in an anonymous motion, a participant learns no author, not even by the author filter", async () => {
      const [walrus] = await find(w.as.pia, { q: "walrus" });
      expect(walrus?.id).toBe(w.ids.walrus);
      expect(walrus?.type === "argument" && walrus.author.name).toBe("Participant 1");
      expect(JSON.stringify(walrus)).not.toContain(w.people.sam.id);
      expect(JSON.stringify(walrus)).not.toContain("Sam");
      expect(await find(w.as.pia, { q: "walrus", authorId: w.people.sam.id })).toEqual([]);
      // The moderator and the author themself know who wrote it.
      const forModerator = await find(w.as.moderator, { q: "walrus", authorId: w.people.sam.id });
      expect(forModerator[0]?.type === "argument" && forModerator[0].author.name).toBe(
        "Sam Student",
      );
      expect(ids(await find(w.as.sam, { q: "walrus", authorId: w.people.sam.id }))).toEqual([
        w.ids.walrus,
      ]);
    });

    it("on an imported debate, the author filter finds the arguments shown under that name only", async () => {
      // Imported by a teacher elsewhere: every argument is the teacher's, under the file's names.
      const file = await exported(db.store, w.as.moderator, w.d.motionId, "json");
      const elsewhere = await spaceWithDocument(db.store, "private");
      const tara = await person(db.store, "Tara Teacher", {
        spaceId: elsewhere.spaceId,
        role: "owner",
      });
      const teacher = actorOf(tara);
      const imported = await must(
        importDebate(db.store, teacher, {
          clientId: id(),
          spaceId: elsewhere.spaceId,
          debate: JSON.parse(file),
        }),
      );
      const all = await find(teacher, { q: "freight", motionId: imported.motionId });
      const names = all.map((r) => r.type === "argument" && r.author.name).sort();
      expect(names).toEqual(["Pia Participant", "Pia Participant", "Sam Student"]);
      expect(all.every((r) => r.type === "argument" && r.author.id === tara.id)).toBe(true);

      const bySam = await find(teacher, {
        q: "freight",
        authorId: tara.id,
        authorName: "Sam Student",
      });
      expect(bySam.map((r) => r.type === "argument" && r.author.name)).toEqual(["Sam Student"]);
      expect(bySam[0]?.snippet).toContain("Freight, freight and more freight");
      const byPia = await find(teacher, {
        q: "freight",
        authorId: tara.id,
        authorName: "Pia Participant",
      });
      expect(byPia.map((r) => r.type === "argument" && r.author.name)).toEqual([
        "Pia Participant",
        "Pia Participant",
      ]);
      // The name narrows the account's arguments; it never finds another account's.
      expect(
        await find(teacher, { q: "freight", authorId: w.people.sam.id, authorName: "Sam Student" }),
      ).toEqual([]);
      const nameAlone = await search(db.store, teacher, { q: "freight", authorName: "Sam" });
      expect(nameAlone.ok ? "ok" : nameAlone.error.message).toContain("authorName:");
    });

    it("in an anonymous motion, the author's name in the filter opens nothing a pseudonym hides", async () => {
      expect(
        await find(w.as.pia, { q: "walrus", authorId: w.people.sam.id, authorName: "Sam Student" }),
      ).toEqual([]);
      expect(
        ids(
          await find(w.as.moderator, {
            q: "walrus",
            authorId: w.people.sam.id,
            authorName: "Sam Student",
          }),
        ),
      ).toEqual([w.ids.walrus]);
      // Imported, an anonymous motion keeps only its pseudonyms: the filter has no name to leak.
      const file = await exported(db.store, w.as.moderator, w.masked, "json");
      const elsewhere = await spaceWithDocument(db.store, "private");
      const tara = await person(db.store, "Tara Teacher", {
        spaceId: elsewhere.spaceId,
        role: "owner",
      });
      const student = actorOf(
        await person(db.store, "Stan Student", { spaceId: elsewhere.spaceId, role: "participant" }),
      );
      await must(
        importDebate(db.store, actorOf(tara), {
          clientId: id(),
          spaceId: elsewhere.spaceId,
          debate: JSON.parse(file),
        }),
      );
      const [shown] = await find(student, { q: "walrus", spaceId: elsewhere.spaceId });
      expect(shown?.type === "argument" && shown.author).toEqual({
        id: "participant-1",
        name: "Participant 1",
      });
      for (const authorName of ["Participant 1", "Sam Student"]) {
        expect(
          await find(student, { q: "walrus", authorId: tara.id, authorName }),
          authorName,
        ).toEqual([]);
      }
      const [forImporter] = await find(actorOf(tara), {
        q: "walrus",
        authorId: tara.id,
        authorName: "Participant 1",
      });
      expect(forImporter?.type === "argument" && forImporter.author.name).toBe("Participant 1");
      expect(
        await find(actorOf(tara), { q: "walrus", authorId: tara.id, authorName: "Sam Student" }),
      ).toEqual([]);
    });

    it("pages of results follow on from each other until the last, none shown twice", async () => {
      // Alike, so that they tie for score, with passages and arguments of one word mixed.
      for (let n = 0; n < 5; n++) {
        const input = argumentInput(w.d.motionId, w.d.cite(trade), {
          body: "Zebra crossings slowed the carts.",
        });
        await must(postArgument(db.store, w.as.sam, input));
      }
      for (const q of ["rail", "zebra", "freight"]) {
        const whole = await search(db.store, w.as.pia, { q, limit: 50 });
        if (!whole.ok) throw new Error(whole.error.message);
        expect(whole.value.next).toBeNull();
        const paged: SearchResult[] = [];
        let after: string | undefined;
        for (let pages = 1; ; pages++) {
          const page = await search(db.store, w.as.pia, { q, limit: 2, after });
          if (!page.ok) throw new Error(page.error.message);
          expect(page.value.results.length).toBeLessThanOrEqual(2);
          paged.push(...page.value.results);
          if (page.value.next === null) break;
          expect(page.value.results).toHaveLength(2);
          after = page.value.next;
          expect(pages).toBeLessThan(30);
        }
        expect(ids(paged), q).toEqual(ids(whole.value.results));
        expect(new Set(ids(paged)).size).toBe(paged.length);
      }
      const both = await search(db.store, w.as.pia, { q: "rail", limit: 50 });
      const kinds = new Set(both.ok ? both.value.results.map((r) => r.type) : []);
      expect(kinds).toEqual(new Set(["argument", "passage"]));
      const zebras = await search(db.store, w.as.pia, { q: "zebra", limit: 50 });
      expect(zebras.ok && zebras.value.results).toHaveLength(5);
    });

    it("GET /api/search answers results, and 400 for a query with no words", async () => {
      setTestRuntime(db.store);
      const get = (query: string, cookie?: string) =>
        searchDoor(
          new Request(`http://localhost/api/search?${query}`, {
            headers: cookie ? { cookie } : {},
          }),
        );
      const member = await get(
        `q=freight&spaceId=${w.d.spaceId}&hasCitations=true&limit=5`,
        w.people.pia.cookie,
      );
      expect(member.status).toBe(200);
      const { results } = await member.json();
      expect(results[0]).toMatchObject({
        type: "argument",
        id: w.ids.strong,
        motionId: w.d.motionId,
        snippet: expect.stringContaining("freight"),
        href: `/motions/${w.d.motionId}#argument-${w.ids.strong}`,
      });
      const outsider = await (await get(`q=freight&spaceId=${w.d.spaceId}`)).json();
      expect(outsider).toEqual({ results: [], next: null });
      const bad = await get("q=%22%2A");
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.code).toBe("invalid_input");
    });

    it("GET /api/search answers `next` while more follow, and takes it as `after`", async () => {
      setTestRuntime(db.store);
      const get = (query: string) =>
        searchDoor(
          new Request(`http://localhost/api/search?${query}`, {
            headers: { cookie: w.people.pia.cookie },
          }),
        );
      const first = await (await get("q=freight&limit=1")).json();
      expect(first.results).toHaveLength(1);
      expect(first.next).toEqual(expect.any(String));
      const second = await (await get(`q=freight&limit=1&after=${first.next}`)).json();
      expect(second.results).toHaveLength(1);
      expect(second.results[0].id).not.toBe(first.results[0].id);
      const all = await (await get("q=freight&limit=50")).json();
      expect(all.next).toBeNull();
      expect([first.results[0].id, second.results[0].id]).toEqual(
        all.results.slice(0, 2).map((r: SearchResult) => r.id),
      );
      const bad = await get("q=freight&after=not-a-cursor");
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatchObject({
        code: "invalid_input",
        message: expect.stringMatching(/^after: /),
      });
    });
  });
}
