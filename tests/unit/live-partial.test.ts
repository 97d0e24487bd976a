import { describe, expect, it } from "vitest";
import { type ArgumentView, citedPassages } from "../../lib/debate";
import { holdArgument, type LiveMotion, mergeLoaded } from "../../lib/live";
import { argumentView, liveMotionAt } from "../support/views";

const citing = (start: number) => ({
  documentId: "d",
  versionId: "v",
  exact: "x",
  prefix: "",
  suffix: "",
  start,
  end: start + 5,
  anchor: { status: "exact" as const, confidence: 1, versionId: "v", start, end: start + 5 },
});

/** A big debate's page holding a top-level argument "t" and its reply "r" of 5 and 9 in all. */
const held = (): LiveMotion => ({
  ...liveMotionAt(10),
  arguments: [
    argumentView("t", { replies: { all: 9, direct: 5 } }),
    argumentView("r", { parentId: "t", relation: "supports", replies: { all: 2, direct: 2 } }),
  ],
  partial: {
    order: "newest",
    cursors: {},
    totals: { for: 40, against: 12 },
    cited: [{ documentId: "d", start: 0, end: 5, for: 3, against: 1 }],
  },
});

const reply = (id: string, parentId: string, change: Partial<ArgumentView> = {}) =>
  argumentView(id, { parentId, relation: "attacks", ...change });

describe("a live copy of a big debate held in part", () => {
  it("counts a new reply for each held argument above it, and a new top-level argument for its side", () => {
    const state = holdArgument(held(), reply("n", "r"));
    const [t, r] = state.arguments;
    expect(t?.replies).toEqual({ all: 10, direct: 5 });
    expect(r?.replies).toEqual({ all: 3, direct: 3 });
    expect(state.partial?.totals).toEqual({ for: 40, against: 12 });
    const top = holdArgument(state, argumentView("a", { relation: "against" }));
    expect(top.partial?.totals).toEqual({ for: 40, against: 13 });
  });

  it("counts an argument once, though its ack and its event both bring it", () => {
    const once = holdArgument(held(), reply("n", "t"));
    const twice = holdArgument(once, reply("n", "t", { body: "edited meanwhile" }));
    expect(twice.arguments.find((a) => a.id === "t")?.replies).toEqual({ all: 10, direct: 6 });
    expect(twice.arguments.find((a) => a.id === "n")?.body).toBe("edited meanwhile");
  });

  it("adds a new argument's citations to the passages counted across the debate, on its side", () => {
    // An attack on an argument for the motion argues against it.
    const state = holdArgument(held(), reply("n", "t", { citations: [citing(0), citing(20)] }));
    expect(state.partial?.cited).toEqual([
      { documentId: "d", start: 0, end: 5, for: 3, against: 2 },
      { documentId: "d", start: 20, end: 25, for: 0, against: 1 },
    ]);
    expect(citedPassages(state.arguments)).toHaveLength(2);
  });

  it("counts an approved post's citations once it is public, not while it waited", () => {
    const waiting = holdArgument(
      held(),
      reply("w", "t", { status: "pending", citations: [citing(20)] }),
    );
    expect(waiting.partial?.cited).toEqual(held().partial?.cited);
    const approved = holdArgument(waiting, reply("w", "t", { citations: [citing(20)] }));
    expect(approved.partial?.cited).toContainEqual({
      documentId: "d",
      start: 20,
      end: 25,
      for: 0,
      against: 1,
    });
    expect(approved.arguments.find((a) => a.id === "t")?.replies).toEqual({ all: 10, direct: 6 });
  });

  it("takes loaded arguments in without counting them again, keeping what events changed", () => {
    const state = holdArgument(held(), reply("n", "t", { body: "as the event has it" }));
    const merged = mergeLoaded(state, [
      reply("n", "t", { body: "as the page read it", replies: { all: 0, direct: 0 } }),
      reply("m", "t", { replies: { all: 1, direct: 1 } }),
    ]);
    expect(merged.arguments.map((a) => a.id)).toEqual(["t", "r", "n", "m"]);
    expect(merged.arguments.find((a) => a.id === "n")?.body).toBe("as the event has it");
    expect(merged.arguments.find((a) => a.id === "n")?.replies).toEqual({ all: 0, direct: 0 });
    expect(merged.arguments.find((a) => a.id === "t")?.replies).toEqual({ all: 10, direct: 6 });
    expect(merged.partial).toEqual(state.partial);
  });
});
