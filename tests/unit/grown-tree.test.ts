import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ArgumentNode, type ArgumentView, buildArgumentTree } from "../../lib/debate";
import { grownTree } from "../../server/domain/debate/shapeTree";
import { argumentView } from "../support/views";

const node = (view: ArgumentView): ArgumentNode => ({ ...view, children: [] });

/**
 * A debate as its rows are read, in posting order: each argument a reply to an earlier one (by
 * its index) or top-level, in any standing, a second apart.
 */
const debate = fc
  .array(
    fc.record({
      parent: fc.option(fc.nat(), { nil: null }),
      status: fc.constantFrom("published", "published", "withdrawn", "hidden", "pending"),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((drafts) =>
    drafts.map(({ parent, status }, i) =>
      argumentView(`a${i}`, {
        parentId: parent === null || i === 0 ? null : `a${parent % i}`,
        relation: parent === null || i === 0 ? "for" : "attacks",
        status,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      }),
    ),
  );

/** The ids of every node of a tree. */
const idsIn = (tree: ArgumentNode[]): Set<string> =>
  new Set(tree.flatMap((n) => [n.id, ...idsIn(n.children)]));

describe("a tree grown by posts", () => {
  it("is the tree a whole build makes, wherever it can tell, and leaves the tree it grew from as it was", () => {
    fc.assert(
      fc.property(
        debate,
        fc.nat(),
        fc.boolean(),
        fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 8 }),
        (rows, cut, keepHidden, posts) => {
          const before = rows.slice(0, cut % rows.length);
          const tree = buildArgumentTree(before, { keepHidden });
          const untouched = structuredClone(tree);
          // Posts come after everything before them, published, under any argument or none.
          const posted = posts.map((parent, i) =>
            argumentView(`p${i}`, {
              parentId: parent === null ? null : `a${parent % rows.length}`,
              relation: parent === null ? "against" : "supports",
              createdAt: new Date(Date.UTC(2026, 0, 2) + i * 1000).toISOString(),
            }),
          );
          const grown = grownTree(tree, posted.map(node));
          expect(tree).toEqual(untouched);
          const held = idsIn(tree);
          const underHeld = posted.every(
            (post, i) =>
              post.parentId === null ||
              held.has(post.parentId) ||
              posted.slice(0, i).some((earlier) => earlier.id === post.parentId),
          );
          if (underHeld) expect(grown).toBeDefined();
          if (grown)
            expect(grown).toEqual(buildArgumentTree([...before, ...posted], { keepHidden }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("shares every thread a post does not reach", () => {
    const rows = [
      argumentView("a", { createdAt: "2026-01-01T10:00:00.000Z" }),
      argumentView("b", { createdAt: "2026-01-01T10:01:00.000Z" }),
      argumentView("c", {
        parentId: "a",
        relation: "attacks",
        createdAt: "2026-01-01T10:02:00.000Z",
      }),
    ];
    const tree = buildArgumentTree(rows);
    const reply = argumentView("d", {
      parentId: "c",
      relation: "supports",
      createdAt: "2026-01-01T10:03:00.000Z",
    });
    const grown = grownTree(tree, [node(reply)]) as ArgumentNode[];
    expect(grown[1]).toBe(tree[1]);
    expect(grown[0]).not.toBe(tree[0]);
    expect(grown[0]?.children[0]?.children.map((n) => n.id)).toEqual(["d"]);
    expect(tree[0]?.children[0]?.children).toEqual([]);
  });

  it("leaves to a whole build a post under an argument the tree does not hold, one stamped no later than the last, or one not published", () => {
    const withdrawn = argumentView("a", {
      status: "withdrawn",
      createdAt: "2026-01-01T10:00:00.000Z",
    });
    const tree = buildArgumentTree([withdrawn]);
    expect(tree).toEqual([]);
    const reply = argumentView("b", {
      parentId: "a",
      relation: "attacks",
      createdAt: "2026-01-01T10:01:00.000Z",
    });
    expect(grownTree(tree, [node(reply)])).toBeUndefined();
    const early = argumentView("c", { createdAt: "2026-01-01T09:00:00.000Z" });
    const late = argumentView("d", { createdAt: "2026-01-01T10:02:00.000Z" });
    expect(grownTree(buildArgumentTree([late]), [node(early)])).toBeUndefined();
    const lateReply = argumentView("e", {
      parentId: "d",
      relation: "supports",
      createdAt: "2026-01-01T10:03:00.000Z",
    });
    const earlyReply = { ...lateReply, id: "f", createdAt: "2026-01-01T10:02:30.000Z" };
    const threads = buildArgumentTree([late, lateReply]);
    expect(grownTree(threads, [node(earlyReply)])).toBeUndefined();
    // Only a published post is hung as it is: the others have rules of their own.
    const waiting = argumentView("g", { status: "pending", createdAt: "2026-01-01T11:00:00.000Z" });
    expect(grownTree(threads, [node(waiting)])).toBeUndefined();
  });
});
