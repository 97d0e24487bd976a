import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as markRoute } from "../../app/api/motions/[id]/marks/[userId]/route";
import { PUT as rubricRoute } from "../../app/api/motions/[id]/rubric/route";
import { GET as ownGradesRoute } from "../../app/api/spaces/[id]/grades/me/route";
import { GET as gradesRoute } from "../../app/api/spaces/[id]/grades/route";
import type { Store } from "../../db/store";
import { defaultRubric, type Rubric } from "../../lib/grades";
import { createMotion } from "../../server/domain/debate/createMotion";
import { castVote, rateArgument } from "../../server/domain/debate/judge";
import { changeSettings } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { eventsSince } from "../../server/domain/debate/queries";
import { gradebook, ownGrades } from "../../server/domain/grades/gradebook";
import { markGrade } from "../../server/domain/grades/markGrade";
import { setRubric } from "../../server/domain/grades/setRubric";
import { type Actor, anonymousActor, systemActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, sqliteTestStore, type TestStore } from "../support/stores";

const id = () => crypto.randomUUID();
const code = (o: { ok: boolean; error?: { code: string } }) => (o.ok ? "ok" : o.error?.code);
const trickster = '=HYPERLINK("http://evil.test","Click")';

const passages = {
  trade: "Trade moved inland by rail.",
  harbour: "The harbour was closed in winter.",
  nobody: "Nobody expected the rail line to pay for itself.",
};

/**
 * A class of two students who debated, one who did nothing (named like a spreadsheet formula),
 * their teacher (the owner) and a moderator; a second motion nobody took part in.
 */
async function gradedClass(store: Store) {
  const d = await debate(store);
  const [owner, moderator, ada, ben, mallory] = await Promise.all([
    d.member("Orla Owner", "owner"),
    d.member("Mona Moderator", "moderator"),
    d.member("Ada", "participant"),
    d.member("Ben", "participant"),
    d.member(trickster, "participant"),
  ]);
  const as = {
    owner: actorOf(owner),
    moderator: actorOf(moderator),
    ada: actorOf(ada),
    ben: actorOf(ben),
  };
  const post = async (
    who: Actor,
    quote: keyof typeof passages,
    change: { relation?: "for" | "against" | "supports" | "attacks"; parentId?: string } = {},
  ) =>
    (
      await must(
        postArgument(store, who, argumentInput(d.motionId, d.cite(passages[quote]), change)),
      )
    ).argument.id;
  const a1 = await post(as.ada, "trade");
  await post(as.ada, "harbour");
  const b1 = await post(as.ben, "nobody", { relation: "against" });
  // Ben answers Ada; Ada answers Ben and backs herself up (not an answer, not a reply received).
  await post(as.ben, "trade", { relation: "attacks", parentId: a1 });
  await post(as.ada, "nobody", { relation: "attacks", parentId: b1 });
  await post(as.ada, "trade", { relation: "supports", parentId: a1 });
  const rate = (who: Actor, argumentId: string, score: number) =>
    must(rateArgument(store, who, { argumentId, clientId: id(), score }));
  await rate(as.ben, a1, 4);
  await rate(as.moderator, a1, 2);
  await rate(as.ada, b1, 1);
  const vote = (who: Actor, phase: "before" | "after") =>
    must(castVote(store, who, { motionId: d.motionId, clientId: id(), phase, stance: "for" }));
  await vote(as.ada, "before");
  await vote(as.ada, "after");
  await vote(as.ben, "before");
  const quiet = await must(
    createMotion(store, systemActor, {
      clientId: id(),
      spaceId: d.spaceId,
      title: "Harbour tolls should fund the line",
      status: "open",
    }),
  );
  return { d, people: { owner, moderator, ada, ben, mallory }, as, quietId: quiet.motionId };
}

type Class = Awaited<ReturnType<typeof gradedClass>>;

const rubric = (change: Partial<Rubric>): Rubric => ({ ...defaultRubric, ...change });

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the gradebook, on ${dialect.name}`, () => {
    let db: TestStore;
    let room: Class;
    beforeAll(async () => {
      db = await dialect.open();
      room = await gradedClass(db.store);
    });
    afterAll(() => db?.dispose());

    const rowOf = (book: { rows: { user: { id: string } }[] }, userId: string) =>
      book.rows.find((r) => r.user.id === userId);

    it("counts what each member did on each motion, and scores it by the default rubric", async () => {
      const { d, as, people, quietId } = room;
      const book = await must(gradebook(db.store, as.owner, d.spaceId));
      expect(book.motions.map((m) => m.id).sort()).toEqual([d.motionId, quietId].sort());
      expect(book.motions[0]?.rubric).toEqual(defaultRubric);
      // Participants and observers are graded, by name (punctuation first); the owner and moderator are not.
      expect(book.rows.map((r) => r.user.name)).toEqual([trickster, "Ada", "Ben"]);
      const grade = (userId: string, motionId = d.motionId) =>
        rowOf(book, userId) &&
        (rowOf(book, userId) as (typeof book.rows)[number]).grades.find(
          (g) => g.motionId === motionId,
        );
      expect(grade(people.ada.id)).toMatchObject({
        arguments: 2,
        replies: 2,
        citations: 4,
        passages: 3,
        repliesReceived: 1,
        answers: 1,
        meanStrength: 3,
        votes: 2,
        mark: null,
        comment: "",
        parts: { posting: 1, evidence: 1, engagement: 0.5, mark: 0 },
        score: 85,
      });
      expect(grade(people.ben.id)).toMatchObject({
        arguments: 1,
        replies: 1,
        citations: 2,
        passages: 2,
        repliesReceived: 1,
        answers: 1,
        meanStrength: 1,
        votes: 1,
        score: 71.7,
      });
      expect(grade(people.mallory.id)).toMatchObject({
        arguments: 0,
        meanStrength: null,
        score: 0,
      });
      expect(grade(people.ada.id, quietId)).toMatchObject({ arguments: 0, score: 0 });
      // The total is the mean over the space's motions.
      expect(rowOf(book, people.ada.id)).toMatchObject({ total: 42.5 });
      expect(rowOf(book, people.ben.id)).toMatchObject({ total: 35.9 });
      expect(rowOf(book, people.ada.id)).toMatchObject({
        user: { name: "Ada", email: `${people.ada.id}@example.test` },
        role: "participant",
      });
    });

    it("a rubric and a manual mark change the score; the same again logs nothing", async () => {
      const { d, as, people } = room;
      const set = await must(
        setRubric(db.store, as.moderator, {
          motionId: d.motionId,
          clientId: id(),
          ...rubric({ postingWeight: 0, evidenceWeight: 0, engagementWeight: 50, markWeight: 50 }),
          answersCap: 1,
        }),
      );
      expect(set.rubric).toMatchObject({ engagementWeight: 50, markWeight: 50, answersCap: 1 });
      const marked = await must(
        markGrade(db.store, as.owner, {
          motionId: d.motionId,
          clientId: id(),
          userId: people.ben.id,
          mark: 60,
          comment: "A sharp rebuttal.",
        }),
      );
      expect(marked).toMatchObject({ userId: people.ben.id, mark: 60 });
      expect(marked.seq).toBeGreaterThan(set.seq);
      const again = await must(
        markGrade(db.store, as.owner, {
          motionId: d.motionId,
          clientId: id(),
          userId: people.ben.id,
          mark: 60,
          comment: "A sharp rebuttal.",
        }),
      );
      expect(again.seq).toBe(marked.seq);
      expect((await db.store.motions.get(d.motionId))?.lastSeq).toBe(marked.seq);

      const book = await must(gradebook(db.store, as.owner, d.spaceId));
      const on = (userId: string) => rowOf(book, userId) as (typeof book.rows)[number];
      expect(on(people.ada.id).grades.find((g) => g.motionId === d.motionId)).toMatchObject({
        parts: { engagement: 1, mark: 0 },
        score: 50,
      });
      expect(on(people.ben.id).grades.find((g) => g.motionId === d.motionId)).toMatchObject({
        mark: 60,
        comment: "A sharp rebuttal.",
        score: 80,
      });
      expect(on(people.ben.id).total).toBe(40);
    });

    it("the default rubric set on a motion that never had another logs nothing", async () => {
      const before = (await db.store.motions.get(room.quietId))?.lastSeq;
      const set = await must(
        setRubric(db.store, room.as.moderator, {
          motionId: room.quietId,
          clientId: id(),
          ...defaultRubric,
        }),
      );
      expect(set).toMatchObject({ seq: before, rubric: defaultRubric });
      expect((await db.store.motions.get(room.quietId))?.lastSeq).toBe(before);
    });

    it("only owners and moderators grade, read the gradebook, and name a graded member", async () => {
      const { d, as, people, quietId } = room;
      const outsider = actorOf(await person(db.store, "Olli Outsider"));
      expect(code(await gradebook(db.store, as.ben, d.spaceId))).toBe("not_found");
      expect(code(await gradebook(db.store, anonymousActor, d.spaceId))).toBe("unauthenticated");
      expect(code(await gradebook(db.store, outsider, d.spaceId))).toBe("not_found");
      expect(code(await gradebook(db.store, as.moderator, d.spaceId))).toBe("ok");
      expect(code(await gradebook(db.store, as.owner, "not-an-id"))).toBe("invalid_input");

      const rubricBy = (who: Actor, change: Partial<Rubric> = {}) =>
        setRubric(db.store, who, { motionId: quietId, clientId: id(), ...rubric(change) });
      expect(code(await rubricBy(as.ben))).toBe("forbidden");
      expect(code(await rubricBy(outsider))).toBe("not_found");
      expect(
        code(
          await rubricBy(as.owner, { postingWeight: 0, evidenceWeight: 0, engagementWeight: 0 }),
        ),
      ).toBe("invalid_input");
      expect(code(await rubricBy(as.owner, { postsCap: 0 }))).toBe("invalid_input");
      const markOf = (who: Actor, userId: string, mark: number | null = 50) =>
        markGrade(db.store, who, { motionId: quietId, clientId: id(), userId, mark, comment: "" });
      expect(code(await markOf(as.ben, people.ada.id))).toBe("forbidden");
      expect(code(await markOf(as.owner, people.ada.id, 101))).toBe("invalid_input");
      expect(code(await markOf(as.owner, people.moderator.id))).toBe("conflict");
      expect(code(await markOf(as.owner, outsider.id))).toBe("not_found");
      expect(code(await markOf(as.owner, people.ada.id, null))).toBe("ok");
    });

    it("the log tells the graded member their mark, and nobody else but the moderators", async () => {
      const { d, as, people } = room;
      const { seq } = await must(
        markGrade(db.store, as.owner, {
          motionId: d.motionId,
          clientId: id(),
          userId: people.ada.id,
          mark: 70,
          comment: "Well sourced.",
        }),
      );
      const seen = async (who: Actor) =>
        (
          await must(eventsSince(db.store, who, { motionId: d.motionId, sinceSeq: seq - 1 }))
        ).events.find((e) => e.seq === seq);
      expect(await seen(as.ada)).toMatchObject({
        type: "grade.marked",
        data: { userId: people.ada.id, mark: 70, comment: "Well sourced." },
      });
      expect(await seen(as.moderator)).toMatchObject({ type: "grade.marked" });
      const bens = await seen(as.ben);
      expect(bens).toMatchObject({ type: "private", data: {} });
      expect(JSON.stringify(bens)).not.toContain("Well sourced");
    });

    it("a member reads their own grades alone; the teacher sees real names in anonymous motions", async () => {
      const { d, as, people } = room;
      await must(
        changeSettings(db.store, as.moderator, {
          motionId: d.motionId,
          clientId: id(),
          settings: { anonymous: true },
        }),
      );
      const own = await must(ownGrades(db.store, as.ben, d.spaceId));
      expect(own.row.user).toMatchObject({ id: people.ben.id, name: "Ben" });
      expect(own.row.grades.find((g) => g.motionId === d.motionId)).toMatchObject({
        mark: 60,
        comment: "A sharp rebuttal.",
      });
      expect(JSON.stringify(own)).not.toContain(people.ada.id);
      expect(code(await ownGrades(db.store, as.moderator, d.spaceId))).toBe("not_found");
      expect(code(await ownGrades(db.store, anonymousActor, d.spaceId))).toBe("unauthenticated");
      const book = await must(gradebook(db.store, as.owner, d.spaceId));
      expect(book.motions.find((m) => m.id === d.motionId)?.anonymous).toBe(true);
      expect(book.rows.map((r) => r.user.name)).toContain("Ada");
    });
  });
}

describe("the gradebook over REST", () => {
  let db: TestStore;
  let room: Class;
  const params = (spaceId: string) => ({ params: Promise.resolve({ id: spaceId }) });
  const get = (path: string, cookie?: string) =>
    new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });
  const put = (path: string, cookie: string, body: unknown) =>
    new Request(`http://localhost${path}`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(body),
    });
  beforeAll(async () => {
    db = await sqliteTestStore();
    setTestRuntime(db.store);
    room = await gradedClass(db.store);
  });
  afterAll(() => db?.dispose());

  it("PUT /api/motions/:id/rubric and PUT /api/motions/:id/marks/:userId change the score", async () => {
    const { d, people } = room;
    const path = `/api/motions/${d.motionId}/rubric`;
    const body = { ...defaultRubric, markWeight: 40 };
    const set = await rubricRoute(put(path, people.owner.cookie, body), params(d.motionId));
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ motionId: d.motionId, rubric: body });
    const student = await rubricRoute(put(path, people.ada.cookie, body), params(d.motionId));
    expect(student.status).toBe(403);

    const markPath = `/api/motions/${d.motionId}/marks/${people.ben.id}`;
    const mark = await markRoute(put(markPath, people.moderator.cookie, { mark: 80 }), {
      params: Promise.resolve({ id: d.motionId, userId: people.ben.id }),
    });
    expect(mark.status).toBe(200);
    expect(await mark.json()).toMatchObject({ userId: people.ben.id, mark: 80, comment: "" });

    const answer = await gradesRoute(
      get(`/api/spaces/${d.spaceId}/grades`, people.owner.cookie),
      params(d.spaceId),
    );
    expect(answer.status).toBe(200);
    const book = await answer.json();
    const ben = book.rows.find((r: { user: { id: string } }) => r.user.id === people.ben.id);
    // (40 * 2/3 + 30 * 1 + 30 * 0.5 + 40 * 0.8) / 140 * 100 = 74.04...
    expect(ben.grades.find((g: { motionId: string }) => g.motionId === d.motionId)).toMatchObject({
      mark: 80,
      score: 74,
    });
  });

  it("GET /api/spaces/:id/grades?format=csv is a gradebook an LMS imports, formulas neutralised", async () => {
    const { d, people, quietId } = room;
    const response = await gradesRoute(
      get(`/api/spaces/${d.spaceId}/grades?format=csv`, people.owner.cookie),
      params(d.spaceId),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      // Named after the space ("A private seminar"), as it reads in a Downloads folder.
      'attachment; filename="grades-a-private-seminar.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const [header, ...rows] = Papa.parse<string[]>(csv, {
      newline: "\r\n",
      skipEmptyLines: true,
    }).data;
    const book = await (
      await gradesRoute(
        get(`/api/spaces/${d.spaceId}/grades`, people.owner.cookie),
        params(d.spaceId),
      )
    ).json();
    const titles = book.motions.map((m: { title: string }) => m.title);
    expect(header).toEqual(["name", "email", ...titles, "total", "user id"]);
    expect(rows.map((row) => row[0])).toEqual([`'${trickster}`, "Ada", "Ben"]);
    const ben = rows[2] ?? [];
    expect(ben[1]).toBe(`${people.ben.id}@example.test`);
    const column = (motionId: string) =>
      2 + book.motions.findIndex((m: { id: string }) => m.id === motionId);
    expect(ben[column(d.motionId)]).toBe("74");
    expect(ben[column(quietId)]).toBe("0");
    expect(ben[titles.length + 2]).toBe("37");
    expect(ben[titles.length + 3]).toBe(people.ben.id);
  });

  it("participants get 404, visitors 401; a member reads their own at /grades/me", async () => {
    const { d, people } = room;
    const path = `/api/spaces/${d.spaceId}/grades`;
    const student = await gradesRoute(get(path, people.ada.cookie), params(d.spaceId));
    expect(student.status).toBe(404);
    expect(JSON.stringify(await student.json())).not.toContain("Ben");
    expect((await gradesRoute(get(path), params(d.spaceId))).status).toBe(401);
    const wrong = await gradesRoute(
      get(`${path}?format=xlsx`, people.owner.cookie),
      params(d.spaceId),
    );
    expect(wrong.status).toBe(400);

    const mine = await ownGradesRoute(get(`${path}/me`, people.ben.cookie), params(d.spaceId));
    expect(mine.status).toBe(200);
    const own = await mine.json();
    expect(own.row.user.name).toBe("Ben");
    expect(own.motions).toHaveLength(2);
    expect((await ownGradesRoute(get(`${path}/me`), params(d.spaceId))).status).toBe(401);
  });
});
