import { describe, expect, it } from "vitest";
import { type LiveState, liveStateOf, reduceLive } from "../../app/motions/[id]/live/liveState";
import { argumentView, liveMotionAt, motionEvent } from "../support/views";

const ids = (state: LiveState) => state.motion.arguments.map((a) => a.id);

describe("a live motion's page state", () => {
  it("drops a page of arguments asked for before the motion was read whole again; one asked for after joins", () => {
    const before = liveStateOf({ ...liveMotionAt(10), arguments: [argumentView("a")] });
    // Read whole again (a long gap): "gone" was withdrawn meanwhile, the motion is at seq 12.
    const reset = reduceLive(before, {
      type: "reset",
      motion: { ...liveMotionAt(12), arguments: [argumentView("a"), argumentView("b")] },
    });
    expect(reset.generation).toBe(1);
    const stale = reduceLive(reset, {
      type: "loaded",
      page: { seq: 10, generation: 0, arguments: [argumentView("gone")] },
    });
    expect(stale).toBe(reset);
    const fresh = reduceLive(reset, {
      type: "loaded",
      page: { seq: 12, generation: 1, arguments: [argumentView("c")] },
    });
    expect(ids(fresh)).toEqual(["a", "b", "c"]);
  });

  it("keeps a page read after the state's seq until the events before it come, and forgets it when the motion is read whole again", () => {
    const state = liveStateOf(liveMotionAt(10));
    const early = reduceLive(state, {
      type: "loaded",
      page: { seq: 11, generation: 0, arguments: [argumentView("p")] },
    });
    expect(ids(early)).toEqual([]);
    expect(early.waiting).toHaveLength(1);
    const posted = motionEvent(11, "argument.posted", { argument: argumentView("n") });
    const caught = reduceLive(early, { type: "events", events: [posted] });
    expect(ids(caught)).toEqual(["n", "p"]);
    expect(caught.waiting).toEqual([]);
    const reset = reduceLive(early, { type: "reset", motion: liveMotionAt(11) });
    expect(reset.waiting).toEqual([]);
  });
});
