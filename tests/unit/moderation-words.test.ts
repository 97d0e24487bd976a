import { describe, expect, it } from "vitest";
import {
  MODERATION_TYPES,
  type ModerationAction,
  type ModerationType,
  moderationSentence,
} from "../../lib/moderationWords";
import { initialSession } from "../../lib/session";

// The sentences read only the fields below; the rest of a view is beside the point here.
const argument = { id: "a1" } as never;
const settings = {} as never;
const running = { ...initialSession, phase: "opening-vote" as const, clock: "running" as const };

/** One entry of every type the log lists: a type missing here fails to compile. */
const examples: { [K in ModerationType]: Extract<ModerationAction, { type: K }> } = {
  "motion.settings": { type: "motion.settings", data: { settings, session: initialSession } },
  "motion.edited": { type: "motion.edited", data: { title: "T", description: "" } },
  "citation.reviewed": {
    type: "citation.reviewed",
    data: { argumentId: "a1", action: "detach", exact: "x", citations: [], detached: [] },
  },
  "motion.status": { type: "motion.status", data: { status: "closed", previous: "open" } },
  "argument.approved": { type: "argument.approved", data: { argument } },
  "argument.rejected": {
    type: "argument.rejected",
    data: { argumentId: "a1", reason: "cite the reading", onlyFor: "u1" },
  },
  "session.phase": { type: "session.phase", data: { action: "start", session: running } },
  "session.timer": { type: "session.timer", data: { session: running } },
  "session.side": { type: "session.side", data: { userId: "u1", side: "for", session: running } },
  "motion.locked": { type: "motion.locked", data: { locked: true, status: "open" } },
  "argument.hidden": { type: "argument.hidden", data: { argumentId: "a1", reason: "off topic" } },
  "argument.restored": { type: "argument.restored", data: { argument } },
  "argument.pinned": { type: "argument.pinned", data: { argumentId: "a1", pinned: true } },
  "argument.spotlighted": { type: "argument.spotlighted", data: { argumentId: "a1" } },
};

describe("the moderation log in words", () => {
  it.each(MODERATION_TYPES)("says what %s did in a sentence, not the event's name", (type) => {
    const sentence = moderationSentence(examples[type]);
    expect(sentence).toMatch(/^[A-Z][a-z]+ /);
    expect(sentence).not.toContain(type);
    expect(sentence).not.toMatch(/\w\.\w/);
  });

  it("names the phase started and the reason given", () => {
    expect(moderationSentence(examples["session.phase"])).toBe("Started the opening vote");
    expect(moderationSentence(examples["argument.hidden"])).toBe("Hid an argument: “off topic”");
    expect(moderationSentence(examples["motion.edited"])).toBe("Edited the motion");
  });
});
