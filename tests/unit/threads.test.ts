import { describe, expect, it } from "vitest";
import {
  type ArgumentNode,
  buildArgumentTree,
  everyNode,
  latestActivity,
  sortArgumentTree,
} from "../../lib/debate";
import { applyEvents } from "../../lib/live";
import {
  ancestorsOf,
  arrivedBelowOf,
  foldedByDefault,
  linkedArgument,
  newAtSeq,
  newRepliesOf,
  repliesShown,
} from "../../lib/threads";
import { at, liveMotionAt, motionEvent, threadArgument } from "../support/views";

const row = threadArgument;

const find = (nodes: ArgumentNode[], id: string): ArgumentNode => {
  const node = everyNode(nodes).find((n) => n.id === id);
  if (!node) throw new Error(`no ${id} in the tree`);
  return node;
};

describe("long threads", () => {
  const rows = [
    row("a", null, 1),
    row("b", null, 2),
    row("c", null, 3),
    row("a1", "a", 4),
    row("a1x", "a1", 9),
    row("b1", "b", 5, { editedAt: at(7) }),
  ];

  it("a thread's latest activity is the newest post or edit anywhere in it", () => {
    const tree = buildArgumentTree(rows);
    expect(latestActivity(find(tree, "a"))).toBe(at(9));
    expect(latestActivity(find(tree, "b"))).toBe(at(7));
    expect(latestActivity(find(tree, "c"))).toBe(at(3));
  });

  it("'Latest activity' puts the thread with the freshest reply first", () => {
    const sorted = sortArgumentTree(buildArgumentTree(rows), "activity");
    expect(sorted.map((n) => n.id)).toEqual(["a", "b", "c"]);
    expect(sortArgumentTree(buildArgumentTree(rows), "newest").map((n) => n.id)).toEqual([
      "c",
      "b",
      "a",
    ]);
  });

  it("a branch the reader has read folds; a new reply anywhere below keeps it open", () => {
    const tree = buildArgumentTree(rows);
    const allRead = () => true;
    const a1xNew = (id: string) => id !== "a1x";
    expect(foldedByDefault(find(tree, "a"), allRead)).toBe(true);
    expect(foldedByDefault(find(tree, "a"), a1xNew)).toBe(false);
    expect(foldedByDefault(find(tree, "c"), allRead)).toBe(false);
    expect(repliesShown(find(tree, "a"), allRead, {}, new Set())).toBe(false);
    expect(repliesShown(find(tree, "a"), a1xNew, {}, new Set())).toBe(true);
  });

  it("the reader's toggle wins; a link unfolds the branches above its argument", () => {
    const tree = buildArgumentTree(rows);
    const allRead = () => true;
    const above = new Set(ancestorsOf("a1x", rows));
    expect([...above]).toEqual(["a1", "a"]);
    expect(repliesShown(find(tree, "a"), allRead, {}, above)).toBe(true);
    expect(repliesShown(find(tree, "a1"), allRead, {}, above)).toBe(true);
    expect(repliesShown(find(tree, "a"), allRead, { a: false }, above)).toBe(false);
    expect(repliesShown(find(tree, "b"), allRead, { b: true }, new Set())).toBe(true);
  });

  it("counts the new replies of a folded branch, those the page does not hold yet included", () => {
    // "a" holds "a1" (new); two more new replies below it were not held when the page loaded,
    // and "z" arrived since under a reply the page does not hold.
    const tree = buildArgumentTree(rows);
    const outside = {
      atLoad: { a: 2 },
      heldAtLoad: new Set(rows.map((r) => r.id)),
      arrived: (id: string) => id === "z",
      arrivedBelow: { a: ["z"] },
      held: new Set(rows.map((r) => r.id)),
    };
    expect(newRepliesOf(find(tree, "a"), (id) => id === "a1", outside)).toBe(4);
    // One of the two loads, marked New itself: still four, each counted once.
    const loaded = buildArgumentTree([...rows, row("n1", "a1", 10)]);
    const isNew = (id: string) => id === "a1" || id === "n1";
    const now = { ...outside, held: new Set([...outside.held, "n1"]) };
    expect(newRepliesOf(find(loaded, "a"), isNew, now)).toBe(4);
    expect(newRepliesOf(find(loaded, "b"), isNew, now)).toBe(0);
  });

  it("reads an argument's id from a #argument-<id> link, and nothing else", () => {
    const id = "0b8f9a52-3f0c-4d55-9c1e-0a5b2a4f1c11";
    expect(linkedArgument(`#argument-${id}`)).toBe(id);
    expect(linkedArgument("#reader")).toBeNull();
    expect(linkedArgument(`#argument-${id}x`)).toBeNull();
    expect(linkedArgument("")).toBeNull();
  });
});

describe("what went public while the page was open", () => {
  const start = liveMotionAt(4);
  const event = motionEvent;

  it("records the seq that made each argument public: posted or approved, not submitted", () => {
    const { state } = applyEvents(start, [
      event(5, "argument.posted", { argument: row("p", null, 1) }),
      event(6, "argument.submitted", {
        argument: row("q", null, 2, { status: "pending" }),
        onlyFor: "u",
      }),
      event(7, "argument.approved", { argument: row("q", null, 2) }),
    ]);
    expect(state.wentPublic).toEqual({ p: 5, q: 7 });
  });
});

describe("new arguments a big debate's page does not hold", () => {
  it("counts what arrived below an argument as new, not the reader's own, nor what is no longer public, nor what was restored", () => {
    const arrived = (authorId: string, status: "published" | "hidden" = "published") => ({
      above: ["t", "x"],
      side: "for" as const,
      status,
      authorId,
      citations: [],
    });
    const { state } = applyEvents({ ...liveMotionAt(4), arguments: [row("t", null, 1)] }, [
      motionEvent(5, "argument.posted", {
        argument: row("n", "x", 2, { author: { id: "other", name: "O" } }),
        place: { above: ["t", "x"], side: "for" },
      }),
    ]);
    expect(state.outside?.n?.authorId).toBe("other");
    expect(
      arrivedBelowOf(
        {
          n: arrived("other"),
          mine: arrived("me"),
          gone: arrived("other", "hidden"),
          back: { ...arrived("other"), restored: { replied: true } },
        },
        "me",
      ),
    ).toEqual({ t: ["n"], x: ["n"] });
    expect(arrivedBelowOf({ mine: arrived("me") }, null)).toEqual({ t: ["mine"], x: ["mine"] });
  });

  it("counts at load only those public as of the seq the page was read at", () => {
    const shapes = [
      { id: "a", publishedSeq: 3 },
      { id: "b", publishedSeq: 7 },
      { id: "c", publishedSeq: 8 },
      { id: "d", publishedSeq: null },
    ];
    // "c" was published after the motion was read at 7: it comes in the events replayed after it.
    expect(newAtSeq(["a", "b", "c", "d", "e"], shapes, 7)).toEqual(["a", "b"]);
  });
});
