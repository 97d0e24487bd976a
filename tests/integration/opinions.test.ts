import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as opinionsRoute } from "../../app/api/motions/[id]/opinions/route";
import type { Store } from "../../db/store";
import type { AgreementStance } from "../../lib/debate";
import type { OpinionsUpdate, OpinionsView } from "../../lib/opinionGroups";
import { agreeWithArgument, castVote } from "../../server/domain/debate/judge";
import { motionOpinions } from "../../server/domain/debate/opinions";
import { postArgument } from "../../server/domain/debate/postArgument";
import { motionResult, roomResult } from "../../server/domain/debate/results";
import { debateView } from "../../server/domain/exports/debateView";
import { debateJson } from "../../server/domain/exports/json";
import { debateMarkdown } from "../../server/domain/exports/markdown";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { type Person, person } from "../support/people";
import { startRealtime } from "../support/realtime";
import { setTestRuntime } from "../support/runtime";
import { dialects, sqliteTestStore, type TestStore } from "../support/stores";

const trade = "Trade moved inland by rail.";
const id = () => crypto.randomUUID();

/**
 * Two camps of four: each agrees with its own two arguments and disagrees with the other's;
 * everyone agrees with the shared one. `last` is left for the test to judge.
 */
async function twoCamps(store: Store) {
  const d = await debate(store, "private");
  const moderator = await d.member("Mona Moderator", "moderator");
  const students: Person[] = [];
  for (let i = 0; i < 8; i++) students.push(await d.member(`Student ${i}`, "participant"));
  const post = async (relation: "for" | "against") =>
    (
      await must(
        postArgument(
          store,
          actorOf(moderator),
          argumentInput(d.motionId, d.cite(trade), { relation }),
        ),
      )
    ).argument.id;
  const camps = [
    [await post("for"), await post("for")],
    [await post("against"), await post("against")],
  ];
  const shared = await post("for");
  const agree = (who: Person, argumentId: string, stance: AgreementStance) =>
    must(agreeWithArgument(store, actorOf(who), { argumentId, clientId: id(), stance }));
  for (const [i, student] of students.entries()) {
    const camp = i < 4 ? 0 : 1;
    for (const [c, ids] of camps.entries()) {
      for (const argumentId of ids)
        await agree(student, argumentId, c === camp ? "agree" : "disagree");
    }
    if (i !== 7) await agree(student, shared, "agree");
  }
  return { d, moderator, students, camps, shared, agree };
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the room's opinion groups, on ${dialect.name}`, () => {
    let db: TestStore;
    beforeAll(async () => {
      db = await dialect.open();
    });
    afterAll(() => db?.dispose());

    it("P-OPINION-1: groups, consensus and one's own place; no point names anyone", async () => {
      const { d, students, camps, shared } = await twoCamps(db.store);
      const ada = students[0] as Person;
      await must(
        castVote(db.store, actorOf(ada), {
          motionId: d.motionId,
          clientId: id(),
          phase: "before",
          stance: "against",
        }),
      );
      const view = await must(motionOpinions(db.store, actorOf(ada), d.motionId));
      expect(view.participants).toBe(8);
      expect(view.groups.map((g) => [g.label, g.size])).toEqual([
        ["Group A", 4],
        ["Group B", 4],
      ]);
      expect(view.consensus).toEqual([{ argumentId: shared, agreeShare: 1 }]);
      const mine = view.points.filter((p) => p.me);
      expect(mine).toHaveLength(1);
      expect(view.me).toMatchObject({
        judged: 5,
        before: "against",
        after: null,
        otherSideLeft: 0,
      });
      expect(view.me?.groupId).toBe(mine[0]?.groupId);
      const myGroup = view.groups.find((g) => g.id === view.me?.groupId);
      expect(myGroup?.distinctive.sort()).toEqual([...(camps[0] ?? [])].sort());
      expect(view.divisive.map((x) => x.argumentId).sort()).toEqual([...camps.flat()].sort());

      // Nothing in the answer identifies another participant.
      const text = JSON.stringify(view);
      for (const other of students.slice(1)) expect(text).not.toContain(other.id);
      for (const point of view.points)
        expect(Object.keys(point).sort()).toEqual(["groupId", "me", "x", "y"]);

      const outsider = await person(db.store, "Olli Outsider");
      expect(await motionOpinions(db.store, actorOf(outsider), d.motionId)).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
    });
  });
}

describe("the opinion groups in the results and the exports", () => {
  it("results name the groups, what all accept and what divides them; exports keep counts only", async () => {
    const db = await sqliteTestStore();
    try {
      const { d, moderator, students, shared } = await twoCamps(db.store);
      const student = actorOf(students[2] as Person);
      const room = await must(roomResult(db.store, student, d.motionId));
      expect(room.opinions?.groups.map((g) => g.size)).toEqual([4, 4]);
      expect(room.opinions?.consensus).toEqual([{ argumentId: shared, agreeShare: 1 }]);
      expect(room.opinions?.words[shared]).toBe("The rail line carried the harbour's trade.");
      const full = await must(motionResult(db.store, actorOf(moderator), d.motionId));
      expect(full.opinions?.divisive).toHaveLength(4);

      const view = await must(debateView(db.store, student, d.motionId, "http://localhost"));
      const json = debateJson(view);
      expect(json.opinions?.groups).toHaveLength(2);
      expect(json.opinions).not.toHaveProperty("points");
      const exported = JSON.stringify(json.opinions);
      for (const s of students) expect(exported).not.toContain(s.id);
      expect(debateMarkdown(view)).toContain("## Opinion groups");
    } finally {
      await db.dispose();
    }
  });
});

describe("the opinion groups over REST and Socket.IO", () => {
  let db: TestStore;
  let server: Awaited<ReturnType<typeof startRealtime>>;
  beforeAll(async () => {
    db = await sqliteTestStore();
    setTestRuntime(db.store);
    server = await startRealtime(db.store);
  });
  afterAll(async () => {
    await server?.close();
    await db?.dispose();
  });

  it("GET /api/motions/:id/opinions answers a member, and 404 to a visitor of a private motion", async () => {
    const { d, students } = await twoCamps(db.store);
    const get = (cookie?: string) =>
      opinionsRoute(
        new Request(`http://localhost/api/motions/${d.motionId}/opinions`, {
          headers: cookie ? { cookie } : {},
        }),
        { params: Promise.resolve({ id: d.motionId }) },
      );
    const answer = await get(students[5]?.cookie);
    expect(answer.status).toBe(200);
    const view = (await answer.json()) as OpinionsView;
    expect(view.groups).toHaveLength(2);
    expect(view.me?.groupId).toBeTruthy();
    expect((await get()).status).toBe(404);
  });

  it("P-OPINION-1: after a stance over Socket.IO the room is told the new groups, within seconds", async () => {
    const { d, students, shared } = await twoCamps(db.store);
    const [watcher, last] = [students[0] as Person, students[7] as Person];
    const watching = await server.client(watcher);
    const judging = await server.client(last);
    for (const socket of [watching, judging]) {
      expect(
        await socket.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 }),
      ).toMatchObject({ ok: true });
    }
    const told = new Promise<OpinionsUpdate>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no opinions arrived")), 8_000);
      watching.on("opinions:update", (update) => {
        clearTimeout(timer);
        resolve(update);
      });
    });
    expect(
      await judging.emitWithAck("argument:agree", {
        argumentId: shared,
        clientId: id(),
        stance: "agree",
      }),
    ).toMatchObject({ ok: true });
    const update = await told;
    expect(update.motionId).toBe(d.motionId);
    expect(update.participants).toBe(8);
    expect(update.groups).toHaveLength(2);
    expect(update.consensus.map((c) => c.argumentId)).toContain(shared);
    expect(JSON.stringify(update)).not.toContain(last.id);
    expect(JSON.stringify(update)).not.toContain(watcher.id);
    // In order of place, not of person: whoever can list the members cannot line them up.
    const byPlace = [...update.points].sort((a, b) => a.x - b.x || a.y - b.y);
    expect(update.points.map((p) => [p.x, p.y])).toEqual(byPlace.map((p) => [p.x, p.y]));
    expect(new Set(update.points.map((p) => p.x)).size).toBeGreaterThan(1);
  });
});
