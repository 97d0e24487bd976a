import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as participationRoute } from "../../app/api/motions/[id]/participation/route";
import { GET as resultsRoute } from "../../app/api/motions/[id]/results/route";
import { GET as summaryRoute } from "../../app/api/motions/[id]/results/summary/route";
import type { Store } from "../../db/store";
import { withdrawArgument } from "../../server/domain/debate/changeArgument";
import { createMotion } from "../../server/domain/debate/createMotion";
import { castVote, rateArgument } from "../../server/domain/debate/judge";
import { hideArgument } from "../../server/domain/debate/moderate";
import { participationCsv } from "../../server/domain/debate/participationCsv";
import { postArgument } from "../../server/domain/debate/postArgument";
import { motionResult, participation, roomResult } from "../../server/domain/debate/results";
import { type Actor, systemActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, sqliteTestStore, type TestStore } from "../support/stores";

const trade = "Trade moved inland by rail.";
const harbour = "The harbour was closed in winter.";
const doubt = "Nobody expected the rail line to pay for itself.";
const id = () => crypto.randomUUID();
const code = (o: { ok: boolean; error?: { code: string } }) => (o.ok ? "ok" : o.error?.code);

/** A seminar: an owner, a moderator, three students (one named like a formula), an observer. */
async function classroom(store: Store) {
  const d = await debate(store, "private");
  const people = {
    owner: await d.member("Olga Owner", "owner"),
    moderator: await d.member("Mona Moderator", "moderator"),
    aida: await d.member("Aida", "participant"),
    bek: await d.member("Bek", "participant"),
    // A spreadsheet would run this name as a formula if the CSV let it through.
    dana: await d.member("=Dana", "participant"),
    oscar: await d.member("Oscar Observer", "observer"),
  };
  const outsider = actorOf(await person(store, "Olli Outsider"));
  const as = Object.fromEntries(
    Object.entries(people).map(([key, p]) => [key, actorOf(p)]),
  ) as Record<keyof typeof people, Actor>;
  return { d, people, as, outsider };
}

/**
 * The debate every test reads: votes before, arguments and replies with citations, ratings, a
 * withdrawal and a hiding, votes after. The clock is pinned for each step, since minutesActive
 * counts the minutes things happened in; an hour back, so the sessions issued now stay valid.
 */
async function holdDebate(store: Store, { d, as }: Awaited<ReturnType<typeof classroom>>) {
  const start = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
  const at = (minute: number, second = 10) =>
    vi.setSystemTime(start + minute * 60_000 + second * 1000);
  const vote = (who: Actor, phase: "before" | "after", stance: "for" | "against" | "undecided") =>
    must(castVote(store, who, { motionId: d.motionId, clientId: id(), phase, stance }));
  const post = async (who: Actor, quotes: string[], change = {}) =>
    (
      await must(
        postArgument(store, who, {
          ...argumentInput(d.motionId, d.cite(trade), change),
          citations: quotes.map(d.cite),
        }),
      )
    ).argument.id;
  const rate = (who: Actor, argumentId: string, score: number) =>
    must(rateArgument(store, who, { argumentId, clientId: id(), score }));

  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    at(0);
    await vote(as.aida, "before", "for");
    await vote(as.bek, "before", "for");
    await vote(as.dana, "before", "against");
    await vote(as.oscar, "before", "undecided");
    at(1);
    const aidaFor = await post(as.aida, [trade, harbour], { relation: "for" });
    const bekAgainst = await post(as.bek, [doubt], { relation: "against" });
    at(2, 30);
    const reply = (parentId: string, relation: "supports" | "attacks") => ({ parentId, relation });
    await post(as.dana, [trade, doubt], reply(aidaFor, "attacks"));
    const danaSupports = await post(as.dana, [doubt], reply(bekAgainst, "supports"));
    await post(as.aida, [trade], reply(bekAgainst, "attacks"));
    at(3, 5);
    const withdrawn = await post(as.bek, [doubt], { relation: "against" });
    at(3, 50);
    await must(withdrawArgument(store, as.bek, { argumentId: withdrawn, clientId: id() }));
    at(4);
    await rate(as.dana, aidaFor, 3);
    await rate(as.bek, aidaFor, 2);
    // Ratings given before authors were refused their own (P-CMD-6) are still in the database.
    await store.transaction((tx) =>
      tx.ratings.put({ argumentId: aidaFor, userId: as.aida.id, score: 4, ratedAt: new Date() }),
    );
    await rate(as.aida, bekAgainst, 1);
    await rate(as.oscar, bekAgainst, 2);
    at(5);
    const hide = { argumentId: danaSupports, clientId: id(), reason: "Off topic" };
    await must(hideArgument(store, as.moderator, hide));
    at(7);
    await vote(as.aida, "after", "for");
    await vote(as.bek, "after", "against");
    await vote(as.dana, "after", "against");
  } finally {
    vi.useRealTimers();
  }
}

const zeros = {
  arguments: { for: 0, against: 0 },
  replies: { supports: 0, attacks: 0 },
  citations: 0,
  ratingsGiven: 0,
  ratingsReceived: 0,
  votes: 0,
  minutesActive: 0,
};

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(
    `what the teacher learns after a debate, on ${dialect.name}`,
    () => {
      let db: TestStore;
      let room: Awaited<ReturnType<typeof classroom>>;
      beforeAll(async () => {
        db = await dialect.open();
        room = await classroom(db.store);
        await holdDebate(db.store, room);
      });
      afterAll(() => db?.dispose());

      const result = async () => must(motionResult(db.store, room.as.moderator, room.d.motionId));
      const rows = async () => must(participation(db.store, room.as.moderator, room.d.motionId));

      it("the side whose share of the vote grew more wins, and the shift is the support's move", async () => {
        const { votes, shift, winner } = await result();
        expect(votes).toEqual({
          before: { for: 2, against: 1, undecided: 1 },
          after: { for: 1, against: 2, undecided: 0 },
        });
        // For: 50% -> 33%; against: 25% -> 67%.
        expect(shift).toBe(-17);
        expect(winner).toBe("against");
      });

      it("lists everyone who voted with both stances, those who changed sides first", async () => {
        const { movers } = await result();
        expect(movers.map((m) => [m.user.name, m.before, m.after])).toEqual([
          ["Bek", "for", "against"],
          ["=Dana", "against", "against"],
          ["Aida", "for", "for"],
          ["Oscar Observer", "undecided", null],
        ]);
        expect(movers[0]?.user.id).toBe(room.people.bek.id);
      });

      it("names the passages each side cited most, from published arguments only", async () => {
        const { citedPassages } = await result();
        const { text, documentId } = room.d;
        const passage = (exact: string, count: number) => ({
          documentId,
          documentTitle: "Harbour report",
          start: text.indexOf(exact),
          end: text.indexOf(exact) + exact.length,
          exact,
          count,
        });
        // For: Aida's argument and her attack on Bek's. Against: Bek's argument and Dana's attack
        // on Aida's; Dana's hidden reply and Bek's withdrawn argument do not count.
        expect(citedPassages).toEqual({
          for: [passage(trade, 2), passage(harbour, 1)],
          against: [passage(doubt, 2), passage(trade, 1)],
        });
      });

      it("counts what each member did on the motion, hidden and withdrawn posts included", async () => {
        const byName = new Map((await rows()).map((row) => [row.user.name, row]));
        expect([...byName.keys()]).toEqual([
          "=Dana",
          "Aida",
          "Bek",
          "Mona Moderator",
          "Olga Owner",
          "Oscar Observer",
        ]);
        expect(byName.get("Aida")).toEqual({
          user: { id: room.people.aida.id, name: "Aida" },
          role: "participant",
          arguments: { for: 1, against: 0 },
          replies: { supports: 0, attacks: 1 },
          citations: 3,
          ratingsGiven: 2,
          // Her own rating of her argument is not one she received.
          ratingsReceived: 2,
          votes: 2,
          minutesActive: 5,
        });
        expect(byName.get("Bek")).toMatchObject({
          role: "participant",
          arguments: { for: 0, against: 2 },
          replies: { supports: 0, attacks: 0 },
          citations: 2,
          ratingsGiven: 1,
          ratingsReceived: 2,
          votes: 2,
          minutesActive: 5,
        });
        expect(byName.get("=Dana")).toMatchObject({
          role: "participant",
          arguments: { for: 0, against: 0 },
          replies: { supports: 1, attacks: 1 },
          citations: 3,
          ratingsGiven: 1,
          ratingsReceived: 0,
          votes: 2,
          minutesActive: 4,
        });
        expect(byName.get("Oscar Observer")).toEqual({
          ...zeros,
          user: { id: room.people.oscar.id, name: "Oscar Observer" },
          role: "observer",
          ratingsGiven: 1,
          votes: 1,
          minutesActive: 2,
        });
        expect(byName.get("Mona Moderator")).toMatchObject({
          ...zeros,
          role: "moderator",
          minutesActive: 1,
        });
        expect(byName.get("Olga Owner")).toMatchObject({ ...zeros, role: "owner" });
      });

      it("writes the participation as CSV with a header, and a formula-like name neutralised", async () => {
        const { people } = room;
        const line = (cells: (string | number)[]) => cells.join(",");
        expect(participationCsv(await rows()).split("\r\n")).toEqual([
          "name,role,arguments for,arguments against,replies supporting,replies attacking,citations,ratings given,ratings received,votes,minutes active,user id",
          line([`"'=Dana"`, "participant", 0, 0, 1, 1, 3, 1, 0, 2, 4, people.dana.id]),
          line(["Aida", "participant", 1, 0, 0, 1, 3, 2, 2, 2, 5, people.aida.id]),
          line(["Bek", "participant", 0, 2, 0, 0, 2, 1, 2, 2, 5, people.bek.id]),
          line(["Mona Moderator", "moderator", 0, 0, 0, 0, 0, 0, 0, 0, 1, people.moderator.id]),
          line(["Olga Owner", "owner", 0, 0, 0, 0, 0, 0, 0, 0, 0, people.owner.id]),
          line(["Oscar Observer", "observer", 0, 0, 0, 0, 0, 1, 0, 1, 2, people.oscar.id]),
        ]);
      });

      it("is for the space's owners and moderators: members get forbidden, others not found", async () => {
        const { d, as, outsider } = room;
        for (const query of [motionResult, participation]) {
          const answer = (who: Actor, motionId: string = d.motionId) =>
            query(db.store, who, motionId).then(code);
          expect(await answer(as.moderator)).toBe("ok");
          expect(await answer(as.owner)).toBe("ok");
          expect(await answer(as.aida)).toBe("forbidden");
          expect(await answer(as.oscar)).toBe("forbidden");
          expect(await answer(outsider)).toBe("not_found");
          expect(await answer(as.moderator, id())).toBe("not_found");
          expect(await answer(as.moderator, "not-an-id")).toBe("invalid_input");
        }
      });

      it("a participant gets the room's result and their own part, and nobody else's name or stance", async () => {
        const { d, as, people, outsider } = room;
        const summary = await must(roomResult(db.store, as.aida, d.motionId));
        const full = await result();
        expect(summary).toMatchObject({ shift: full.shift, winner: "against", votes: full.votes });
        expect(summary.citedPassages).toEqual(full.citedPassages);
        expect(summary).not.toHaveProperty("movers");
        // Their own row is the one the teacher sees of them.
        const teachersRow = (await rows()).find((row) => row.user.id === as.aida.id);
        const { user: _, role: __, ...counts } = teachersRow ?? { user: null, role: null };
        expect(summary.mine).toEqual({ ...counts, before: "for", after: "for" });
        expect(summary.mine).toMatchObject({ arguments: { for: 1, against: 0 }, citations: 3 });
        // So is everyone's, read from their own part of the debate alone.
        for (const [key, who] of Object.entries(as)) {
          if (key === "aida") continue;
          const own = await must(roomResult(db.store, who, d.motionId));
          const row = (await rows()).find((each) => each.user.id === who.id);
          const { user: _u, role: _r, ...theirs } = row ?? { user: null, role: null };
          expect(own.mine, key).toMatchObject(theirs);
        }
        const text = JSON.stringify(summary);
        for (const other of [people.bek, people.dana, people.oscar]) {
          expect(text).not.toContain(other.id);
        }
        expect(text).not.toContain("Bek");

        const observer = await must(roomResult(db.store, as.oscar, d.motionId));
        expect(observer.mine).toMatchObject({ before: "undecided", after: null, votes: 1 });
        expect(code(await roomResult(db.store, outsider, d.motionId))).toBe("not_found");
        expect(code(await roomResult(db.store, as.aida, id()))).toBe("not_found");
      });

      it("a draft has no results yet, and a motion nobody voted on has no winner", async () => {
        const draft = await must(
          createMotion(db.store, systemActor, {
            clientId: id(),
            spaceId: room.d.spaceId,
            title: "Still being written",
            status: "draft",
          }),
        );
        expect(code(await motionResult(db.store, room.as.owner, draft.motionId))).toBe("not_found");
        expect(code(await roomResult(db.store, room.as.owner, draft.motionId))).toBe("not_found");

        const quiet = await classroom(db.store);
        const empty = await must(motionResult(db.store, quiet.as.moderator, quiet.d.motionId));
        expect(empty).toMatchObject({ shift: 0, winner: null, movers: [] });
        expect(empty.citedPassages).toEqual({ for: [], against: [] });
        const members = await must(participation(db.store, quiet.as.moderator, quiet.d.motionId));
        expect(members).toHaveLength(6);
        for (const row of members) expect(row).toMatchObject(zeros);
      });
    },
  );
}

describe("the participation CSV", () => {
  it("neutralises every cell a spreadsheet would run as a formula, also one spanning lines", () => {
    const named = (name: string) => ({ ...zeros, user: { id: "u", name }, role: null });
    const names = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")\nAida'];
    const csv = participationCsv(names.map(named));
    const [, ...rows] = Papa.parse<string[]>(csv, { newline: "\r\n" }).data;
    // A leading quote makes the cell text; the name is otherwise kept whole.
    expect(rows.map(([name]) => name)).toEqual(names.map((name) => `'${name}`));
    expect(participationCsv([named("Aida, Bek")])).toContain('"Aida, Bek",not a member,0,');
  });
});

describe("the results over REST", () => {
  let db: TestStore;
  let room: Awaited<ReturnType<typeof classroom>>;
  const params = (motionId: string) => ({ params: Promise.resolve({ id: motionId }) });
  const get = (path: string, cookie?: string) =>
    new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });
  beforeAll(async () => {
    db = await sqliteTestStore();
    setTestRuntime(db.store);
    room = await classroom(db.store);
    await holdDebate(db.store, room);
  });
  afterAll(() => db?.dispose());

  it("GET /api/motions/:id/results answers the moderator with the result", async () => {
    const { d, people } = room;
    const response = await resultsRoute(
      get(`/api/motions/${d.motionId}/results`, people.moderator.cookie),
      params(d.motionId),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ shift: -17, winner: "against" });
    const student = await resultsRoute(get("/", people.aida.cookie), params(d.motionId));
    expect(student.status).toBe(403);
    const visitor = await resultsRoute(get("/"), params(d.motionId));
    expect(visitor.status).toBe(404);
  });

  it("GET /api/motions/:id/results/summary answers a student the room's result and their part", async () => {
    const { d, people } = room;
    const path = `/api/motions/${d.motionId}/results/summary`;
    const student = await summaryRoute(get(path, people.dana.cookie), params(d.motionId));
    expect(student.status).toBe(200);
    expect(await student.json()).toMatchObject({
      winner: "against",
      mine: { before: "against", after: "against" },
    });
    expect((await summaryRoute(get(path), params(d.motionId))).status).toBe(404);
  });

  it("GET /api/motions/:id/participation answers JSON rows, or a CSV download", async () => {
    const { d, people } = room;
    const path = `/api/motions/${d.motionId}/participation`;
    const json = await participationRoute(get(path, people.owner.cookie), params(d.motionId));
    expect(json.status).toBe(200);
    const { rows } = await json.json();
    expect(rows).toHaveLength(6);

    const csv = await participationRoute(
      get(`${path}?format=csv`, people.owner.cookie),
      params(d.motionId),
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(
      // Named after the motion ("The rail line was worth building").
      'attachment; filename="participation-the-rail-line-was-worth-building.csv"',
    );
    // The file starts with a byte order mark, which tells Excel the names are UTF-8 (text()
    // would drop it, as a UTF-8 decoder does).
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("name,role,arguments for,")).toBe(true);
    expect(text).toContain(`"'=Dana",participant,`);

    const wrong = await participationRoute(
      get(`${path}?format=xlsx`, people.owner.cookie),
      params(d.motionId),
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.code).toBe("invalid_input");
    const student = await participationRoute(
      get(`${path}?format=csv`, people.bek.cookie),
      params(d.motionId),
    );
    expect(student.status).toBe(403);
  });
});
