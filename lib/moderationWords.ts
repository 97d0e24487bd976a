import type { MotionStatus } from "./debate";
import type { MotionEventData, MotionEventType, SharedSession } from "./protocol";
import { type PhaseAction, phaseLabels } from "./session";

/** The event types a motion's moderation log lists: what moderators did, not what members said. */
export const MODERATION_TYPES = [
  "motion.settings",
  "motion.edited",
  "citation.reviewed",
  "motion.status",
  "argument.approved",
  "argument.rejected",
  "session.phase",
  "session.timer",
  "session.side",
  "motion.locked",
  "argument.hidden",
  "argument.restored",
  "argument.pinned",
  "argument.spotlighted",
] as const satisfies MotionEventType[];
export type ModerationType = (typeof MODERATION_TYPES)[number];

const because = (reason: string | null) => (reason ? `: “${reason}”` : "");

function phaseSentence(action: PhaseAction, session: SharedSession): string {
  if (action === "pause") return "Paused the clock";
  if (action === "resume") return "Resumed the clock";
  if (action === "extend") return "Gave the phase more time";
  if (!session.phase) return "Ended the debate";
  const phase = phaseLabels[session.phase].toLowerCase();
  return action === "start" ? `Started the ${phase}` : `Moved on to the ${phase}`;
}

const statusSentences: Record<MotionStatus, string> = {
  draft: "Put the motion back in draft",
  open: "Opened the motion",
  closed: "Closed the motion",
  archived: "Archived the motion",
};

const citationSentences: Record<MotionEventData["citation.reviewed"]["action"], string> = {
  accept: "Accepted a moved citation where it was found",
  detach: "Detached a citation its passage no longer holds",
  repick: "Picked a new passage for a citation",
};

/**
 * One sentence per moderation type, keyed so the compiler refuses a type without words: the log
 * shows people what happened, never an event's internal name.
 */
const sentences: { [K in ModerationType]: (data: MotionEventData[K]) => string } = {
  "motion.settings": () => "Changed the settings",
  "motion.edited": () => "Edited the motion",
  "citation.reviewed": (data) => citationSentences[data.action],
  "motion.status": (data) => statusSentences[data.status],
  "argument.approved": () => "Approved a post",
  "argument.rejected": (data) => `Rejected a post${because(data.reason)}`,
  "session.phase": (data) => phaseSentence(data.action, data.session),
  "session.timer": () => "Set the clock",
  "session.side": (data) =>
    data.side ? `Assigned a speaker ${data.side} the motion` : "Unassigned a speaker",
  "motion.locked": (data) => (data.locked ? "Locked the motion" : "Unlocked the motion"),
  "argument.hidden": (data) => `Hid an argument${because(data.reason)}`,
  "argument.restored": () => "Restored a hidden argument",
  "argument.pinned": (data) => (data.pinned ? "Pinned an argument" : "Unpinned an argument"),
  "argument.spotlighted": (data) =>
    data.argumentId ? "Put an argument in the spotlight" : "Cleared the spotlight",
};

/** A moderation entry's type and data, as the log holds them. */
export type ModerationAction = {
  [K in ModerationType]: { type: K; data: MotionEventData[K] };
}[ModerationType];

/** What a moderation entry did, in words; its data says to what, and why where asked. */
export function moderationSentence(entry: ModerationAction): string {
  const sentence = sentences[entry.type] as (data: ModerationAction["data"]) => string;
  return sentence(entry.data);
}
