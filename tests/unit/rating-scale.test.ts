import { describe, expect, it } from "vitest";
import { scoreOption, scores, strengthSummary } from "../../lib/ratingScale";

describe("the rating scale", () => {
  it("offers each score with what it means, from not convincing to decisive", () => {
    expect(scores.map(scoreOption)).toEqual([
      "0 – not convincing",
      "1 – weak",
      "2 – fair",
      "3 – strong",
      "4 – decisive",
    ]);
  });

  it("says a strength's mean in words, to a tenth, with how many rated", () => {
    expect(strengthSummary({ mean: null, count: 0 })).toBe("Not rated yet");
    expect(strengthSummary({ mean: 4, count: 1 })).toBe("Decisive · 4.0 from 1 rating");
    expect(strengthSummary({ mean: 3.2, count: 5 })).toBe("Strong · 3.2 from 5 ratings");
    expect(strengthSummary({ mean: 0.33, count: 3 })).toBe("Not convincing · 0.3 from 3 ratings");
  });

  it("words a mean as it is shown: 2.45 shows as 2.5 and reads strong, 2.44 as 2.4 and fair", () => {
    expect(strengthSummary({ mean: 2.45, count: 20 })).toBe("Strong · 2.5 from 20 ratings");
    expect(strengthSummary({ mean: 2.44, count: 25 })).toBe("Fair · 2.4 from 25 ratings");
    expect(strengthSummary({ mean: 1.5, count: 2 })).toBe("Fair · 1.5 from 2 ratings");
  });
});
