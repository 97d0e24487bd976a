import { z } from "zod";
import { QuoteSelector } from "./anchoring";
import { AgreementStance, ArgumentRelation, MotionSettings, Stance, VotePhase } from "./debate";
import { ClientId, Id } from "./ids";
import { PhaseAction } from "./session";
import { requiredAs, text, visible } from "./text";

/** Payloads of the debate commands: the same over Socket.IO and REST, checked on both sides. */

export const MAX_ARGUMENT_LENGTH = 5_000;
export const MAX_CITATIONS = 10;

const Body = visible(
  text(requiredAs("text"))
    .trim()
    .min(1, "is empty")
    .max(MAX_ARGUMENT_LENGTH, `is too long (${MAX_ARGUMENT_LENGTH} characters at most)`),
  "An argument",
);

// Extended rather than intersected: zod checks an intersection's two sides apart and then merges
// them, the dearest step in checking a post.
export const Citation = QuoteSelector.safeExtend({ documentId: Id });
export type Citation = z.infer<typeof Citation>;

export const PostArgument = z
  .object({
    motionId: Id,
    clientId: ClientId,
    parentId: Id.nullable().default(null),
    relation: ArgumentRelation,
    body: Body,
    citations: z
      .array(Citation)
      .max(MAX_CITATIONS, `at most ${MAX_CITATIONS} citations per argument`)
      .default([]),
  })
  .refine((p) => (p.parentId === null) === (p.relation === "for" || p.relation === "against"), {
    message: 'an argument on the motion is "for" or "against"; a reply "supports" or "attacks"',
    path: ["relation"],
  });
export type PostArgument = z.input<typeof PostArgument>;

export const EditArgument = z.object({ argumentId: Id, clientId: ClientId, body: Body });
export type EditArgument = z.input<typeof EditArgument>;

export const WithdrawArgument = z.object({ argumentId: Id, clientId: ClientId });
export type WithdrawArgument = z.input<typeof WithdrawArgument>;

export const CastVote = z.object({
  motionId: Id,
  clientId: ClientId,
  phase: VotePhase,
  stance: Stance,
});
export type CastVote = z.input<typeof CastVote>;

export const RateArgument = z.object({
  argumentId: Id,
  clientId: ClientId,
  score: z.number({ error: "must be a whole number from 0 to 4" }).int().min(0).max(4),
});
export type RateArgument = z.input<typeof RateArgument>;

export const AgreeArgument = z.object({
  argumentId: Id,
  clientId: ClientId,
  stance: AgreementStance,
});
export type AgreeArgument = z.input<typeof AgreeArgument>;

/** A moderator's commands: settings, lock, hide and restore, pin, spotlight. */

const Reason = visible(
  text(requiredAs("text"))
    .trim()
    .min(1, "is required: say why, for the log")
    .max(500, "is too long (500 characters at most)"),
  "A reason",
);

export const ChangeSettings = z.object({
  motionId: Id,
  clientId: ClientId,
  settings: MotionSettings.partial(),
});
export type ChangeSettings = z.input<typeof ChangeSettings>;

export const LockMotion = z.object({ motionId: Id, clientId: ClientId, locked: z.boolean() });
export type LockMotion = z.input<typeof LockMotion>;

export const HideArgument = z.object({ argumentId: Id, clientId: ClientId, reason: Reason });
export type HideArgument = z.input<typeof HideArgument>;

export const RestoreArgument = z.object({ argumentId: Id, clientId: ClientId });
export type RestoreArgument = z.input<typeof RestoreArgument>;

export const PinArgument = z.object({ argumentId: Id, clientId: ClientId, pinned: z.boolean() });
export type PinArgument = z.input<typeof PinArgument>;

export const SpotlightArgument = z.object({
  motionId: Id,
  clientId: ClientId,
  argumentId: Id.nullable(),
});
export type SpotlightArgument = z.input<typeof SpotlightArgument>;

export const ApproveArgument = z.object({ argumentId: Id, clientId: ClientId });
export type ApproveArgument = z.input<typeof ApproveArgument>;

export const RejectArgument = z.object({
  argumentId: Id,
  clientId: ClientId,
  reason: visible(
    text().trim().max(500, "is too long (500 characters at most)"),
    "A reason",
  ).default(""),
});
export type RejectArgument = z.input<typeof RejectArgument>;

/** A phase's time, in whole seconds: up to two hours. */
const Seconds = z
  .number({ error: "must be a whole number of seconds" })
  .int("must be a whole number of seconds")
  .min(0, "cannot be negative")
  .max(7200, "is too long (7200 seconds at most)");

export const RunPhase = z.object({
  motionId: Id,
  clientId: ClientId,
  action: PhaseAction,
  /** start, advance: the phase's length (else its usual one); extend: how much longer (60). */
  seconds: Seconds.optional(),
});
export type RunPhase = z.input<typeof RunPhase>;

export const SetTimer = z.object({ motionId: Id, clientId: ClientId, seconds: Seconds });
export type SetTimer = z.input<typeof SetTimer>;

export const AssignSide = z.object({
  motionId: Id,
  clientId: ClientId,
  userId: Id,
  side: z.enum(["for", "against"]).nullable(),
});
export type AssignSide = z.input<typeof AssignSide>;

/** The title a draft starts with until its moderator words it; it cannot open under it. */
export const DRAFT_TITLE = "Untitled motion";

/** A draft's wording, before it opens. */
export const EditMotion = z.object({
  motionId: Id,
  clientId: ClientId,
  title: visible(
    text().trim().min(1, "is empty").max(300, "is too long (300 characters at most)"),
    "A title",
  ),
  description: visible(
    text().trim().max(5_000, "is too long (5,000 characters at most)"),
    "A description",
  ).default(""),
});
export type EditMotion = z.input<typeof EditMotion>;

/** draft → open → closed → archived; a closed motion may open again. */
export const ChangeMotionStatus = z.object({
  motionId: Id,
  clientId: ClientId,
  status: z.enum(["open", "closed", "archived"]),
});
export type ChangeMotionStatus = z.input<typeof ChangeMotionStatus>;

/**
 * A moderator's decision on a citation re-anchoring could not settle: accept where it was found
 * (fuzzy), cite `quote` instead (a passage of the current version, found once), or detach it.
 */
export const ReviewCitation = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("accept"),
    argumentId: Id,
    clientId: ClientId,
    position: z.number().int().nonnegative(),
  }),
  z.object({
    action: z.literal("detach"),
    argumentId: Id,
    clientId: ClientId,
    position: z.number().int().nonnegative(),
  }),
  z.object({
    action: z.literal("repick"),
    argumentId: Id,
    clientId: ClientId,
    position: z.number().int().nonnegative(),
    quote: text().trim().min(1, "is empty: paste the passage to cite instead"),
  }),
]);
export type ReviewCitation = z.input<typeof ReviewCitation>;
