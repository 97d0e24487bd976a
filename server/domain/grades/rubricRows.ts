import type { RubricRow } from "../../../db/store";
import { defaultRubric, type Rubric } from "../../../lib/grades";

/** The rubric a stored row holds, or the default for a motion without one. */
export function rubricOf(row: RubricRow | undefined): Rubric {
  if (!row) return defaultRubric;
  const {
    postingWeight,
    evidenceWeight,
    engagementWeight,
    markWeight,
    postsCap,
    passagesCap,
    answersCap,
  } = row;
  return {
    postingWeight,
    evidenceWeight,
    engagementWeight,
    markWeight,
    postsCap,
    passagesCap,
    answersCap,
  };
}
