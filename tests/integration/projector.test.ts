import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getProjector } from "../../app/api/motions/[id]/projector/route";
import type { ProjectorView } from "../../lib/projector";
import { rateArgument } from "../../server/domain/debate/judge";
import { changeSettings, spotlightArgument } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { projectorView } from "../../server/domain/debate/projector";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import type { Person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

const pendingWords = "PENDING-WORDS the council paid for the line";

describe("the room's screen", () => {
  let db: TestStore;
  let d: Awaited<ReturnType<typeof debate>>;
  let people: Record<"ana" | "ben" | "mo", Person>;
  const ids: Record<string, string> = {};

  const post = async (who: Person, body: string, change = {}) =>
    (
      await must(
        postArgument(
          db.store,
          actorOf(who),
          argumentInput(d.motionId, d.cite("Trade moved inland by rail."), { body, ...change }),
        ),
      )
    ).argument.id;
  const rate = (who: Person, argumentId: string, score: number) =>
    must(
      rateArgument(db.store, actorOf(who), { argumentId, score, clientId: crypto.randomUUID() }),
    );
  const settings = (change: Record<string, boolean>) =>
    must(
      changeSettings(db.store, actorOf(people.mo), {
        motionId: d.motionId,
        clientId: crypto.randomUUID(),
        settings: change,
      }),
    );
  const seenBy = async (who: Person) => {
    const { motion, strongest } = await must(projectorView(db.store, actorOf(who), d.motionId));
    return { motion: { ...motion, serverNow: 0 }, strongest };
  };

  beforeAll(async () => {
    db = await sqliteTestStore();
    setTestRuntime(db.store);
    d = await debate(db.store);
    people = {
      ana: await d.member("Ana Real-Name", "participant"),
      ben: await d.member("Ben Real-Name", "participant"),
      mo: await d.member("Mo Real-Name", "moderator"),
    };
    const { ana, ben, mo } = people;
    await settings({ anonymous: true });
    for (const n of [1, 2, 3, 4]) ids[`for${n}`] = await post(ana, `For, number ${n}.`);
    ids.against = await post(ben, "Against, never rated.", { relation: "against" });
    // A reply attacking an argument for the motion serves the side against it.
    ids.reply = await post(ben, "A rated attack on the first.", {
      parentId: ids.for1,
      relation: "attacks",
    });
    for (const [name, score] of [
      ["for1", 4],
      ["for2", 3],
      ["for3", 2],
      ["for4", 1],
      ["reply", 4],
    ] as const) {
      await rate(mo, ids[name] as string, score);
    }
    await settings({ approvalRequired: true });
    ids.pending = await post(ben, pendingWords);
    await must(
      spotlightArgument(db.store, actorOf(mo), {
        motionId: d.motionId,
        clientId: crypto.randomUUID(),
        argumentId: ids.for4 as string,
      }),
    );
  });
  afterAll(() => db.dispose());

  it("holds only what it shows, as the room sees it, whoever opens it", async () => {
    const view = await seenBy(people.mo);
    expect(view.strongest).toEqual({
      for: [ids.for1, ids.for2, ids.for3],
      against: [ids.reply],
    });
    // The spotlight and the strongest, nothing else: no pending post, no unrated one, no replies.
    expect(view.motion.arguments.map((a) => a.id).sort()).toEqual(
      [ids.for1, ids.for2, ids.for3, ids.for4, ids.reply].sort(),
    );
    expect(view.motion.spotlightId).toBe(ids.for4);
    expect(view.motion.arguments.find((a) => a.id === ids.for1)?.strength).toEqual({
      mean: 4,
      count: 1,
    });
    const sent = JSON.stringify(view);
    expect(sent).not.toContain("Real-Name");
    expect(sent).not.toContain(pendingWords);
    expect(new Set(view.motion.arguments.map((a) => a.author.name))).toEqual(
      new Set(["Participant 1", "Participant 2"]),
    );
    // The author of the pending post and a moderator get the room's screen, the same.
    expect(await seenBy(people.ben)).toEqual(view);
  });

  it("is read again through its route, answering 304 while nothing changed", async () => {
    const request = (headers: Record<string, string> = {}) =>
      getProjector(
        new Request(`http://localhost/api/motions/${d.motionId}/projector`, {
          headers: { cookie: people.mo.cookie, ...headers },
        }),
        { params: Promise.resolve({ id: d.motionId }) },
      );
    const answer = await request();
    expect(answer.status).toBe(200);
    const view: ProjectorView = await answer.json();
    expect(view.strongest.for).toEqual([ids.for1, ids.for2, ids.for3]);
    const etag = answer.headers.get("etag") ?? "";
    expect((await request({ "if-none-match": etag })).status).toBe(304);
  });
});
