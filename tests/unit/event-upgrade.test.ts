import { describe, expect, it } from "vitest";
import { upgradeEvent } from "../../lib/eventLog";
import { EVENT_VERSIONS, MOTION_EVENT_TYPES } from "../../lib/protocol";
import { initialSession } from "../../lib/session";
import { toMotionEvent } from "../../server/domain/events";
import { argumentView } from "../support/views";

const at = new Date("2026-01-01T00:00:00.000Z");
const row = { motionId: "m", seq: 4, actorId: "u", at };

/** What a version-1 row held: an argument logged before pseudonyms and rejections were kept. */
const { pseudonym: _, rejectionReason: __, ...oldArgument } = argumentView("a", { body: "words" });

describe("events stored in an earlier shape", () => {
  it("an argument posted before pseudonyms reads with none, and names nobody", () => {
    const event = upgradeEvent({
      ...row,
      type: "argument.posted",
      version: 1,
      data: { argument: oldArgument },
    });
    expect(event.type).toBe("argument.posted");
    expect(event.data).toEqual({
      argument: { ...oldArgument, pseudonym: 0, rejectionReason: null },
    });
  });

  it("a re-anchoring logged before sources moved says no source moved", () => {
    const arguments_ = [{ argumentId: "a", citations: [] }];
    const event = upgradeEvent({
      ...row,
      type: "evidence.reanchored",
      version: 1,
      data: { documentId: "d", versionId: "v", arguments: arguments_ },
    });
    expect(event.data).toEqual({
      documentId: "d",
      versionId: "v",
      sources: [],
      arguments: arguments_,
    });
  });

  it("a change of settings logged before sessions existed leaves the session as it began", () => {
    const settings = { evidenceRequired: true, approvalRequired: false, anonymous: false };
    const event = upgradeEvent({
      ...row,
      type: "motion.settings",
      version: 1,
      data: { settings: { ...settings, format: "free" } },
    });
    expect(event.data).toEqual({
      settings: { ...settings, format: "free" },
      session: initialSession,
    });
    const running = { ...initialSession, phase: "open-floor", clock: "running" };
    const later = upgradeEvent({
      ...row,
      type: "motion.settings",
      version: 1,
      data: { settings: { ...settings, format: "oxford" }, session: running },
    });
    expect(later.data).toEqual({ settings: { ...settings, format: "oxford" }, session: running });
  });

  it("a row of the current version reads as written, and a client never sees its version", () => {
    const argument = argumentView("a", { pseudonym: 3 });
    const stored = upgradeEvent({
      ...row,
      type: "argument.approved",
      version: EVENT_VERSIONS["argument.approved"],
      data: { argument },
    });
    expect(stored.data).toEqual({ argument });
    expect(toMotionEvent(stored)).toEqual({
      motionId: "m",
      seq: 4,
      type: "argument.approved",
      data: { argument },
      actor: "u",
      at: at.toISOString(),
    });
  });

  it("every type has a way from version 1 to its current one; an unknown type is refused", () => {
    for (const type of MOTION_EVENT_TYPES) {
      expect(() => upgradeEvent({ ...row, type, version: 1, data: {} })).not.toThrow();
    }
    expect(() => upgradeEvent({ ...row, type: "argument.liked", version: 1, data: {} })).toThrow(
      /unknown event type argument.liked/,
    );
  });
});
