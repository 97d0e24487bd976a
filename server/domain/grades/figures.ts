import type { ArgumentShape, Store } from "../../../db/store";
import type { GradeFigures } from "../../../lib/grades";
import { byIdsInTurns } from "../byIdsInTurns";
import { argumentShapesOf } from "../debate/shapeCache";

const noFigures = (): GradeFigures => ({
  arguments: 0,
  replies: 0,
  citations: 0,
  passages: 0,
  repliesReceived: 0,
  answers: 0,
  meanStrength: null,
  votes: 0,
});

const twoDecimals = (n: number) => Math.round(n * 100) / 100;

/**
 * What each of `userIds` did on the motion. Only published posts count (a pending, rejected,
 * hidden or withdrawn post earns nothing): the grade is for what the room could read. Replies,
 * ratings and answers count only between different people.
 */
export async function figuresOf(
  store: Store,
  motionId: string,
  userIds: string[],
): Promise<Map<string, GradeFigures>> {
  const figures = new Map(userIds.map((id) => [id, noFigures()]));
  const motion = await store.motions.get(motionId);
  if (!motion) return figures;
  // The motion's kept reading, without the words; a big debate's citations and ratings in turns.
  const [all, votes] = await Promise.all([
    argumentShapesOf(store, motion),
    store.votes.list(motionId),
  ]);
  const byId = new Map(all.map((a) => [a.id, a]));
  const published = all.filter((a) => a.status === "published");
  const authorOf = new Map(published.map((a) => [a.id, a.authorId]));
  for (const post of published) countPost(figures, post, byId);

  const ids = published.map((a) => a.id);
  const citations = await byIdsInTurns(ids, (some) => store.arguments.citations(some));
  const ratings = await byIdsInTurns(ids, (some) => store.ratings.list(some));
  const passages = new Map<string, Set<string>>();
  for (const citation of citations) {
    const author = authorOf.get(citation.argumentId) ?? "";
    const row = figures.get(author);
    if (!row) continue;
    row.citations += 1;
    const seen = passages.get(author) ?? new Set<string>();
    seen.add(`${citation.versionId}:${citation.start}:${citation.end}`);
    passages.set(author, seen);
  }
  for (const [author, seen] of passages) {
    const row = figures.get(author);
    if (row) row.passages = seen.size;
  }

  const strengths = new Map<string, { total: number; count: number }>();
  for (const rating of ratings) {
    const author = authorOf.get(rating.argumentId);
    if (!author || author === rating.userId) continue;
    const sum = strengths.get(author) ?? { total: 0, count: 0 };
    strengths.set(author, { total: sum.total + rating.score, count: sum.count + 1 });
  }
  for (const [author, { total, count }] of strengths) {
    const row = figures.get(author);
    if (row) row.meanStrength = twoDecimals(total / count);
  }

  for (const vote of votes) {
    const row = figures.get(vote.userId);
    if (row) row.votes += 1;
  }
  return figures;
}

function countPost(
  figures: Map<string, GradeFigures>,
  post: ArgumentShape,
  byId: Map<string, ArgumentShape>,
) {
  const row = figures.get(post.authorId);
  if (post.parentId === null) {
    if (row) row.arguments += 1;
    return;
  }
  if (row) row.replies += 1;
  const parent = byId.get(post.parentId);
  if (!parent || parent.authorId === post.authorId) return;
  // Attacking someone else's argument is answering the other side.
  if (row && post.relation === "attacks") row.answers += 1;
  const answered = parent.status === "published" ? figures.get(parent.authorId) : undefined;
  if (answered) answered.repliesReceived += 1;
}
