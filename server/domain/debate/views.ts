import type { ArgumentRow, CitationRow, Repos, VoteRow } from "../../../db/store";
import {
  type ArgumentView,
  agreementOf,
  emptyTally,
  type Strength,
  type VoteTally,
} from "../../../lib/debate";
import { anchorTexts, passageView } from "../library/passageView";

/**
 * Arguments as readers see them: with their citations and strength; withdrawn ones emptied,
 * and hidden ones too unless the reader moderates (`revealHidden`). Rows stored by this very
 * transaction (`justStored`, with the citations stored with them) have no ratings or stances
 * yet, and nothing is read back.
 */
export async function argumentViews(
  repos: Repos,
  rows: ArgumentRow[],
  options: ViewOptions = {},
): Promise<ArgumentView[]> {
  if (rows.length <= CHUNK) return viewsOf(repos, rows, options);
  // A whole big debate in slices, letting other requests run in between: each read of the
  // embedded database holds the event loop while it runs.
  const views: ArgumentView[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    views.push(...(await viewsOf(repos, rows.slice(i, i + CHUNK), options)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return views;
}

/**
 * How many arguments one turn reads by their ids (their quotes, ratings and stances): a turn of
 * 500 held the event loop for 10-20 ms here, one of 250 about half that.
 */
export const CHUNK = 250;

interface ViewOptions {
  revealHidden?: boolean;
  justStored?: { citations: CitationRow[] };
}

async function viewsOf(
  repos: Repos,
  rows: ArgumentRow[],
  { revealHidden = false, justStored }: ViewOptions = {},
): Promise<ArgumentView[]> {
  const ids = rows.map((row) => row.id);
  const [citations, ratings, agreements] = await Promise.all([
    justStored ? justStored.citations : repos.arguments.citations(ids),
    justStored ? [] : repos.ratings.list(ids),
    justStored ? [] : repos.agreements.list(ids),
  ]);
  const texts = await anchorTexts(repos, citations);
  const citationsOf = groupBy(citations, (c) => c.argumentId);
  const scoresOf = groupBy(ratings, (r) => r.argumentId);
  const stancesOf = groupBy(agreements, (a) => a.argumentId);
  return rows.map((row) => {
    const cited = citationsOf.get(row.id) ?? [];
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
        : cited.filter((c) => c.anchorStatus !== "detached").map((c) => passageView(c, texts)),
      detached: withdrawn
        ? []
        : cited.filter((c) => c.anchorStatus === "detached").map((c) => c.exact),
      strength: strengthOf((scoresOf.get(row.id) ?? []).map((r) => r.score)),
      agreement: agreementOf((stancesOf.get(row.id) ?? []).map((a) => a.stance)),
    };
  });
}

export function strengthOf(scores: number[]): Strength {
  if (scores.length === 0) return { mean: null, count: 0 };
  const total = scores.reduce((sum, score) => sum + score, 0);
  return { mean: meanOf(total, scores.length), count: scores.length };
}

/** The mean of `count` scores adding up to `total`, rounded to hundredths as strengths show it. */
export const meanOf = (total: number, count: number) => Math.round((total / count) * 100) / 100;

export function tallyOf(votes: VoteRow[]): VoteTally {
  const tally = emptyTally();
  for (const vote of votes) tally[vote.phase][vote.stance] += 1;
  return tally;
}

/** Items by a key, in their order. */
export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
