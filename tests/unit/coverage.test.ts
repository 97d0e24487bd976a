import { describe, expect, it } from "vitest";
import { coverageByBlock, coverageLabel, heatOf, uncitedPieces } from "../../lib/coverage";

const blocks = [
  { start: 0, end: 10 },
  { start: 12, end: 40 },
  { start: 42, end: 60 },
];

describe("evidence coverage", () => {
  it("counts per paragraph the arguments citing it for and against, each argument once", () => {
    const coverage = coverageByBlock(blocks, [
      { argumentId: "a", side: "for", start: 14, end: 20 },
      // Two quotes of one argument in one paragraph count once.
      { argumentId: "a", side: "for", start: 22, end: 30 },
      { argumentId: "b", side: "against", start: 15, end: 18 },
      // A quote across two paragraphs counts in both.
      { argumentId: "c", side: "against", start: 35, end: 50 },
    ]);
    expect(coverage.map((c) => [c.for, c.against])).toEqual([
      [0, 0],
      [1, 2],
      [0, 1],
    ]);
  });

  it("says the counts in words", () => {
    expect(coverageLabel({ for: 3, against: 1 })).toBe("Cited 3 times for, 1 against");
    expect(coverageLabel({ for: 1, against: 0 })).toBe("Cited 1 time for, 0 against");
    expect(coverageLabel({ for: 0, against: 0 })).toBe("Not cited yet");
  });

  it("shades each paragraph against the most cited one", () => {
    const all = [
      { start: 0, end: 1, for: 3, against: 1 },
      { start: 2, end: 3, for: 0, against: 2 },
      { start: 4, end: 5, for: 0, against: 0 },
    ];
    expect(all.map((c) => heatOf(c, all))).toEqual([
      { for: 0.75, against: 0.25 },
      { for: 0, against: 0.5 },
      { for: 0, against: 0 },
    ]);
  });

  it("cuts a source at its paragraphs and keeps the pieces nothing cites", () => {
    const source = { start: 5, end: 50 };
    expect(uncitedPieces(blocks, source, [])).toEqual([
      { start: 5, end: 10 },
      { start: 12, end: 40 },
      { start: 42, end: 50 },
    ]);
    expect(uncitedPieces(blocks, source, [{ start: 30, end: 31 }])).toEqual([
      { start: 5, end: 10 },
      { start: 42, end: 50 },
    ]);
    // A quote that only touches a piece's edge does not cite it.
    expect(uncitedPieces(blocks, source, [{ start: 0, end: 5 }])).toHaveLength(3);
  });
});
