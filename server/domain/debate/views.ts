import type { ArgumentRow, Repos, VoteRow } from "../../../db/store";
import { type ArgumentView, emptyTally, type Strength, type VoteTally } from "../../../lib/debate";
import { anchorTexts, passageView } from "../library/passageView";

/**
 * Arguments as readers see them: with their citations and strength; withdrawn ones emptied,
 * and hidden ones too unless the reader moderates (`revealHidden`).
 */
export async function argumentViews(
  repos: Repos,
  rows: ArgumentRow[],
  { revealHidden = false } = {},
): Promise<ArgumentView[]> {
  const ids = rows.map((row) => row.id);
  const [citations, ratings] = await Promise.all([
    repos.arguments.citations(ids),
    repos.ratings.list(ids),
  ]);
  const texts = await anchorTexts(repos, citations);
  return rows.map((row) => {
    const withdrawn =
      row.status === "withdrawn" ||
      row.status === "retracted" ||
      (row.status === "hidden" && !revealHidden);
    return {
      id: row.id,
      motionId: row.motionId,
      parentId: row.parentId,
      relation: row.relation,
      body: withdrawn ? "" : row.body,
      author: { id: row.authorId, name: row.authorName },
      pseudonym: row.pseudonym,
      status: row.status,
      rejectionReason: row.rejectionReason,
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      // A citation a moderator detached is no longer part of the argument.
      citations: withdrawn
        ? []
        : citations
            .filter((c) => c.argumentId === row.id && c.anchorStatus !== "detached")
            .map((c) => passageView(c, texts)),
      detached: withdrawn
        ? []
        : citations
            .filter((c) => c.argumentId === row.id && c.anchorStatus === "detached")
            .map((c) => c.exact),
      strength: strengthOf(ratings.filter((r) => r.argumentId === row.id).map((r) => r.score)),
    };
  });
}

export function strengthOf(scores: number[]): Strength {
  if (scores.length === 0) return { mean: null, count: 0 };
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  return { mean: Math.round(mean * 100) / 100, count: scores.length };
}

export function tallyOf(votes: VoteRow[]): VoteTally {
  const tally = emptyTally();
  for (const vote of votes) tally[vote.phase][vote.stance] += 1;
  return tally;
}
