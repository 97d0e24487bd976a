import {
  type MotionSettings,
  type MotionStatus,
  type Stance,
  shareOf,
  supportShift,
  type Tally,
  type VotePhase,
  type VoteTally,
} from "./debate";
import type { OpinionsOutline } from "./opinionGroups";
import type { SessionState } from "./session";
import type { SpaceRole } from "./spaces";

/** What the teacher learns after a debate: plain JSON, for the REST API and the results page. */

export type Winner = "for" | "against" | "tie";

export interface Mover {
  user: { id: string; name: string };
  before: Stance | null;
  after: Stance | null;
}

export interface CitedPassage {
  documentId: string;
  documentTitle: string;
  start: number;
  end: number;
  /** The quoted text. */
  exact: string;
  /** How many citations by arguments of this side quote it. */
  count: number;
}

export interface MotionResult {
  votes: VoteTally;
  /** Points the "for" share moved from the vote before to the vote after. */
  shift: number;
  /** null until the vote before and the vote after have at least one vote each. */
  winner: Winner | null;
  movers: Mover[];
  citedPassages: { for: CitedPassage[]; against: CitedPassage[] };
  /** The room's opinion groups, what every group agrees with, and what divides them. */
  opinions: OpinionsOutline | null;
}

export interface ParticipationRow {
  user: { id: string; name: string };
  /** null for someone who took part without being a member (a public space) or has left. */
  role: SpaceRole | null;
  arguments: { for: number; against: number };
  replies: { supports: number; attacks: number };
  citations: number;
  ratingsGiven: number;
  ratingsReceived: number;
  /** Votes cast: 0, 1 or 2 (before and after). */
  votes: number;
  minutesActive: number;
}

/** The results anyone who may read the motion sees: no one else's name or stance. */
export interface RoomResult extends Omit<MotionResult, "movers"> {
  /** The reader's own part, when signed in: what they did and how they voted. */
  mine:
    | (Omit<ParticipationRow, "user" | "role"> & { before: Stance | null; after: Stance | null })
    | null;
}

const totalOf = (tally: Tally) => tally.for + tally.against + tally.undecided;

/** Points a stance's share of the vote moved between the two votes. */
const growthOf = (votes: VoteTally, stance: Stance) =>
  shareOf(votes.after, stance) - shareOf(votes.before, stance);

/**
 * The Oxford-style winner: the side whose share of the vote grew more from before to after,
 * not the side with more votes at the end (a motion that starts popular can still lose).
 */
export function winnerOf(votes: VoteTally): Winner | null {
  if (totalOf(votes.before) === 0 || totalOf(votes.after) === 0) return null;
  const gap = growthOf(votes, "for") - growthOf(votes, "against");
  return gap > 0 ? "for" : gap < 0 ? "against" : "tie";
}

const moved = (points: number) =>
  points === 0
    ? "did not move"
    : `${points > 0 ? "rose" : "fell"} ${Math.abs(points)} point${Math.abs(points) === 1 ? "" : "s"}`;

const leads: Record<Winner, string> = { for: "For wins", against: "Against wins", tie: "A tie" };

/** "Against wins: support for the motion fell 12 points, opposition rose 10 points". */
export function winnerSentence(votes: VoteTally): string | null {
  const winner = winnerOf(votes);
  if (!winner) return null;
  return `${leads[winner]}: support for the motion ${moved(supportShift(votes))}, opposition ${moved(growthOf(votes, "against"))}`;
}

/** A member moved when they voted both times and their stance changed. */
export const hasMoved = (mover: Mover) =>
  mover.before !== null && mover.after !== null && mover.before !== mover.after;

/** Where a motion stands, as far as which of its votes may still be cast. */
export interface VoteTiming {
  status: MotionStatus;
  settings: Pick<MotionSettings, "format">;
  session: Pick<SessionState, "phase" | "clock">;
}

const openIn: Record<VotePhase, string> = { before: "opening-vote", after: "final-vote" };
const voteNames: Record<MotionSettings["format"], Record<VotePhase, string>> = {
  oxford: { before: "Opening vote", after: "Final vote" },
  free: { before: "Vote before the debate", after: "Vote after the debate" },
};

/** Whether no more votes can be cast: the motion is closed or archived, or its session ended. */
export const votingOver = (motion: VoteTiming) =>
  motion.status === "closed" ||
  motion.status === "archived" ||
  (motion.settings.format === "oxford" && motion.session.clock === "ended");

/**
 * What to say of a vote nobody has cast, or null once someone has: "0 of 0 (0%)" reads as a
 * result, and a room should see that the vote has not been taken (or is open now) instead.
 */
export function untakenVote(votes: VoteTally, phase: VotePhase, motion: VoteTiming): string | null {
  if (totalOf(votes[phase]) > 0) return null;
  const oxford = motion.settings.format === "oxford";
  const name = voteNames[motion.settings.format][phase];
  if (votingOver(motion)) return `${name}: nobody voted`;
  if (oxford && motion.session.phase === openIn[phase]) return `${name} open: no votes yet`;
  // In a structured debate the opening vote's phase, once past, does not come back.
  if (phase === "before" && oxford && motion.session.phase !== null) {
    return `${name}: nobody voted`;
  }
  return `${name} not taken yet`;
}
