import { describe, expect, it } from "vitest";
import {
  type ArgumentNode,
  buildArgumentTree,
  everyNode,
  type ListOrder,
  sortArgumentTree,
} from "../../lib/debate";
import { applyEvents, type LiveMotion } from "../../lib/live";
import type { MotionEventData, MotionEventType } from "../../lib/protocol";
import { reuseUnchanged } from "../../lib/stableTree";
import { at, liveMotionAt, motionEvent, threadArgument } from "../support/views";

const event = <K extends MotionEventType>(seq: number, type: K, data: MotionEventData[K]) =>
  motionEvent(seq, type, data, at(59));

/** The tree as the motion's page draws it from its live copy. */
const treeOf = (state: LiveMotion, order: ListOrder = "newest") =>
  sortArgumentTree(buildArgumentTree(state.arguments), order);

const byId = (nodes: ArgumentNode[]) => new Map(everyNode(nodes).map((node) => [node.id, node]));

// Two threads and a lone argument, held in part as a big debate's page holds them (counts).
const start: LiveMotion = {
  ...liveMotionAt(10),
  arguments: [
    threadArgument("a", null, 1, { replies: { all: 3, direct: 2 } }),
    threadArgument("a1", "a", 2, { replies: { all: 1, direct: 1 } }),
    threadArgument("a1x", "a1", 3, { replies: { all: 0, direct: 0 } }),
    threadArgument("a2", "a", 4, { replies: { all: 0, direct: 0 } }),
    threadArgument("b", null, 5, { relation: "against", replies: { all: 1, direct: 1 } }),
    threadArgument("b1", "b", 6, { replies: { all: 0, direct: 0 } }),
    threadArgument("c", null, 7, { replies: { all: 0, direct: 0 } }),
  ],
  partial: { order: "newest", cursors: {}, ends: {}, totals: { for: 2, against: 1 }, cited: [] },
};

describe("reuseUnchanged: a live event gives new nodes along its path alone", () => {
  const first = reuseUnchanged([], treeOf(start));

  it("a tree built again from the same state is the very same tree", () => {
    const again = reuseUnchanged(first, treeOf(start));
    expect(again).toBe(first);
    const before = byId(first);
    for (const node of everyNode(again)) expect(node).toBe(before.get(node.id));
  });

  it("a reply deep in one thread renews that thread's path and nothing else", () => {
    const { state } = applyEvents(start, [
      event(11, "argument.posted", { argument: threadArgument("a1y", "a1", 8) }),
    ]);
    const next = reuseUnchanged(first, treeOf(state));
    const before = byId(first);
    const after = byId(next);
    expect(next).not.toBe(first);
    for (const id of ["a", "a1"]) expect(after.get(id)).not.toBe(before.get(id));
    for (const id of ["a1x", "a2", "b", "b1", "c"]) expect(after.get(id)).toBe(before.get(id));
    // The counts the page shows went up along the path.
    expect(after.get("a")?.replies).toEqual({ all: 4, direct: 2 });
    expect(after.get("a1")?.replies).toEqual({ all: 2, direct: 2 });
    expect(after.get("a1")?.children.map((c) => c.id)).toEqual(["a1y", "a1x"]);
  });

  it("a new top-level argument keeps every node already there", () => {
    const { state } = applyEvents(start, [
      event(11, "argument.posted", { argument: threadArgument("d", null, 9) }),
    ]);
    const next = reuseUnchanged(first, treeOf(state));
    const before = byId(first);
    expect(next).not.toBe(first);
    expect(next.map((n) => n.id)).toEqual(["d", "c", "b", "a"]);
    for (const node of everyNode(next).filter((n) => n.id !== "d")) {
      expect(node).toBe(before.get(node.id));
    }
    expect(state.partial?.totals).toEqual({ for: 3, against: 1 });
  });

  it("an edit or a rating renews the argument and those above it", () => {
    const { state } = applyEvents(start, [
      event(11, "argument.edited", { argumentId: "b1", body: "Better put.", editedAt: at(10) }),
      event(12, "argument.rated", { argumentId: "a2", strength: { mean: 3, count: 1 } }),
    ]);
    const next = reuseUnchanged(first, treeOf(state));
    const before = byId(first);
    const after = byId(next);
    for (const id of ["a", "a2", "b", "b1"]) expect(after.get(id)).not.toBe(before.get(id));
    for (const id of ["a1", "a1x", "c"]) expect(after.get(id)).toBe(before.get(id));
    expect(after.get("b1")?.body).toBe("Better put.");
  });

  it("an argument gone from the tree renews its parent", () => {
    const next = reuseUnchanged(
      first,
      treeOf({ ...start, arguments: start.arguments.filter((a) => a.id !== "a2") }),
    );
    const before = byId(first);
    const after = byId(next);
    expect(after.has("a2")).toBe(false);
    expect(after.get("a")).not.toBe(before.get("a"));
    for (const id of ["a1", "a1x", "b", "b1", "c"]) expect(after.get(id)).toBe(before.get(id));
  });

  it("a new order keeps the nodes whose replies keep their order", () => {
    // Oldest first: the sides' order turns over, and so do a's replies; the leaves stay.
    const next = reuseUnchanged(first, treeOf(start, "oldest"));
    const before = byId(first);
    const after = byId(next);
    expect(next.map((n) => n.id)).toEqual(["a", "b", "c"]);
    expect(after.get("a")).not.toBe(before.get("a"));
    for (const id of ["a1", "a1x", "a2", "b", "b1", "c"]) {
      expect(after.get(id)).toBe(before.get(id));
    }
  });

  it("a field changed to an equal but new value counts as a change", () => {
    const strengthened = start.arguments.map((a) =>
      a.id === "c" ? { ...a, strength: { ...a.strength } } : a,
    );
    const next = reuseUnchanged(first, treeOf({ ...start, arguments: strengthened }));
    expect(byId(next).get("c")).not.toBe(byId(first).get("c"));
    expect(byId(next).get("a")).toBe(byId(first).get("a"));
  });
});
