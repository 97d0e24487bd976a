import { ArgdownApplication, ModelPlugin, ParserPlugin } from "@argdown/core";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/motions/[id]/export/route";
import { POST as importRoute } from "../../app/api/spaces/[id]/import/route";
import type { Store } from "../../db/store";
import { createMotion } from "../../server/domain/debate/createMotion";
import { castVote } from "../../server/domain/debate/judge";
import { approveArgument, hideArgument } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { getMotion } from "../../server/domain/debate/queries";
import { exportDebate } from "../../server/domain/exports";
import { importDebate } from "../../server/domain/exports/importDebate";
import type { DebateExport } from "../../server/domain/exports/json";
import { type Actor, anonymousActor, systemActor } from "../../server/policy";
import { actorOf, debate } from "../support/debate";
import { spaceWithDocument } from "../support/fixtures";
import { exported, exportFormats, must } from "../support/outcome";
import { type Person, person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, sqliteTestStore, type TestStore } from "../support/stores";

const trade = "Trade moved inland by rail.";
const harbour = "The harbour was closed in winter.";
const doubt = "Nobody expected the rail line to pay for itself.";
const origin = "https://moot.test";
const id = () => crypto.randomUUID();

// Words that must never reach a participant: a post still waiting and a post hidden since.
const pendingWords = "SECRET-PENDING the council paid for the line";
const hiddenWords = "HIDDEN-WORDS the harbour master lied";

/**
 * An anonymous motion with approval on: Aida argues for it (with a body a spreadsheet would run
 * and an Argdown reader would misread), Bek against, Cyrille attacks Aida and is hidden after
 * Aida answered him, and Bek's second post is still waiting for approval.
 */
async function anonymousDebate(store: Store) {
  const d = await debate(store, "private");
  const people = {
    mona: await d.member("Mona Moderator", "moderator"),
    aida: await d.member("Aida Arslan", "participant"),
    bek: await d.member("Bekzod Berisha", "participant"),
    cyrille: await d.member("Cyrille Cyan", "participant"),
  };
  const as = Object.fromEntries(
    Object.entries(people).map(([key, p]) => [key, actorOf(p)]),
  ) as Record<keyof typeof people, Actor>;
  const { motionId } = await must(
    createMotion(store, systemActor, {
      clientId: id(),
      spaceId: d.spaceId,
      title: "The rail line was worth building [really?] <yes>",
      settings: { anonymous: true, approvalRequired: true, evidenceRequired: false },
      sources: [d.cite(trade)],
    }),
  );
  const post = async (who: Actor, body: string, change: object = {}, approve = true) => {
    const { argument } = await must(
      postArgument(store, who, {
        motionId,
        clientId: id(),
        parentId: null,
        relation: "for",
        body,
        citations: [],
        ...change,
      }),
    );
    if (approve) {
      await must(approveArgument(store, as.mona, { argumentId: argument.id, clientId: id() }));
    }
    return argument.id;
  };
  const aida = await post(
    as.aida,
    '=HYPERLINK("http://evil.test","click")\n- a line, with "quotes" #tag <Arg 9> [Motion] +> x',
    { citations: [d.cite(trade)] },
  );
  const bek = await post(as.bek, "The harbour mattered more.", {
    relation: "against",
    citations: [d.cite(harbour)],
  });
  const cyrille = await post(as.cyrille, hiddenWords, {
    parentId: aida,
    relation: "attacks",
    citations: [d.cite(doubt)],
  });
  const answer = await post(as.aida, "That is not what the report says.", {
    parentId: cyrille,
    relation: "attacks",
  });
  await post(as.bek, "Bek agrees with Cyrille's doubt.", { parentId: bek, relation: "supports" });
  await must(
    hideArgument(store, as.mona, { argumentId: cyrille, clientId: id(), reason: "Off topic" }),
  );
  await post(as.bek, pendingWords, { relation: "against" }, false);
  for (const [who, stance] of [
    [as.aida, "for"],
    [as.bek, "against"],
  ] as const) {
    await must(castVote(store, who, { motionId, clientId: id(), phase: "before", stance }));
  }
  return { d, people, as, motionId, ids: { aida, bek, cyrille, answer } };
}

function parseArgdown(input: string) {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), "parse-input");
  app.addPlugin(new ModelPlugin(), "build-model");
  return app.run({ input, process: ["parse-input", "build-model"] });
}

/** A tree with its ids, dates and people left out: what an import must give back. */
function normalised(view: DebateExport) {
  const byId = new Map(view.arguments.map((a) => [a.id, a]));
  const path = (argumentId: string | null): string =>
    argumentId === null
      ? ""
      : `${path(byId.get(argumentId)?.parentId ?? null)}/${byId.get(argumentId)?.body}`;
  const passage = (p: DebateExport["motion"]["sources"][number]) => ({
    exact: p.exact,
    prefix: p.prefix,
    suffix: p.suffix,
    start: p.start,
    end: p.end,
    anchor: p.anchor.status,
  });
  return {
    title: view.motion.title,
    status: view.motion.status,
    settings: view.motion.settings,
    sources: view.motion.sources.map(passage),
    arguments: view.arguments.map((a) => ({
      parent: path(a.parentId),
      relation: a.relation,
      body: a.body,
      author: a.author.name,
      status: a.status,
      citations: a.citations.map(passage),
    })),
  };
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`exports of a debate, on ${dialect.name}`, () => {
    let db: TestStore;
    let room: Awaited<ReturnType<typeof anonymousDebate>>;
    beforeAll(async () => {
      db = await dialect.open();
      room = await anonymousDebate(db.store);
    });
    afterAll(() => db?.dispose());

    it("a participant's export in every format leaves out pending and hidden words and others' names", async () => {
      const { as, people, motionId } = room;
      for (const format of exportFormats) {
        const body = await exported(db.store, as.aida, motionId, format);
        for (const secret of [
          pendingWords,
          hiddenWords,
          people.bek.name,
          people.cyrille.name,
          people.mona.name,
          people.bek.id,
          people.cyrille.id,
          people.mona.id,
        ]) {
          expect(body, `${format} holds ${secret}`).not.toContain(secret);
        }
        // The annotations hold cited arguments only; that reply cites nothing.
        if (format !== "annotations") {
          expect(body, format).toContain("That is not what the report says.");
        }
      }
    });

    it("a participant's JSON holds the tallies, not who voted, and the tree as the page shows it", async () => {
      const { as, motionId } = room;
      const json = JSON.parse(await exported(db.store, as.aida, motionId, "json")) as DebateExport;
      expect(json.scope).toBe("reader");
      expect(json.votes.tally.before).toEqual({ for: 1, against: 1, undecided: 0 });
      expect(json.votes.ballots).toBeNull();
      expect(json.votes.movers).toBeNull();
      const page = await must(getMotion(db.store, as.aida, motionId));
      const count = (nodes: { children: unknown[] }[]): number =>
        nodes.reduce((n, node) => n + 1 + count(node.children as { children: unknown[] }[]), 0);
      expect(json.arguments).toHaveLength(count(page.arguments));
      const hidden = json.arguments.find((a) => a.status === "hidden");
      expect(hidden).toMatchObject({ body: "", citations: [], author: { name: "Participant 3" } });
      expect(json.arguments.map((a) => a.author.name)).toContain("Participant 2");
    });

    it("a moderator's export holds the whole debate: pending and hidden words, names and ballots", async () => {
      const { as, people, motionId } = room;
      for (const format of ["json", "csv", "md"] as const) {
        const body = await exported(db.store, as.mona, motionId, format);
        expect(body, format).toContain(pendingWords);
        expect(body, format).toContain(hiddenWords);
        expect(body, format).toContain(people.bek.name);
      }
      const json = JSON.parse(await exported(db.store, as.mona, motionId, "json")) as DebateExport;
      expect(json.scope).toBe("moderator");
      expect(json.votes.ballots?.map((b) => b.user.name).sort()).toEqual([
        people.aida.name,
        people.bek.name,
      ]);
      expect(json.events[0]?.type).toBe("motion.created");
      expect(json.documents[0]?.versions[0]?.text).toContain(trade);
    });

    it("the CSV has one row per argument, RFC 4180 quoted, formulas neutralised", async () => {
      const { as, motionId, ids } = room;
      const csv = await exported(db.store, as.mona, motionId, "csv");
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(csv).toContain("\r\n");
      const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
      expect(parsed.errors).toEqual([]);
      const rows = parsed.data;
      expect(rows).toHaveLength(6);
      const aida = rows.find((r) => r.id === ids.aida);
      // The cell starts with a quote, so a spreadsheet shows the text instead of running it.
      expect(aida?.text).toBe(
        `'=HYPERLINK("http://evil.test","click")\n- a line, with "quotes" #tag <Arg 9> [Motion] +> x`,
      );
      expect(aida).toMatchObject({ number: "1", parent: "", relation: "for", side: "for" });
      expect(aida?.quotes).toBe(trade);
      const answer = rows.find((r) => r.id === ids.answer);
      expect(answer).toMatchObject({ relation: "attacks", side: "for", "parent id": ids.cyrille });
    });

    it("the Argdown parses without errors, the motion central and every relation kept", async () => {
      const { as, motionId } = room;
      for (const who of [as.mona, as.aida]) {
        const text = await exported(db.store, who, motionId, "argdown");
        const json = JSON.parse(await exported(db.store, who, motionId, "json")) as DebateExport;
        const result = parseArgdown(text);
        expect(result.lexerErrors).toEqual([]);
        expect(result.parserErrors).toEqual([]);
        expect(result.statements?.Motion?.members[0]?.text).toBe(
          "The rail line was worth building [really?] <yes>",
        );
        const label = new Map(json.arguments.map((a, i) => [a.id, `Arg ${i + 1}`]));
        const expected = json.arguments.map((a) => [
          label.get(a.id),
          a.relation === "for" || a.relation === "supports" ? "support" : "attack",
          a.parentId ? label.get(a.parentId) : "Motion",
        ]);
        const relations = (result.relations ?? []).map((r) => [
          r.from?.title,
          r.relationType,
          r.to?.title,
        ]);
        expect(relations).toEqual(expected);
        const first = result.arguments?.["Arg 1"]?.members[0]?.text;
        expect(first).toContain('=HYPERLINK("http://evil.test","click") - a line');
        expect(first).toContain(trade);
      }
    });

    it("the annotations are W3C Web Annotations, one per citation, with both selectors", async () => {
      const { as, motionId, ids } = room;
      const body = JSON.parse(await exported(db.store, as.aida, motionId, "annotations"));
      expect(body["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
      expect(body.type).toBe("AnnotationCollection");
      // Aida's and Bek's citations; the hidden attack's citation is not the participant's to read.
      const items = body.first.items;
      expect(body.total).toBe(2);
      expect(items).toHaveLength(2);
      const [first] = items;
      expect(first).toMatchObject({
        type: "Annotation",
        motivation: "commenting",
        creator: { type: "Person", name: "Aida Arslan" },
        body: { type: "TextualBody", purpose: "commenting" },
        target: {
          source: `${origin}/documents/${room.d.documentId}?version=${room.d.versionId}`,
          selector: [
            { type: "TextQuoteSelector", exact: trade },
            {
              type: "TextPositionSelector",
              start: room.d.text.indexOf(trade),
              end: room.d.text.indexOf(trade) + trade.length,
            },
          ],
        },
      });
      expect(first.id).toContain(ids.aida);
      expect(items[1].creator.name).toBe("Participant 2");
      const moderator = JSON.parse(await exported(db.store, as.mona, motionId, "annotations"));
      expect(moderator.total).toBe(3);
    });

    it("an unknown format is refused, naming the exportFormats", async () => {
      const outcome = await exportDebate(db.store, room.as.aida, room.motionId, "xlsx", origin);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe("invalid_input");
        expect(outcome.error.message).toContain("json, csv, md, argdown, annotations");
      }
    });

    it("the JSON export imported into another space gives the same tree, with new ids", async () => {
      const { as, motionId } = room;
      const json = JSON.parse(await exported(db.store, as.mona, motionId, "json")) as DebateExport;
      const elsewhere = await spaceWithDocument(db.store, "private");
      const teacher = actorOf(
        await person(db.store, "Tara Teacher", { spaceId: elsewhere.spaceId, role: "owner" }),
      );
      const imported = await must(
        importDebate(db.store, teacher, {
          clientId: id(),
          spaceId: elsewhere.spaceId,
          debate: json,
        }),
      );
      // The space already reads the same document: it is used, not copied.
      expect(imported.documents).toEqual({ created: 0, reused: 1 });
      const again = JSON.parse(
        await exported(db.store, teacher, imported.motionId, "json"),
      ) as DebateExport;
      // What the room could see comes over, under the pseudonyms the room knew (the motion is
      // anonymous); the post still waiting for approval stays behind.
      const seenByTheRoom = new Set(["published", "hidden", "withdrawn"]);
      const carried = {
        ...json,
        arguments: json.arguments
          .filter((a) => seenByTheRoom.has(a.status))
          .map((a) => ({ ...a, author: { ...a.author, name: `Participant ${a.pseudonym}` } })),
      };
      expect(carried.arguments.length).toBeLessThan(json.arguments.length);
      expect(normalised(again)).toEqual(normalised(carried));
      expect(JSON.stringify(again)).not.toContain(pendingWords);
      expect(again.motion.id).not.toBe(json.motion.id);
      const oldIds = new Set(json.arguments.map((a) => a.id));
      expect(again.arguments.some((a) => oldIds.has(a.id))).toBe(false);
      expect(again.documents[0]?.id).toBe(elsewhere.documentId);
      // The log replays the tree: created, then each argument as it came to be.
      expect(again.events.map((e) => e.type)).toEqual([
        "motion.created",
        "argument.posted",
        "argument.posted",
        "argument.hidden",
        "argument.posted",
        "argument.posted",
        "argument.posted",
      ]);
      // A participant of the new space reads it as the old space's participants did.
      const pupil = actorOf(
        await person(db.store, "Pat Pupil", { spaceId: elsewhere.spaceId, role: "participant" }),
      );
      const seen = await exported(db.store, pupil, imported.motionId, "md");
      expect(seen).not.toContain(hiddenWords);
      expect(seen).not.toContain(pendingWords);
    });

    it("an import into a space without the documents makes them again, and the citations point into them", async () => {
      const json = JSON.parse(
        await exported(db.store, room.as.mona, room.motionId, "json"),
      ) as DebateExport;
      const owner = await person(db.store, "Omar Owner");
      const space = await must(
        (await import("../../server/domain/spaces/createSpace")).createSpace(
          db.store,
          actorOf(owner),
          { clientId: id(), name: "An empty seminar", visibility: "private" },
        ),
      );
      const imported = await must(
        importDebate(db.store, actorOf(owner), {
          clientId: id(),
          spaceId: space.spaceId,
          debate: json,
        }),
      );
      expect(imported.documents).toEqual({ created: 1, reused: 0 });
      const [document] = await db.store.documents.list([space.spaceId]);
      const view = await must(getMotion(db.store, actorOf(owner), imported.motionId));
      expect(view.sources[0]?.documentId).toBe(document?.id);
      expect(view.arguments[0]?.citations[0]).toMatchObject({
        documentId: document?.id,
        versionId: document?.currentVersionId,
        exact: trade,
      });
    });

    it("refuses an import from a non-moderator, of the wrong shape, or with a false quote, storing nothing", async () => {
      const { as, d, motionId } = room;
      const json = JSON.parse(await exported(db.store, as.mona, motionId, "json")) as DebateExport;
      const before = (await db.store.motions.list([d.spaceId])).length;
      const documentsBefore = (await db.store.documents.list([d.spaceId])).length;
      const attempt = (who: Actor, debate: unknown) =>
        importDebate(db.store, who, { clientId: id(), spaceId: d.spaceId, debate });
      const refusal = async (pending: ReturnType<typeof attempt>) => {
        const outcome = await pending;
        return outcome.ok ? null : outcome.error;
      };
      expect((await refusal(attempt(as.aida, json)))?.code).toBe("forbidden");
      // A private space answers a visitor as if it were not there.
      expect((await refusal(attempt(anonymousActor, json)))?.code).toBe("not_found");
      for (const notOurs of [{ format: "something else" }, [json], "text"]) {
        expect(await refusal(attempt(as.mona, notOurs))).toMatchObject({
          code: "invalid_input",
          message: expect.stringContaining("This file is not a Moot debate"),
        });
      }
      const badBody = structuredClone(json);
      (badBody.arguments[1] as { relation: string }).relation = "maybe";
      expect((await refusal(attempt(as.mona, badBody)))?.message).toContain("arguments.1.relation");
      const invisible = structuredClone(json);
      if (invisible.arguments[0]) invisible.arguments[0].body = "\u200b\u3164 \u2060";
      expect((await refusal(attempt(as.mona, invisible)))?.message).toContain(
        "arguments.0.body: needs at least one visible character",
      );
      const invisibleAuthor = structuredClone(json);
      if (invisibleAuthor.arguments[0]) invisibleAuthor.arguments[0].author.name = "\u200b\u200b";
      expect((await refusal(attempt(as.mona, invisibleAuthor)))?.message).toContain(
        "needs at least one visible character",
      );
      const falseQuote = structuredClone(json);
      const citation = falseQuote.arguments[0]?.citations[0];
      if (citation) citation.exact = "Words the report never said.";
      expect(await refusal(attempt(as.mona, falseQuote))).toMatchObject({
        code: "invalid_input",
        message: expect.stringContaining("arguments.0.citations.0"),
      });
      const orphan = structuredClone(json);
      if (orphan.arguments[2]) orphan.arguments[2].parentId = "no-such-argument";
      expect((await refusal(attempt(as.mona, orphan)))?.message).toContain("arguments.2.parentId");
      expect((await db.store.motions.list([d.spaceId])).length).toBe(before);
      expect((await db.store.documents.list([d.spaceId])).length).toBe(documentsBefore);
    });
  });
}

describe("the export and import doors", () => {
  let db: TestStore;
  let room: Awaited<ReturnType<typeof anonymousDebate>>;
  let target: { spaceId: string; moderator: Person; participant: Person };
  const get = (path: string, who?: Person) =>
    exportRoute(
      new Request(`http://localhost${path}`, { headers: who ? { cookie: who.cookie } : {} }),
      { params: Promise.resolve({ id: path.split("/")[3]?.split("?")[0] ?? "" }) },
    );
  const post = (spaceId: string, body: string, who?: Person) =>
    importRoute(
      new Request(`http://localhost/api/spaces/${spaceId}/import`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(who ? { cookie: who.cookie } : {}) },
        body,
      }),
      { params: Promise.resolve({ id: spaceId }) },
    );
  beforeAll(async () => {
    db = await sqliteTestStore();
    setTestRuntime(db.store);
    room = await anonymousDebate(db.store);
    const elsewhere = await spaceWithDocument(db.store, "private");
    target = {
      spaceId: elsewhere.spaceId,
      moderator: await person(db.store, "Max Moderator", {
        spaceId: elsewhere.spaceId,
        role: "moderator",
      }),
      participant: await person(db.store, "Paz Participant", {
        spaceId: elsewhere.spaceId,
        role: "participant",
      }),
    };
  });
  afterAll(() => db?.dispose());

  it("serves each format as a download with its content type and a name from the title", async () => {
    const types = {
      json: "application/json",
      csv: "text/csv; charset=utf-8",
      md: "text/markdown; charset=utf-8",
      argdown: "text/plain; charset=utf-8",
      annotations: "application/ld+json",
    };
    const extensions = {
      json: "json",
      csv: "csv",
      md: "md",
      argdown: "argdown",
      annotations: "jsonld",
    };
    for (const format of exportFormats) {
      const response = await get(
        `/api/motions/${room.motionId}/export?format=${format}`,
        room.people.aida,
      );
      expect(response.status, format).toBe(200);
      expect(response.headers.get("content-type")).toBe(types[format]);
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="the-rail-line-was-worth-building-really-yes.${extensions[format]}"`,
      );
    }
  });

  it("answers 400 for an unknown format, 404 to outsiders and for unknown motions", async () => {
    const aida = room.people.aida;
    expect((await get(`/api/motions/${room.motionId}/export?format=pdf`, aida)).status).toBe(400);
    expect((await get(`/api/motions/${room.motionId}/export?format=json`)).status).toBe(404);
    expect((await get(`/api/motions/${id()}/export?format=json`, aida)).status).toBe(404);
    expect(
      (await get(`/api/motions/${room.motionId}/export?format=json`, target.moderator)).status,
    ).toBe(404);
  });

  it("imports a downloaded export with 201, and refuses bad JSON, participants and a too large body", async () => {
    const download = await (
      await get(`/api/motions/${room.motionId}/export?format=json`, room.people.mona)
    ).text();
    const created = await post(target.spaceId, download, target.moderator);
    expect(created.status).toBe(201);
    const { id: motionId } = (await created.json()) as { id: string };
    expect(created.headers.get("location")).toBe(`/api/motions/${motionId}`);
    expect((await get(`/api/motions/${motionId}/export?format=md`, target.moderator)).status).toBe(
      200,
    );
    expect((await post(target.spaceId, download, target.participant)).status).toBe(403);
    const bad = await post(target.spaceId, "{not json", target.moderator);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      "not JSON",
    );
    expect((await post(target.spaceId, "[]", target.moderator)).status).toBe(400);
    const huge = new Request(`http://localhost/api/spaces/${target.spaceId}/import`, {
      method: "POST",
      headers: { cookie: target.moderator.cookie, "content-length": String(31 * 1024 * 1024) },
      body: "{}",
    });
    expect(
      (await importRoute(huge, { params: Promise.resolve({ id: target.spaceId }) })).status,
    ).toBe(413);
    expect((await db.store.motions.list([target.spaceId])).length).toBe(1);
  });
});
