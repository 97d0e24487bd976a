import { describe, expect, it } from "vitest";
import { contractStore, minute } from "../support/storeRows";
import { dialects } from "../support/stores";

// The Store's contract for the gradebook's rubrics and marks: each method written through and
// read back, the same tests on each dialect.

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the Store's gradebook on ${dialect.name}`, () => {
    const { store, rows } = contractStore(dialect);

    const rubric = {
      postingWeight: 40,
      evidenceWeight: 30,
      engagementWeight: 30,
      markWeight: 0,
      postsCap: 3,
      passagesCap: 2,
      answersCap: 2,
    };

    it("putRubric stores a motion's rubric and a later put replaces it; rubrics reads them", async () => {
      const space = await rows.space();
      const teacher = await rows.member(space.id);
      const [{ motion: first }, { motion: second }] = [
        await rows.motion(space.id),
        await rows.motion(space.id),
      ];
      const row = { motionId: first.id, ...rubric, changedBy: teacher.id, changedAt: minute(1) };
      await rows.write((tx) => tx.grades.putRubric(row));
      expect(await store.grades.rubrics([first.id, second.id])).toEqual([row]);
      const changed = { ...row, markWeight: 50, answersCap: 1, changedAt: minute(2) };
      await rows.write((tx) => tx.grades.putRubric(changed));
      expect(await store.grades.rubrics([first.id])).toEqual([changed]);
      expect(await store.grades.rubrics([])).toEqual([]);
    });

    it("putMark stores a member's mark and comment, replaced by a later put; marks reads them", async () => {
      const space = await rows.space();
      const [teacher, student, other] = [
        await rows.member(space.id),
        await rows.member(space.id),
        await rows.member(space.id),
      ];
      const { motion } = await rows.motion(space.id);
      const mark = {
        motionId: motion.id,
        userId: student.id,
        mark: 70,
        comment: "Well sourced.",
        markedBy: teacher.id,
        markedAt: minute(1),
      };
      await rows.write((tx) => tx.grades.putMark(mark));
      const unmarked = { ...mark, userId: other.id, mark: null, comment: "See me." };
      await rows.write((tx) => tx.grades.putMark(unmarked));
      const remarked = { ...mark, mark: 85, comment: "", markedAt: minute(2) };
      await rows.write((tx) => tx.grades.putMark(remarked));
      const stored = await store.grades.marks([motion.id]);
      expect(stored.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
        [remarked, unmarked].sort((a, b) => a.userId.localeCompare(b.userId)),
      );
      expect(await store.grades.marks([])).toEqual([]);
    });
  });
}
