import { describe, expect, it } from "vitest";
import { segmentBlock } from "../../lib/documents/passages";
import type { PassageMark } from "../../lib/views";

const text = "First paragraph here.\n\nSecond paragraph follows.";
const first = { kind: "paragraph" as const, level: null, start: 0, end: 21 };
const second = { kind: "paragraph" as const, level: null, start: 23, end: 48 };
const mark = (id: string, start: number, end: number): PassageMark => ({
  id,
  start,
  end,
  label: id,
  href: `/motions/${id}`,
});

const shape = (segments: ReturnType<typeof segmentBlock>) =>
  segments.map((s) => [s.text, s.marks.map((m) => m.id)]);

describe("marking passages in a block", () => {
  it("a block without marks is one plain piece", () => {
    expect(shape(segmentBlock(text, first, []))).toEqual([["First paragraph here.", []]]);
  });

  it("a mark inside a block cuts it into three pieces", () => {
    expect(shape(segmentBlock(text, first, [mark("a", 6, 15)]))).toEqual([
      ["First ", []],
      ["paragraph", ["a"]],
      [" here.", []],
    ]);
  });

  it("a mark that crosses paragraphs covers the end of one and the start of the next", () => {
    const across = mark("a", 16, 29);
    expect(shape(segmentBlock(text, first, [across]))).toEqual([
      ["First paragraph ", []],
      ["here.", ["a"]],
    ]);
    expect(shape(segmentBlock(text, second, [across]))).toEqual([
      ["Second", ["a"]],
      [" paragraph follows.", []],
    ]);
  });

  it("overlapping marks give pieces covered by one, both, then the other", () => {
    expect(shape(segmentBlock(text, first, [mark("a", 0, 10), mark("b", 6, 21)]))).toEqual([
      ["First ", ["a"]],
      ["para", ["a", "b"]],
      ["graph here.", ["b"]],
    ]);
  });
});
