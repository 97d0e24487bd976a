import { describe, expect, it } from "vitest";
import { defaultRubric, Rubric, scoreOf, totalOf } from "../../lib/grades";
import { type Actor, authorize, type Place } from "../../server/policy";

const none = { arguments: 0, replies: 0, passages: 0, answers: 0 };

describe("the gradebook's score", () => {
  it("caps each counted part at its count for full marks, and shares 100 out by the weights", () => {
    expect(scoreOf(none, null, defaultRubric)).toEqual({
      parts: { posting: 0, evidence: 0, engagement: 0, mark: 0 },
      score: 0,
    });
    const busy = { arguments: 5, replies: 4, passages: 9, answers: 7 };
    expect(scoreOf(busy, null, defaultRubric).score).toBe(100);
    // posting 2/3 of 40, evidence 1/2 of 30, engagement 0 of 30.
    expect(
      scoreOf({ ...none, arguments: 1, replies: 1, passages: 1 }, null, defaultRubric).score,
    ).toBe(41.7);
  });

  it("counts the teacher's mark by its weight, and none as 0", () => {
    const rubric = {
      ...defaultRubric,
      postingWeight: 0,
      evidenceWeight: 0,
      engagementWeight: 0,
      markWeight: 1,
    };
    expect(scoreOf(none, 73, rubric).score).toBe(73);
    expect(scoreOf(none, null, rubric).score).toBe(0);
    const half = { ...defaultRubric, markWeight: 100 };
    expect(scoreOf({ ...none, arguments: 3, passages: 2, answers: 2 }, 0, half).score).toBe(50);
  });

  it("totals the mean of the motion scores, a half rounding up", () => {
    expect(totalOf([])).toBeNull();
    expect(totalOf([{ score: 71.7 }, { score: 0 }])).toBe(35.9);
    expect(totalOf([{ score: 85 }, { score: 0 }])).toBe(42.5);
  });

  it("refuses a rubric whose weights are all 0, or a cap below 1", () => {
    const zero = { ...defaultRubric, postingWeight: 0, evidenceWeight: 0, engagementWeight: 0 };
    expect(Rubric.safeParse(zero).success).toBe(false);
    expect(Rubric.safeParse({ ...defaultRubric, answersCap: 0 }).success).toBe(false);
    expect(Rubric.safeParse({ ...defaultRubric, postingWeight: 12.5 }).success).toBe(false);
    expect(Rubric.safeParse(defaultRubric).success).toBe(true);
  });
});

describe("who may grade", () => {
  const account: Actor = { kind: "user", id: "u-1", name: "Ada", guestOf: null };
  const place = (role: Place["role"]): Place => ({
    space: { id: "11111111-1111-4111-8111-111111111111", visibility: "private" },
    role,
  });
  it("owners and moderators read the gradebook and grade; members may not; others see nothing", () => {
    for (const action of ["grade.read", "grade.set"] as const) {
      expect(authorize(account, action, place("owner"))).toBeNull();
      expect(authorize(account, action, place("moderator"))).toBeNull();
      expect(authorize(account, action, place("participant"))?.code).toBe("forbidden");
      expect(authorize(account, action, place("observer"))?.code).toBe("forbidden");
      expect(authorize(account, action, place(null))?.code).toBe("not_found");
    }
  });
});
