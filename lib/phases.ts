import { z } from "zod";

/**
 * A structured (Oxford-style) debate runs through these phases in order. The server keeps a
 * deadline for the running phase, never a countdown: every screen derives the same time left.
 */
export const PHASES = [
  "opening-vote",
  "opening-statements",
  "open-floor",
  "rebuttals",
  "closing-statements",
  "final-vote",
] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

export const phaseLabels: Record<Phase, string> = {
  "opening-vote": "Opening vote",
  "opening-statements": "Opening statements",
  "open-floor": "Open floor",
  rebuttals: "Rebuttals",
  "closing-statements": "Closing statements",
  "final-vote": "Final vote",
};

/** How long each phase runs unless the moderator says otherwise, in seconds. */
export const phaseSeconds: Record<Phase, number> = {
  "opening-vote": 120,
  "opening-statements": 300,
  "open-floor": 900,
  rebuttals: 300,
  "closing-statements": 300,
  "final-vote": 120,
};

/** The longest a phase may be set to run: a lesson, not a day. */
export const MAX_PHASE_SECONDS = 3 * 60 * 60;

/** The moderator's own phase lengths, in seconds; a phase not named runs its default length. */
export const PhaseLengths = z.partialRecord(Phase, z.number().int().min(10).max(MAX_PHASE_SECONDS));
export type PhaseLengths = z.infer<typeof PhaseLengths>;

/** How long `phase` runs under the motion's settings, in seconds. */
export const phaseLength = (phase: Phase, lengths: PhaseLengths | undefined): number =>
  lengths?.[phase] ?? phaseSeconds[phase];
