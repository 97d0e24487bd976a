import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ArgumentNode, type ArgumentView, buildArgumentTree } from "../../lib/debate";
import { grownTree, rebuiltThreads } from "../../server/domain/debate/shapeTree";
import { argumentView } from "../support/views";

const node = (view: ArgumentView): ArgumentNode => ({ ...view, children: [] });

/** Any standing an argument can have, published the likeliest. */
const standing = fc.constantFrom(
  "published",
  "published",
  "withdrawn",
  "hidden",
  "pending",
  "rejected",
) as fc.Arbitrary<ArgumentView["status"]>;

/**
 * A debate as its rows are read, in posting order: each argument a reply to an earlier one (by
 * its index) or top-level, in any standing, a second apart.
 */
const debate = fc
  .array(
    fc.record({
      parent: fc.option(fc.nat(), { nil: null }),
      status: standing,
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
        fc.array(
          fc.record({
            parent: fc.option(fc.nat(), { nil: null }),
            status: fc.constantFrom("published", "published", "pending", "hidden"),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (rows, cut, keepHidden, posts) => {
          const before = rows.slice(0, cut % rows.length);
          const tree = buildArgumentTree(before, { keepHidden });
          const untouched = structuredClone(tree);
          // Posts come after everything before them, under any argument or none.
          const posted = posts.map(({ parent, status }, i) =>
            argumentView(`p${i}`, {
              parentId: parent === null ? null : `a${parent % rows.length}`,
              relation: parent === null ? "against" : "supports",
              status,
              createdAt: new Date(Date.UTC(2026, 0, 2) + i * 1000).toISOString(),
            }),
          );
          const grown = grownTree(tree, posted.map(node));
          expect(tree).toEqual(untouched);
          const held = idsIn(tree);
          const underHeld = posted.every(
            (post, i) =>
              post.status !== "hidden" &&
              (post.parentId === null ||
                held.has(post.parentId) ||
                posted.slice(0, i).some((earlier) => earlier.id === post.parentId)),
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

  it("leaves to a whole build a post under an argument the tree does not hold, one stamped no later than the last, or one withdrawn or hidden", () => {
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
    // A post pruning may drop is left to a whole build; one waiting for a moderator hangs.
    const hidden = argumentView("g", { status: "hidden", createdAt: "2026-01-01T11:00:00.000Z" });
    expect(grownTree(threads, [node(hidden)])).toBeUndefined();
    const waiting = { ...hidden, status: "pending" as const };
    expect(grownTree(threads, [node(waiting)])?.map((n) => n.id)).toEqual(["d", "g"]);
  });
});

describe("a tree with the threads of changed arguments built again", () => {
  it("is the tree a whole build makes of the rows now, shares every thread nothing changed in, and leaves the tree before as it was", () => {
    fc.assert(
      fc.property(
        debate,
        fc.boolean(),
        fc.array(fc.record({ at: fc.nat(), status: standing }), { minLength: 1, maxLength: 6 }),
        (rows, keepHidden, changes) => {
          // What a reader is given: a post turned down is its author's alone; one waiting, theirs
          // and the moderators'.
          const readable = (list: ArgumentView[]) =>
            list.filter(
              (row) => row.status !== "rejected" && (keepHidden || row.status !== "pending"),
            );
          const now = [...rows];
          const touched = changes.map(({ at, status }) => {
            const row = now[at % now.length] as ArgumentView;
            now[at % now.length] = { ...row, status };
            return row.id;
          });
          const tree = buildArgumentTree(readable(rows), { keepHidden });
          const untouched = structuredClone(tree);
          const rebuilt = rebuiltThreads(tree, readable(now), node, touched, keepHidden);
          expect(tree).toEqual(untouched);
          expect(rebuilt).toEqual(buildArgumentTree(readable(now), { keepHidden }));
          const parents = new Map(rows.map((row) => [row.id, row.parentId]));
          const topOf = (id: string): string => {
            const parent = parents.get(id);
            return parent ? topOf(parent) : id;
          };
          const changed = new Set(touched.map(topOf));
          for (const thread of rebuilt) {
            if (!changed.has(thread.id)) expect(tree).toContain(thread);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("puts back a thread the tree did not hold where the rows put it, and drops one left with nothing to show", () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
    const rows = [
      argumentView("a", { createdAt: at(0) }),
      argumentView("b", { status: "hidden", createdAt: at(1) }),
      argumentView("c", { createdAt: at(2) }),
    ];
    const tree = buildArgumentTree(rows);
    expect(tree.map((n) => n.id)).toEqual(["a", "c"]);
    const restored = rows.map((row) =>
      row.id === "b" ? { ...row, status: "published" as const } : row,
    );
    const back = rebuiltThreads(tree, restored, node, ["b"], false);
    expect(back.map((n) => n.id)).toEqual(["a", "b", "c"]);
    expect(back[0]).toBe(tree[0]);
    const withdrawn = rows.map((row) =>
      row.id === "a" ? { ...row, status: "withdrawn" as const } : row,
    );
    expect(rebuiltThreads(tree, withdrawn, node, ["a"], false).map((n) => n.id)).toEqual(["c"]);
  });
});
