import type {
  ArgumentRow,
  CitationRow,
  MotionRow,
  RatingRow,
  Store,
  StoredEvent,
  VoteRow,
} from "../../../db/store";
import { supportShift } from "../../../lib/debate";
import {
  type CitedPassage,
  hasMoved,
  type MotionResult,
  type Mover,
  type ParticipationRow,
  type RoomResult,
  winnerOf,
} from "../../../lib/results";
import type { Actor } from "../../policy";
import { byIdsInTurns } from "../byIdsInTurns";
import { done, type Outcome, refuse } from "../outcome";
import { moderatedMotion, namesOf } from "./guards";
import { citedIn } from "./motionSummary";
import { opinionsOutline } from "./opinions";
import { readableMotion } from "./queries";
import { argumentShapesOf, citedSpansOf } from "./shapeCache";
import { tallyOf } from "./views";

const TOP_PASSAGES = 5;
const LOG_PAGE = 1_000;

/** Everyone who voted, with both stances; those who changed sides first, then by name. */
async function moversOf(store: Store, votes: VoteRow[]): Promise<Mover[]> {
  const stances = new Map<string, Pick<Mover, "before" | "after">>();
  for (const vote of votes) {
    const mover = stances.get(vote.userId) ?? { before: null, after: null };
    mover[vote.phase] = vote.stance;
    stances.set(vote.userId, mover);
  }
  const names = await namesOf(store, stances.keys());
  return [...stances]
    .map(([id, stance]) => ({ user: { id, name: names.get(id) ?? id }, ...stance }))
    .sort(
      (a, b) => Number(hasMoved(b)) - Number(hasMoved(a)) || a.user.name.localeCompare(b.user.name),
    );
}

/**
 * The passages published arguments cite most, per side (a reply's side as sideOf says), as the
 * motion's kept reading counts them, each with the quote of the last published citation of it.
 */
async function mostCited(
  store: Store,
  motion: Pick<MotionRow, "id" | "lastSeq">,
): Promise<MotionResult["citedPassages"]> {
  const passages = await citedIn(store, motion);
  const top = (side: "for" | "against") =>
    passages
      .filter((p) => p[side] > 0)
      .sort((a, b) => b[side] - a[side])
      .slice(0, TOP_PASSAGES);
  const tops = { for: top("for"), against: top("against") };
  const key = (p: { documentId: string; start: number | null; end: number | null }) =>
    `${p.documentId}:${p.start}:${p.end}`;
  const shown = new Set([...tops.for, ...tops.against].map(key));
  const published = new Set(
    (await argumentShapesOf(store, motion))
      .filter((shape) => shape.status === "published")
      .map((shape) => shape.id),
  );
  const quoting = new Map<string, { argumentId: string; position: number }>();
  for (const span of await citedSpansOf(store, motion)) {
    const at = key({ documentId: span.documentId, start: span.anchorStart, end: span.anchorEnd });
    if (published.has(span.argumentId) && shown.has(at)) quoting.set(at, span);
  }
  const quoted = [...new Set([...quoting.values()].map((span) => span.argumentId))];
  const exact = new Map(
    (await store.arguments.citations(quoted)).map((c) => [
      `${c.argumentId}:${c.position}`,
      c.exact,
    ]),
  );
  const titles = new Map<string, string>();
  for (const documentId of new Set([...tops.for, ...tops.against].map((p) => p.documentId))) {
    titles.set(documentId, (await store.documents.get(documentId))?.title ?? "");
  }
  const shownOf = (side: "for" | "against"): CitedPassage[] =>
    tops[side].map(({ documentId, start, end, ...counts }) => {
      const span = quoting.get(key({ documentId, start, end }));
      return {
        documentId,
        documentTitle: titles.get(documentId) ?? "",
        start,
        end,
        exact: span ? (exact.get(`${span.argumentId}:${span.position}`) ?? "") : "",
        count: counts[side],
      };
    });
  return { for: shownOf("for"), against: shownOf("against") };
}

/** The opinion groups, or none when they could not be worked out now (the pool was full). */
async function outlineOrNone(store: Store, motionId: string) {
  const outline = await opinionsOutline(store, motionId);
  return "ok" in outline ? null : outline;
}

/** How the vote moved, who moved with it, and which passages each side leaned on. */
export async function motionResult(
  store: Store,
  actor: Actor,
  motionId: unknown,
): Promise<Outcome<MotionResult>> {
  const found = await moderatedMotion(store, actor, motionId);
  if (!found.ok) return found;
  const voteRows = await store.votes.list(found.value.id);
  const votes = tallyOf(voteRows);
  return done({
    votes,
    shift: supportShift(votes),
    winner: winnerOf(votes),
    movers: await moversOf(store, voteRows),
    citedPassages: await mostCited(store, found.value),
    opinions: await outlineOrNone(store, found.value.id),
  });
}

/** The motion's whole event log, read in pages so a long debate is not one huge read. */
export async function wholeLog(store: Store, motionId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let page = await store.events.after(motionId, 0, LOG_PAGE);
  events.push(...page);
  while (page.length === LOG_PAGE) {
    page = await store.events.after(motionId, page.at(-1)?.seq ?? 0, LOG_PAGE);
    events.push(...page);
  }
  return events;
}

const emptyRow = (
  user: ParticipationRow["user"],
  role: ParticipationRow["role"],
): ParticipationRow => ({
  user,
  role,
  arguments: { for: 0, against: 0 },
  replies: { supports: 0, attacks: 0 },
  citations: 0,
  ratingsGiven: 0,
  ratingsReceived: 0,
  votes: 0,
  minutesActive: 0,
});

interface Activity {
  args: Pick<ArgumentRow, "id" | "authorId" | "relation">[];
  citations: Pick<CitationRow, "argumentId">[];
  ratings: RatingRow[];
  votes: VoteRow[];
  events: Pick<StoredEvent, "actorId" | "at">[];
}

/** Adds what was done to the row of whoever did it (rows of people not listed are skipped). */
function count(rows: Map<string, ParticipationRow>, activity: Activity) {
  const authorOf = new Map(activity.args.map((a) => [a.id, a.authorId]));
  for (const argument of activity.args) {
    const row = rows.get(argument.authorId);
    if (!row) continue;
    if (argument.relation === "for" || argument.relation === "against") {
      row.arguments[argument.relation] += 1;
    } else {
      row.replies[argument.relation] += 1;
    }
  }
  for (const citation of activity.citations) {
    const row = rows.get(authorOf.get(citation.argumentId) ?? "");
    if (row) row.citations += 1;
  }
  for (const rating of activity.ratings) {
    const given = rows.get(rating.userId);
    if (given) given.ratingsGiven += 1;
    const author = authorOf.get(rating.argumentId);
    const received = author === rating.userId ? undefined : rows.get(author ?? "");
    if (received) received.ratingsReceived += 1;
  }
  for (const vote of activity.votes) {
    const row = rows.get(vote.userId);
    if (row) row.votes += 1;
  }
  const minutes = new Map<string, Set<number>>();
  for (const event of activity.events) {
    const seen = minutes.get(event.actorId) ?? new Set<number>();
    seen.add(Math.floor(event.at.getTime() / 60_000));
    minutes.set(event.actorId, seen);
  }
  for (const [id, row] of rows) row.minutesActive = minutes.get(id)?.size ?? 0;
}

/**
 * What was done on the motion: its arguments from the motion's kept reading, and of the
 * citations and the log only whose they are, so a big debate's words are not read for it.
 */
async function activityIn(store: Store, motion: MotionRow): Promise<Activity> {
  const [args, votes, citing, events] = await Promise.all([
    argumentShapesOf(store, motion),
    store.votes.list(motion.id),
    store.arguments.citingArguments(motion.id),
    store.events.actedAt(motion.id),
  ]);
  const ratings = await byIdsInTurns(
    args.map((a) => a.id),
    (some) => store.ratings.list(some),
  );
  const citations = citing.map((argumentId) => ({ argumentId }));
  return { args, citations, ratings, votes, events };
}

/**
 * What one person did on the motion, as `activityIn` reads it for everyone: their arguments
 * from the motion's kept reading, and only the citations, ratings and events that count for them.
 */
async function activityOf(
  store: Store,
  motion: MotionRow,
  userId: string,
  votes: VoteRow[],
): Promise<Activity> {
  const args = (await argumentShapesOf(store, motion)).filter((a) => a.authorId === userId);
  const ids = args.map((a) => a.id);
  const [citations, received, given, times] = await Promise.all([
    store.arguments.citations(ids),
    store.ratings.list(ids),
    store.ratings.ofPerson(motion.id, userId),
    store.events.actedAt(motion.id, userId),
  ]);
  // Their own rating of their own argument is in both lists: counted once.
  const ratings = new Map(
    [...received, ...given].map((rating) => [`${rating.argumentId}:${rating.userId}`, rating]),
  );
  return {
    args,
    citations,
    ratings: [...ratings.values()],
    votes: votes.filter((vote) => vote.userId === userId),
    events: times,
  };
}

/**
 * What each person did on the motion: every member of its space (with zeros for those who did
 * nothing) and anyone else who took part (a public space lets non-members post), by name.
 * Arguments and replies count whatever became of them (pending, hidden and withdrawn too): the
 * teacher is measuring effort, not what the room ended up reading. Citations are those made in
 * those arguments; minutesActive counts the distinct clock minutes with any event of theirs in
 * the motion's log.
 */
export async function participation(
  store: Store,
  actor: Actor,
  motionId: unknown,
): Promise<Outcome<ParticipationRow[]>> {
  const found = await moderatedMotion(store, actor, motionId);
  if (!found.ok) return found;
  const motion = found.value;
  const members = await store.memberships.list(motion.spaceId);
  const rows = new Map<string, ParticipationRow>(
    members.map((m) => [m.userId, emptyRow({ id: m.userId, name: m.name }, m.role)]),
  );
  const activity = await activityIn(store, motion);
  // Non-members who acted; the system's own events (the motion's creation) have no user.
  const actors = [
    ...activity.args.map((a) => a.authorId),
    ...activity.votes.map((v) => v.userId),
    ...activity.ratings.map((r) => r.userId),
    ...activity.events.map((e) => e.actorId),
  ];
  const others = actors.filter((id) => !rows.has(id));
  for (const [id, name] of await namesOf(store, others)) rows.set(id, emptyRow({ id, name }, null));
  count(rows, activity);

  return done(
    [...rows.values()].sort(
      (a, b) => a.user.name.localeCompare(b.user.name) || a.user.id.localeCompare(b.user.id),
    ),
  );
}

/**
 * The results as anyone who may read the motion sees them: the vote and its winner, and the
 * passages each side leaned on in what was published; with the reader's own part (their row
 * and their two votes) when they are signed in. Nobody else's name or stance is in it.
 */
export async function roomResult(
  store: Store,
  actor: Actor,
  motionId: unknown,
): Promise<Outcome<RoomResult>> {
  const found = await readableMotion(store, actor, motionId);
  if (!found.ok) return found;
  const motion = found.value;
  if (motion.status === "draft") return refuse("not_found", "No such motion.");
  const voteRows = await store.votes.list(motion.id);
  const votes = tallyOf(voteRows);
  const result = {
    votes,
    shift: supportShift(votes),
    winner: winnerOf(votes),
    citedPassages: await mostCited(store, motion),
    opinions: await outlineOrNone(store, motion.id),
  };
  if (actor.kind === "anonymous") return done({ ...result, mine: null });
  const rows = new Map([[actor.id, emptyRow({ id: actor.id, name: "" }, null)]]);
  count(rows, await activityOf(store, motion, actor.id, voteRows));
  const own = voteRows.filter((v) => v.userId === actor.id);
  const stanceIn = (phase: "before" | "after") =>
    own.find((v) => v.phase === phase)?.stance ?? null;
  const { user: _, role: __, ...row } = rows.get(actor.id) ?? emptyRow({ id: "", name: "" }, null);
  return done({
    ...result,
    mine: { ...row, before: stanceIn("before"), after: stanceIn("after") },
  });
}
