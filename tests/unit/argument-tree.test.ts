import { describe, expect, it } from "vitest";
import { buildArgumentTree } from "../../lib/debate";

const row = (id: string, parentId: string | null, relation: "for" | "supports" | "attacks") => ({
  id,
  parentId,
  relation,
  body: id,
  authorName: "A",
  status: "published" as const,
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("the argument tree", () => {
  it("nests replies under their parents at any depth, in the order given", () => {
    const tree = buildArgumentTree([
      row("a", null, "for"),
      row("b", "a", "supports"),
      row("c", "b", "attacks"),
      row("d", "a", "attacks"),
    ]);
    const ids = (nodes: typeof tree): unknown[] => nodes.map((n) => [n.id, ids(n.replies)]);
    expect(ids(tree)).toEqual([
      [
        "a",
        [
          ["b", [["c", []]]],
          ["d", []],
        ],
      ],
    ]);
  });
});
