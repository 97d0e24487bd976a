import { z } from "zod";
import { ClientId, Id } from "./ids";
import { text } from "./text";

/**
 * The gradebook: what each member did on each motion of a space, and a score out of 100 from
 * the rubric the teacher sets per motion. Plain JSON, for the REST API, the CSV and the page.
 *
 * The score of a member on a motion, with the rubric's weights w and counts for full marks (caps):
 *
 *     posting    = min(posts / postsCap, 1)        posts: published arguments and replies
 *     evidence   = min(passages / passagesCap, 1)  passages: distinct passages they cited
 *     engagement = min(answers / answersCap, 1)    answers: replies attacking others' arguments
 *     mark       = teacher's mark / 100            (0 while there is no mark)
 *     score      = 100 * (wP*posting + wE*evidence + wG*engagement + wM*mark) / (wP+wE+wG+wM)
 *
 * rounded to one decimal. A member's total is the mean of their scores over the space's
 * motions, rounded the same way.
 */

export const MAX_COMMENT_LENGTH = 2_000;

const Weight = z
  .number({ error: "must be a whole number from 0 to 100" })
  .int("must be a whole number from 0 to 100")
  .min(0, "must be a whole number from 0 to 100")
  .max(100, "must be a whole number from 0 to 100");

const Cap = z
  .number({ error: "must be a whole number from 1 to 50" })
  .int("must be a whole number from 1 to 50")
  .min(1, "must be at least 1: the count that earns this part in full")
  .max(50, "must be a whole number from 1 to 50");

export const Rubric = z
  .object({
    postingWeight: Weight,
    evidenceWeight: Weight,
    engagementWeight: Weight,
    markWeight: Weight,
    postsCap: Cap,
    passagesCap: Cap,
    answersCap: Cap,
  })
  .refine((r) => r.postingWeight + r.evidenceWeight + r.engagementWeight + r.markWeight > 0, {
    message: "At least one weight must be above 0: the score is shared out by the weights.",
    params: { sentence: true },
  });
export type Rubric = z.infer<typeof Rubric>;

/** How a motion is graded until its teacher sets a rubric. */
export const defaultRubric: Rubric = {
  postingWeight: 40,
  evidenceWeight: 30,
  engagementWeight: 30,
  markWeight: 0,
  postsCap: 3,
  passagesCap: 2,
  answersCap: 2,
};

/** `rubric:set`: a motion's rubric, every field given. */
export const SetRubric = z.intersection(z.object({ motionId: Id, clientId: ClientId }), Rubric);
export type SetRubric = z.input<typeof SetRubric>;

/** `grade:mark`: the teacher's mark (null: none yet) and comment for one member on a motion. */
export const MarkGrade = z.object({
  motionId: Id,
  clientId: ClientId,
  userId: Id,
  mark: z
    .number({ error: "must be a whole number from 0 to 100, or null" })
    .int("must be a whole number from 0 to 100, or null")
    .min(0, "must be a whole number from 0 to 100, or null")
    .max(100, "must be a whole number from 0 to 100, or null")
    .nullable(),
  comment: text()
    .trim()
    .max(MAX_COMMENT_LENGTH, `is too long (${MAX_COMMENT_LENGTH} characters at most)`)
    .default(""),
});
export type MarkGrade = z.input<typeof MarkGrade>;

/** What a member did on one motion: the counts the score is made of, and the others shown. */
export interface GradeFigures {
  /** Published arguments on the motion itself (for or against). */
  arguments: number;
  /** Published replies to other arguments. */
  replies: number;
  /** Citations in their published arguments and replies. */
  citations: number;
  /** Distinct passages those citations quote. */
  passages: number;
  /** Published replies by others to their published posts. */
  repliesReceived: number;
  /** Published replies of theirs that attack another member's argument. */
  answers: number;
  /** The mean strength (0 to 4) others gave their published posts; null when nobody rated them. */
  meanStrength: number | null;
  /** Votes cast: 0, 1 or 2 (before and after). */
  votes: number;
}

/** One member's grade on one motion. */
export interface MotionGrade extends GradeFigures {
  motionId: string;
  /** The teacher's mark out of 100, or null. */
  mark: number | null;
  comment: string;
  /** Each part of the score, 0 to 1, before its weight. */
  parts: { posting: number; evidence: number; engagement: number; mark: number };
  /** Out of 100, one decimal. */
  score: number;
}

export interface GradebookMotion {
  id: string;
  title: string;
  anonymous: boolean;
  rubric: Rubric;
}

export interface GradebookRow {
  user: { id: string; name: string; email: string | null };
  role: "participant" | "observer";
  grades: MotionGrade[];
  /** The mean of the motion scores, one decimal; null when the space has no motions. */
  total: number | null;
}

export interface Gradebook {
  space: { id: string; name: string };
  motions: GradebookMotion[];
  rows: GradebookRow[];
}

/** A member's own grades: the same shape, their row alone. */
export interface OwnGrades {
  space: { id: string; name: string };
  motions: GradebookMotion[];
  row: GradebookRow;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const part = (count: number, cap: number) => Math.min(count / cap, 1);

/** The score's parts and the score itself, as the formula at the top of this file says. */
export function scoreOf(
  figures: Pick<GradeFigures, "arguments" | "replies" | "passages" | "answers">,
  mark: number | null,
  rubric: Rubric,
): Pick<MotionGrade, "parts" | "score"> {
  const parts = {
    posting: part(figures.arguments + figures.replies, rubric.postsCap),
    evidence: part(figures.passages, rubric.passagesCap),
    engagement: part(figures.answers, rubric.answersCap),
    mark: (mark ?? 0) / 100,
  };
  const weights =
    rubric.postingWeight + rubric.evidenceWeight + rubric.engagementWeight + rubric.markWeight;
  const sum =
    rubric.postingWeight * parts.posting +
    rubric.evidenceWeight * parts.evidence +
    rubric.engagementWeight * parts.engagement +
    rubric.markWeight * parts.mark;
  return { parts, score: oneDecimal((100 * sum) / weights) };
}

/** The mean of the motion scores, one decimal; null without motions. */
export function totalOf(grades: Pick<MotionGrade, "score">[]): number | null {
  if (grades.length === 0) return null;
  // In whole tenths, so that a mean ending in a half rounds up rather than as floats fall.
  const tenths = grades.reduce((sum, g) => sum + Math.round(g.score * 10), 0);
  return Math.round(tenths / grades.length) / 10;
}
