import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArgumentRow, Store } from "../../db/store";
import { buildArgumentTree } from "../../lib/debate";
import { flattenTree } from "../../lib/live";
import { type Side, strongestOn } from "../../lib/projector";
import { rateAll } from "../../server/domain/debate/argumentPages";
import { bystander } from "../../server/domain/debate/audience";
import { readableRows } from "../../server/domain/debate/queries";
import { shapeOf } from "../../server/domain/debate/shapeTree";
import { strongestInRoom } from "../../server/domain/debate/strongest";
import { minute, type StoreRows, storeRows } from "../support/storeRows";
import { dialects, type TestStore } from "../support/stores";

// The room's screen ranks its strongest arguments in the database. Its answer must be the one
// ranking every argument the room sees in code gives: ties on rounded mean and count in the
// tree's order, replies on their thread's side, nothing below a post the room never saw.

/** A small seeded generator, so a failing tree can be made again. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((state / 2_147_483_648) * below);
  };
}

const statuses = [
  "published",
  "published",
  "published",
  "published",
  "published",
  "hidden",
  "withdrawn",
  "pending",
  "rejected",
] as const;
const replyRelations = ["supports", "attacks", "for", "against"] as const;

/** Ranking every row the room sees in code, as the screen did before the database ranked it. */
async function rankedInCode(store: Store, motionId: string, side: Side, count: number) {
  const rows = readableRows(await store.motions.arguments(motionId), bystander);
  const room = flattenTree(buildArgumentTree(rows.map(shapeOf)));
  await rateAll(
    store,
    room.filter((argument) => argument.status === "published"),
  );
  return strongestOn(room, side, count).map((argument) => argument.id);
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the room's strongest arguments on ${dialect.name}`, () => {
    let db: TestStore;
    let rows: StoreRows;
    const raters: string[] = [];
    beforeAll(async () => {
      db = await dialect.open();
      rows = storeRows(db.store);
      for (let i = 0; i < 4; i += 1) raters.push((await rows.user()).id);
    });
    afterAll(() => db?.dispose());

    /** A motion of `size` arguments in threads, of every status, many rated alike. */
    async function tree(seed: number, size: number) {
      const next = random(seed);
      const space = await rows.space();
      const { motion } = await rows.motion(space.id);
      const made: ArgumentRow[] = [];
      for (let i = 0; i < size; i += 1) {
        const parent = made.length > 0 && next(3) > 0 ? made[next(made.length)] : undefined;
        const { argument } = await rows.argument(motion.id, {
          parentId: parent?.id ?? null,
          relation: parent
            ? replyRelations[next(replyRelations.length)]
            : next(2) === 0
              ? "for"
              : "against",
          status: statuses[next(statuses.length)],
          // Few distinct times: siblings of one time stand in the order of their ids.
          createdAt: minute(next(size / 4)),
        });
        made.push(argument);
      }
      await rows.write(async (tx) => {
        for (const argument of made) {
          const raterCount = next(4);
          for (let r = 0; r < raterCount; r += 1) {
            await tx.ratings.put({
              argumentId: argument.id,
              userId: raters[r] as string,
              score: 2 + next(3),
              ratedAt: minute(r),
            });
          }
        }
      });
      return motion.id;
    }

    it("ranks as the rows ranked in code do, ties in the tree's order, on trees of many ties", async () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const motionId = await tree(seed, 120);
        for (const count of [3, 40]) {
          const ranked = await strongestInRoom(db.store, motionId, count);
          expect(ranked.for).toEqual(await rankedInCode(db.store, motionId, "for", count));
          expect(ranked.against).toEqual(await rankedInCode(db.store, motionId, "against", count));
        }
      }
    });

    it("lists fewer when a side has fewer rated arguments the room sees, and none in a debate without ratings", async () => {
      const space = await rows.space();
      const { motion } = await rows.motion(space.id);
      expect(await strongestInRoom(db.store, motion.id)).toEqual({ for: [], against: [] });
      const { argument: pending } = await rows.argument(motion.id, { status: "pending" });
      const { argument: below } = await rows.argument(motion.id, {
        parentId: pending.id,
        relation: "attacks",
      });
      const { argument: shown } = await rows.argument(motion.id, { relation: "against" });
      await rows.write(async (tx) => {
        for (const argumentId of [pending.id, below.id, shown.id]) {
          await tx.ratings.put({
            argumentId,
            userId: raters[0] as string,
            score: 4,
            ratedAt: minute(1),
          });
        }
      });
      expect(await strongestInRoom(db.store, motion.id)).toEqual({
        for: [],
        against: [shown.id],
      });
    });
  });
}
