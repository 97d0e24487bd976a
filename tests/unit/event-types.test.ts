import { describe, expect, it } from "vitest";
import type { NewEvent } from "../../db/store";
import type { EventBody } from "../../lib/eventLog";
import { MOTION_EVENT_TYPES, type MotionEvent } from "../../lib/protocol";

const envelope = { motionId: "m", seq: 1, actor: "u", at: "2026-01-01T00:00:00.000Z" };

/**
 * The event map is checked by the compiler: tsc (part of the tests) fails if a line marked
 * `@ts-expect-error` compiles, so an event with the wrong data cannot be written or sent.
 */
describe("the typed event log", () => {
  it("accepts an event whose data fits its type, and refuses one that does not", () => {
    const vote: MotionEvent = { ...envelope, type: "vote.cast", data: { votes: tally } };
    // @ts-expect-error a vote carries the tally, not an argument
    const wrong: MotionEvent = { ...envelope, type: "vote.cast", data: { argumentId: "x" } };
    // @ts-expect-error no such type
    const unknown: MotionEvent = { ...envelope, type: "argument.liked", data: {} };
    // @ts-expect-error a private stub says nothing
    const stub: MotionEvent = { ...envelope, type: "private", data: { argumentId: "x" } };
    expect([vote, wrong, unknown, stub]).toHaveLength(4);
  });

  it("appends only typed events, private ones with their reader", () => {
    const at = new Date(0);
    const hidden: NewEvent = {
      motionId: "m",
      type: "argument.hidden",
      data: { argumentId: "a", reason: "off topic" },
      actorId: "u",
      at,
    };
    // @ts-expect-error a rejection is private to its author: onlyFor is required
    const rejected: EventBody = {
      type: "argument.rejected",
      data: { argumentId: "a", reason: null },
    };
    const reanchored: EventBody = {
      type: "evidence.reanchored",
      // @ts-expect-error evidence.reanchored says where the motion's sources stand too
      data: { documentId: "d", versionId: "v", arguments: [] },
    };
    expect([hidden, rejected, reanchored]).toHaveLength(3);
  });

  it("lists every type at run time", () => {
    expect(MOTION_EVENT_TYPES).toContain("vote.cast");
    expect(MOTION_EVENT_TYPES).toContain("evidence.reanchored");
    expect(new Set(MOTION_EVENT_TYPES).size).toBe(MOTION_EVENT_TYPES.length);
  });
});

const tally = {
  before: { for: 0, against: 0, undecided: 0 },
  after: { for: 0, against: 0, undecided: 0 },
};
