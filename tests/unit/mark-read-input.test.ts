import { describe, expect, it } from "vitest";
import { MarkRead } from "../../lib/reading";

describe("marking a motion read: what a bad seq is told", () => {
  const motionId = "5b0c6a1e-8f3d-4c2a-9e1b-7d4f2a6c8e10";
  it.each([
    [undefined, "is required"],
    [-1, "must be 0 or more"],
    [1.5, "must be a whole number"],
  ])("seq %s: %s", (seq, message) => {
    const parsed = MarkRead.safeParse({ motionId, seq });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
  it("takes 0 and any whole number above", () => {
    expect(MarkRead.safeParse({ motionId, seq: 0 }).success).toBe(true);
    expect(MarkRead.safeParse({ motionId, seq: 42 }).success).toBe(true);
  });
});
