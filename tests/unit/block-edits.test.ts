import { describe, expect, it } from "vitest";
import { assembleBlocks } from "../../lib/documents/blocks";
import { applyBlockEdits, type BlockEdit, BlockEdits } from "../../lib/documents/edits";
import type { ImportedText } from "../../lib/documents/import";

const original = assembleBlocks([
  { kind: "heading", level: 1, text: "The harbour report" },
  {
    kind: "paragraph",
    level: null,
    text: "The harbour was closed in winter. Trade moved inland by rail.",
  },
  { kind: "paragraph", level: null, text: "Nobody expected the rail line to pay for itself." },
  { kind: "caption", level: null, text: "Figure 1 The rail line and the harbour" },
]);

function edited(edits: BlockEdit[]): ImportedText {
  const result = applyBlockEdits(original, edits);
  if ("problem" in result) throw new Error(result.problem);
  return result;
}

/** Blocks as "kind level: text", from their offsets in the canonical text. */
const outline = ({ text, blocks }: ImportedText) =>
  blocks.map(
    (b) => `${b.kind}${b.level === null ? "" : ` ${b.level}`}: ${text.slice(b.start, b.end)}`,
  );

function expectExactOffsets({ text, blocks }: ImportedText) {
  expect(text).toBe(blocks.map((b) => text.slice(b.start, b.end)).join("\n\n"));
  blocks.forEach((block, i) => {
    expect(block.start).toBe(i === 0 ? 0 : (blocks[i - 1]?.end ?? 0) + 2);
  });
  expect(blocks.at(-1)?.end).toBe(text.length);
}

describe("the blocks as imported", () => {
  it("are a title, two paragraphs and a caption", () => {
    expectExactOffsets(original);
    expect(outline(original)).toEqual([
      "heading 1: The harbour report",
      "paragraph: The harbour was closed in winter. Trade moved inland by rail.",
      "paragraph: Nobody expected the rail line to pay for itself.",
      "caption: Figure 1 The rail line and the harbour",
    ]);
  });

  it("are unchanged by no edits", () => {
    expect(applyBlockEdits(original, [])).toEqual(original);
  });
});

describe("changing a block's kind", () => {
  it("makes a paragraph a heading of the level given, the text unchanged", () => {
    const result = edited([{ op: "kind", index: 2, kind: "heading", level: 2 }]);
    expect(outline(result)[2]).toBe("heading 2: Nobody expected the rail line to pay for itself.");
    expect(result.text).toBe(original.text);
  });

  it("makes a heading level 1 when no level is given, and a heading keeps its own", () => {
    expect(outline(edited([{ op: "kind", index: 1, kind: "heading" }]))[1]).toMatch(/^heading 1:/);
    expect(outline(edited([{ op: "kind", index: 0, kind: "heading", level: 3 }]))[0]).toMatch(
      /^heading 3:/,
    );
  });

  it("makes a heading or caption a paragraph, without a level", () => {
    const result = edited([
      { op: "kind", index: 0, kind: "paragraph" },
      { op: "kind", index: 3, kind: "paragraph" },
    ]);
    expect(result.blocks.map((b) => [b.kind, b.level])).toEqual(Array(4).fill(["paragraph", null]));
  });

  it("gives no level to a caption", () => {
    expect(
      applyBlockEdits(original, [{ op: "kind", index: 1, kind: "caption", level: 2 }]),
    ).toEqual({ problem: "Edit 1: only a heading has a level." });
  });
});

describe("joining two blocks", () => {
  it("makes one paragraph of a block and the next, with one space between", () => {
    const result = edited([{ op: "join", index: 1 }]);
    expectExactOffsets(result);
    expect(outline(result)).toEqual([
      "heading 1: The harbour report",
      "paragraph: The harbour was closed in winter. Trade moved inland by rail. Nobody expected the rail line to pay for itself.",
      "caption: Figure 1 The rail line and the harbour",
    ]);
    expect(result.text.length).toBe(original.text.length - 1);
  });

  it("cannot join the last block", () => {
    expect(applyBlockEdits(original, [{ op: "join", index: 3 }])).toEqual({
      problem: "Edit 1: block 3 is the last; there is none to join.",
    });
  });
});

describe("splitting a block", () => {
  const paragraph = "The harbour was closed in winter. Trade moved inland by rail.";
  const at = paragraph.indexOf(" Trade");

  it("makes two paragraphs of it at a space, a blank line between", () => {
    for (const cut of [at, at + 1]) {
      const result = edited([{ op: "split", index: 1, at: cut }]);
      expectExactOffsets(result);
      expect(outline(result).slice(1, 3)).toEqual([
        "paragraph: The harbour was closed in winter.",
        "paragraph: Trade moved inland by rail.",
      ]);
      expect(result.text).toBe(original.text.replace("winter. Trade", "winter.\n\nTrade"));
    }
  });

  it("cannot cut a word in two, nor split at either end", () => {
    for (const cut of [at - 2, 0, paragraph.length, paragraph.length + 5]) {
      const result = applyBlockEdits(original, [{ op: "split", index: 1, at: cut }]);
      expect(result).toEqual({
        problem: `Edit 1: block 1 cannot be split at ${cut}: not between words.`,
      });
    }
  });
});

describe("several edits", () => {
  it("are made in order, each counting the blocks as the edits before left them", () => {
    const result = edited([
      { op: "split", index: 1, at: 33 },
      { op: "join", index: 2 },
      { op: "kind", index: 1, kind: "heading", level: 2 },
    ]);
    expectExactOffsets(result);
    expect(outline(result)).toEqual([
      "heading 1: The harbour report",
      "heading 2: The harbour was closed in winter.",
      "paragraph: Trade moved inland by rail. Nobody expected the rail line to pay for itself.",
      "caption: Figure 1 The rail line and the harbour",
    ]);
  });

  it("stop at the first that names no block, saying which", () => {
    expect(
      applyBlockEdits(original, [
        { op: "join", index: 0 },
        { op: "kind", index: 3, kind: "paragraph" },
      ]),
    ).toEqual({ problem: "Edit 2: there is no block 3." });
  });
});

describe("the edits' schema", () => {
  it("accepts the three operations and refuses others or negative indexes", () => {
    expect(
      BlockEdits.safeParse([
        { op: "kind", index: 0, kind: "caption" },
        { op: "join", index: 1 },
        { op: "split", index: 2, at: 10 },
      ]).success,
    ).toBe(true);
    expect(BlockEdits.safeParse([{ op: "merge", index: 0 }]).success).toBe(false);
    expect(BlockEdits.safeParse([{ op: "join", index: -1 }]).success).toBe(false);
    expect(
      BlockEdits.safeParse([{ op: "kind", index: 0, kind: "heading", level: 7 }]).success,
    ).toBe(false);
  });
});
