import { describe, expect, it } from "vitest";
import {
  type ArgumentNode,
  type ArgumentRelation,
  type ArgumentView,
  buildArgumentTree,
  sortArgumentTree,
  supportShift,
} from "../../lib/debate";
import { argumentView } from "../support/views";

const row = (
  id: string,
  parentId: string | null,
  relation: ArgumentRelation,
  extra: Partial<ArgumentView> = {},
): ArgumentView =>
  argumentView(id, {
    parentId,
    relation,
    createdAt: `2026-01-01T00:00:0${id.charCodeAt(0) - 96}.000Z`,
    ...extra,
  });

const ids = (nodes: ArgumentNode[]): unknown[] => nodes.map((n) => [n.id, ids(n.children)]);

describe("the argument tree", () => {
  it("nests replies under their parents at any depth, in the order given", () => {
    const tree = buildArgumentTree([
      row("a", null, "for"),
      row("b", "a", "supports"),
      row("c", "b", "attacks"),
      row("d", "a", "attacks"),
    ]);
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

  it("keeps a withdrawn argument with replies as a placeholder and drops one without", () => {
    const tree = buildArgumentTree([
      row("a", null, "for", { status: "withdrawn", body: "" }),
      row("b", "a", "attacks"),
      row("c", null, "against", { status: "withdrawn", body: "" }),
    ]);
    expect(ids(tree)).toEqual([["a", [["b", []]]]]);
  });

  it("sorts every level by strength, newest, or most replied", () => {
    const tree = buildArgumentTree([
      row("a", null, "for", { strength: { mean: 1, count: 3 } }),
      row("b", null, "against", { strength: { mean: 3.5, count: 2 } }),
      row("c", null, "for"),
      row("d", "a", "supports"),
      row("e", "a", "attacks", { strength: { mean: 4, count: 1 } }),
    ]);
    expect(ids(sortArgumentTree(tree, "strength"))).toEqual([
      ["b", []],
      [
        "a",
        [
          ["e", []],
          ["d", []],
        ],
      ],
      ["c", []],
    ]);
    expect(sortArgumentTree(tree, "newest").map((n) => n.id)).toEqual(["c", "b", "a"]);
    expect(sortArgumentTree(tree, "replies").map((n) => n.id)).toEqual(["a", "b", "c"]);
  });
});

describe("the shift in support", () => {
  const tally = (f: number, a: number, u: number) => ({ for: f, against: a, undecided: u });
  it("is the change in the share for the motion, once both votes have been cast", () => {
    expect(supportShift({ before: tally(1, 3, 0), after: tally(3, 1, 0) })).toBe(50);
    expect(supportShift({ before: tally(2, 2, 0), after: tally(1, 3, 0) })).toBe(-25);
  });

  it("is nothing while nobody has voted after the debate", () => {
    expect(supportShift({ before: tally(3, 2, 0), after: tally(0, 0, 0) })).toBe(0);
  });
});
