import { describe, expect, it } from "vitest";
import type { Store } from "../../db/store";
import { changeMotionStatus } from "../../server/domain/debate/lifecycle";
import { changeSettings } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import type { Actor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { dialects } from "../support/stores";

const trade = "Trade moved inland by rail.";

/** `count` members of the debate's space, each a participant. */
async function speakers(d: Awaited<ReturnType<typeof debate>>, count: number) {
  const people: Actor[] = [];
  for (let i = 0; i < count; i++)
    people.push(actorOf(await d.member(`Speaker ${i}`, "participant")));
  return people;
}

/** Post number `i`, by the speakers in turn, each citing the same passage. */
const poster =
  (store: Store, d: Awaited<ReturnType<typeof debate>>, people: Actor[]) => (i: number) =>
    postArgument(
      store,
      people[i % people.length] as Actor,
      argumentInput(d.motionId, d.cite(trade), { body: `Point ${i}` }),
    );

/** Everything the motion logged, in the order it reads back. */
const logOf = (store: Store, motionId: string) => store.events.after(motionId, 0, 10_000);

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`posts sent at once into one motion, on ${dialect.name}`, () => {
    it("sixty posts from ten accounts all land, numbered without gaps in the order the log reads back", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const people = await speakers(d, 10);
        const before = (await logOf(db.store, d.motionId)).at(-1)?.seq ?? 0;
        const outcomes = await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            postArgument(
              db.store,
              people[i % people.length] as Actor,
              argumentInput(d.motionId, d.cite(trade), { body: `Point ${i}` }),
            ),
          ),
        );
        const answers = outcomes.map((o) => {
          if (!o.ok) throw new Error(o.error.message);
          return o.value;
        });
        const expected = Array.from({ length: 60 }, (_, i) => before + i + 1);
        expect(answers.map((a) => a.seq).sort((a, b) => a - b)).toEqual(expected);

        const log = (await logOf(db.store, d.motionId)).filter((e) => e.seq > before);
        expect(log.map((e) => e.seq)).toEqual(expected);
        for (const { seq, argument } of answers) {
          expect(log.find((e) => e.seq === seq)).toMatchObject({
            type: "argument.posted",
            data: {
              argument: {
                id: argument.id,
                pseudonym: argument.pseudonym,
                createdAt: argument.createdAt,
              },
            },
          });
        }
        // Stored as answered: public at its event's seq, and listed in the order of the log.
        const rows = await db.store.motions.arguments(d.motionId);
        expect(rows.map((r) => r.publishedSeq)).toEqual(expected);
        const answeredAt = new Map(answers.map((a) => [a.argument.id, a.argument.createdAt]));
        expect(rows.map((r) => r.createdAt.toISOString())).toEqual(
          rows.map((r) => answeredAt.get(r.id)),
        );
        expect(await db.store.arguments.citations(rows.map((r) => r.id))).toHaveLength(60);
        // Ten newcomers at once: one number each, none shared.
        const numbers = new Map(rows.map((r) => [r.authorId, r.pseudonym]));
        expect(new Set(rows.map((r) => `${r.authorId}:${r.pseudonym}`)).size).toBe(10);
        expect([...numbers.values()].sort((a, b) => a - b)).toEqual(
          Array.from({ length: 10 }, (_, i) => i + 1),
        );
      } finally {
        await db.dispose();
      }
    }, 60_000);

    it("a motion closed while posts are in flight takes none after its close", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const owner = actorOf(await d.member("Owner", "owner"));
        const people = await speakers(d, 5);
        const post = poster(db.store, d, people);
        const close = () =>
          changeMotionStatus(db.store, owner, {
            motionId: d.motionId,
            clientId: crypto.randomUUID(),
            status: "closed",
          });
        const outcomes = await Promise.all([
          ...Array.from({ length: 15 }, (_, i) => post(i)),
          close(),
          ...Array.from({ length: 15 }, (_, i) => post(15 + i)),
        ]);
        const closed = outcomes[15];
        expect(closed?.ok).toBe(true);
        const posts = outcomes.filter((_, i) => i !== 15);

        const log = await logOf(db.store, d.motionId);
        const closeSeq = log.find((e) => e.type === "motion.status")?.seq ?? 0;
        expect(closeSeq).toBeGreaterThan(0);
        expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
        const landed = log.filter((e) => e.type === "argument.posted");
        expect(landed.every((e) => e.seq < closeSeq)).toBe(true);
        // Every post either landed before the close or was told the motion is closed.
        for (const outcome of posts) {
          if (outcome.ok) expect(outcome.value.seq).toBeLessThan(closeSeq);
          else expect(outcome.error.code).toBe("conflict");
        }
        // Nothing of a refused post is stored.
        const accepted = posts.filter((o) => o.ok).length;
        expect(landed).toHaveLength(accepted);
        const rows = await db.store.motions.arguments(d.motionId);
        expect(rows).toHaveLength(accepted);
        expect(await db.store.arguments.citations(rows.map((r) => r.id))).toHaveLength(accepted);
      } finally {
        await db.dispose();
      }
    }, 60_000);

    it("approval turned on while posts are in flight: each post is public before it, pending after", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const moderator = actorOf(await d.member("Moderator", "moderator"));
        const people = await speakers(d, 5);
        const post = poster(db.store, d, people);
        const outcomes = await Promise.all([
          ...Array.from({ length: 10 }, (_, i) => post(i)),
          changeSettings(db.store, moderator, {
            motionId: d.motionId,
            clientId: crypto.randomUUID(),
            settings: { approvalRequired: true },
          }),
          ...Array.from({ length: 10 }, (_, i) => post(10 + i)),
        ]);
        expect(outcomes.every((o) => o.ok)).toBe(true);
        const log = await logOf(db.store, d.motionId);
        const turnedOn = log.find((e) => e.type === "motion.settings")?.seq ?? 0;
        expect(turnedOn).toBeGreaterThan(0);
        for (const event of log) {
          if (event.type === "argument.posted") expect(event.seq).toBeLessThan(turnedOn);
          if (event.type === "argument.submitted") expect(event.seq).toBeGreaterThan(turnedOn);
        }
        const rows = await db.store.motions.arguments(d.motionId);
        expect(rows).toHaveLength(20);
        for (const row of rows) {
          if (row.status === "published") expect(row.publishedSeq).toBeLessThan(turnedOn);
          else expect([row.status, row.publishedSeq]).toEqual(["pending", null]);
        }
      } finally {
        await db.dispose();
      }
    }, 60_000);

    it("one post sent twice at once with one clientId is stored once, and both answers agree", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const [speaker] = await speakers(d, 1);
        const input = argumentInput(d.motionId, d.cite(trade), { body: "Said once" });
        const outcomes = await Promise.all(
          Array.from({ length: 4 }, () => postArgument(db.store, speaker as Actor, input)),
        );
        const answers = outcomes.map((o) => {
          if (!o.ok) throw new Error(o.error.message);
          return o.value;
        });
        for (const answer of answers) expect(answer).toEqual(answers[0]);
        expect(await db.store.motions.arguments(d.motionId)).toHaveLength(1);
        const posted = (await logOf(db.store, d.motionId)).filter(
          (e) => e.type === "argument.posted",
        );
        expect(posted.map((e) => e.seq)).toEqual([answers[0]?.seq]);
      } finally {
        await db.dispose();
      }
    }, 60_000);
  });
}
