import { z } from "zod";
import type { ArgumentRelation, MotionSettings, VotePhase } from "./debate";
import { PHASES, type Phase, type PhaseLengths, phaseLabels, phaseLength } from "./phases";

export { PHASES, Phase, phaseLabels, phaseSeconds } from "./phases";

export type Side = "for" | "against";
export type SessionClock = "waiting" | "running" | "paused" | "ended";

export interface SessionState {
  /** The current phase; null before the start and after the end. */
  phase: Phase | null;
  clock: SessionClock;
  /** When the running phase's time is up (ISO); null unless running. */
  endsAt: string | null;
  /** The time left when paused, in milliseconds; null unless paused. */
  remainingMs: number | null;
  /** The speakers: members assigned to argue for or against the motion, by user id. */
  sides: Record<string, Side>;
}

export const initialSession: SessionState = {
  phase: null,
  clock: "waiting",
  endsAt: null,
  remainingMs: null,
  sides: {},
};

export const PhaseAction = z.enum(["start", "pause", "resume", "extend", "advance"]);
export type PhaseAction = z.infer<typeof PhaseAction>;

/** Time left in the phase at `now` (the server's clock, as the client estimates it). */
export function timeLeftMs(session: SessionState, now: number): number | null {
  if (session.clock === "paused") return session.remainingMs;
  if (session.clock !== "running" || !session.endsAt) return null;
  return Math.max(0, Date.parse(session.endsAt) - now);
}

/** "4:05" for a time left; minutes may run past 59. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

const statementPhases: ReadonlySet<Phase> = new Set(["opening-statements", "closing-statements"]);
const votePhaseOf: Partial<Record<Phase, VotePhase>> = {
  "opening-vote": "before",
  "final-vote": "after",
};

/** Why the phase refuses a vote now, or null when it may be cast. */
export function voteRefusal(
  settings: MotionSettings,
  session: SessionState,
  phase: VotePhase,
): string | null {
  if (settings.format !== "oxford") return null;
  if (session.phase && votePhaseOf[session.phase] === phase) return null;
  return phase === "before"
    ? "The vote before the debate is taken in the opening vote."
    : "The vote after the debate is taken in the final vote.";
}

/**
 * Why the phase refuses a post now, or null. Moderators run the room and are not held to it; in
 * the statement phases only the speakers open arguments, each on their own side.
 */
export function postRefusal(
  settings: MotionSettings,
  session: SessionState,
  post: { authorId: string; relation: ArgumentRelation; moderates: boolean },
): string | null {
  if (settings.format !== "oxford" || post.moderates) return null;
  const { phase } = session;
  if (phase === null) {
    return session.clock === "ended"
      ? "The debate is over: it takes no more posts."
      : "The debate has not started yet.";
  }
  if (votePhaseOf[phase]) return `${phaseLabels[phase]}: this phase is for voting, not posting.`;
  const topLevel = post.relation === "for" || post.relation === "against";
  if (!topLevel || !statementPhases.has(phase)) return null;
  const side = session.sides[post.authorId];
  if (!side) return `${phaseLabels[phase]}: only the assigned speakers post arguments now.`;
  if (side !== post.relation) return `${phaseLabels[phase]}: you speak ${side} the motion.`;
  return null;
}

const deadline = (now: number, ms: number) => new Date(now + ms).toISOString();

function running(session: SessionState, phase: Phase, ms: number, now: number): SessionState {
  return { ...session, phase, clock: "running", endsAt: deadline(now, ms), remainingMs: null };
}

/**
 * The session after a moderator's action at `now`, or why the action does not apply. `seconds`
 * is a phase's length for start and advance (else the motion's `lengths`, else the default), or
 * the time added by extend (a minute if unset).
 */
export function stepSession(
  session: SessionState,
  action: PhaseAction,
  seconds: number | undefined,
  now: number,
  lengths?: PhaseLengths,
): SessionState | { problem: string } {
  const lengthOf = (phase: Phase) => (seconds ?? phaseLength(phase, lengths)) * 1000;
  const left = timeLeftMs(session, now) ?? 0;
  switch (action) {
    case "start":
      if (session.clock !== "waiting") return { problem: "The debate has already started." };
      return running(session, PHASES[0], lengthOf(PHASES[0]), now);
    case "pause":
      if (session.clock !== "running") return { problem: "The clock is not running." };
      return { ...session, clock: "paused", endsAt: null, remainingMs: left };
    case "resume":
      if (session.clock !== "paused" || !session.phase)
        return { problem: "The clock is not paused." };
      return running(session, session.phase, left, now);
    case "extend": {
      if (!session.phase) return { problem: "No phase is under way." };
      const more = (seconds ?? 60) * 1000;
      return session.clock === "paused"
        ? { ...session, remainingMs: left + more }
        : running(session, session.phase, left + more, now);
    }
    case "advance": {
      if (!session.phase) return { problem: "No phase is under way." };
      const next = PHASES[PHASES.indexOf(session.phase) + 1];
      if (!next)
        return { ...session, phase: null, clock: "ended", endsAt: null, remainingMs: null };
      return running(session, next, lengthOf(next), now);
    }
  }
}

/** The current phase with exactly `seconds` left, keeping the clock as it is (running or paused). */
export function setSessionTimer(
  session: SessionState,
  seconds: number,
  now: number,
): SessionState | { problem: string } {
  if (!session.phase) return { problem: "No phase is under way." };
  return session.clock === "paused"
    ? { ...session, remainingMs: seconds * 1000 }
    : running(session, session.phase, seconds * 1000, now);
}
