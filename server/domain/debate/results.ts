import { setImmediate as nextTurn } from "node:timers/promises";
import type { ArgumentRow, MotionRow, Store, StoredEvent, VoteRow } from "../../../db/store";
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
 * motion's kept reading counts them, each with what the document says there: the words of the
 * version its last published citation points into (after a new version moved it, or a moderator
 * picked another passage, not the words first quoted), else that citation's quote.
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
  const quoting = new Map<
    string,
    { argumentId: string; position: number; anchorVersionId: string | null }
  >();
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
  const versions = new Set(
    [...quoting.values()].flatMap((span) => (span.anchorVersionId ? [span.anchorVersionId] : [])),
  );
  const texts = new Map<string, string>();
  for (const versionId of versions) {
    const version = await store.documents.version(versionId);
    if (version) texts.set(versionId, version.text);
  }
  const quoteOf = (
    span: { argumentId: string; position: number; anchorVersionId: string | null },
    start: number | null,
    end: number | null,
  ) => {
    const text = span.anchorVersionId ? texts.get(span.anchorVersionId) : undefined;
    if (text !== undefined && start !== null && end !== null) return text.slice(start, end);
    return exact.get(`${span.argumentId}:${span.position}`) ?? "";
  };
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
        exact: span ? quoteOf(span, start, end) : "",
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

/** What was done on the motion: its arguments, and the rest counted by person in the database. */
interface Activity {
  args: Pick<ArgumentRow, "id" | "authorId" | "relation">[];
  citations: { authorId: string; citations: number }[];
  ratings: { userId: string; given: number; received: number }[];
  votes: VoteRow[];
  minutes: { actorId: string; minutes: number }[];
}

/** Adds what was done to the row of whoever did it (rows of people not listed are skipped). */
function count(rows: Map<string, ParticipationRow>, activity: Activity) {
  for (const argument of activity.args) {
    const row = rows.get(argument.authorId);
    if (!row) continue;
    if (argument.relation === "for" || argument.relation === "against") {
      row.arguments[argument.relation] += 1;
    } else {
      row.replies[argument.relation] += 1;
    }
  }
  for (const { authorId, citations } of activity.citations) {
    const row = rows.get(authorId);
    if (row) row.citations = citations;
  }
  for (const { userId, given, received } of activity.ratings) {
    const row = rows.get(userId);
    if (!row) continue;
    row.ratingsGiven = given;
    row.ratingsReceived = received;
  }
  for (const vote of activity.votes) {
    const row = rows.get(vote.userId);
    if (row) row.votes += 1;
  }
  for (const { actorId, minutes } of activity.minutes) {
    const row = rows.get(actorId);
    if (row) row.minutesActive = minutes;
  }
}

/**
 * What was done on the motion (only by `userId`, if given): its arguments from the motion's kept
 * reading, and its citations, ratings and log counted by person in the database, so a big
 * debate's rows are not read for it.
 */
async function activityIn(
  store: Store,
  motion: MotionRow,
  votes: VoteRow[],
  userId?: string,
): Promise<Activity> {
  // One count a turn: on SQLite each holds the event loop while it runs (10-20 ms at 10,000
  // arguments), and side by side they held it at once.
  const args = await argumentShapesOf(store, motion);
  const citations = await store.arguments.citationsByAuthor(motion.id, userId);
  await nextTurn();
  const given = await store.ratings.givenIn(motion.id, userId);
  await nextTurn();
  const received = await store.ratings.receivedIn(motion.id, userId);
  await nextTurn();
  const minutes = await store.events.minutesActive(motion.id, userId);
  const by = <T>(rows: T[], of: (row: T) => string) =>
    userId === undefined ? rows : rows.filter((row) => of(row) === userId);
  const ratings = new Map<string, { userId: string; given: number; received: number }>();
  const ratingsOf = (id: string) => {
    const counts = ratings.get(id) ?? { userId: id, given: 0, received: 0 };
    ratings.set(id, counts);
    return counts;
  };
  for (const { userId: id, count } of given) ratingsOf(id).given = count;
  for (const { userId: id, count } of received) ratingsOf(id).received = count;
  return {
    args: by(args, (a) => a.authorId),
    citations,
    ratings: [...ratings.values()],
    votes: by(votes, (v) => v.userId),
    minutes,
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
  return found.ok ? done(await participationIn(store, found.value)) : found;
}

/** participation's table for a motion the caller moderates. */
export async function participationIn(store: Store, motion: MotionRow) {
  const members = await store.memberships.list(motion.spaceId);
  const rows = new Map<string, ParticipationRow>(
    members.map((m) => [m.userId, emptyRow({ id: m.userId, name: m.name }, m.role)]),
  );
  const activity = await activityIn(store, motion, await store.votes.list(motion.id));
  // Non-members who acted; the system's own events (the motion's creation) have no user.
  const actors = [
    ...activity.args.map((a) => a.authorId),
    ...activity.votes.map((v) => v.userId),
    ...activity.ratings.map((r) => r.userId),
    ...activity.minutes.map((m) => m.actorId),
  ];
  const others = actors.filter((id) => !rows.has(id));
  for (const [id, name] of await namesOf(store, others)) rows.set(id, emptyRow({ id, name }, null));
  count(rows, activity);
  return [...rows.values()].sort(
    (a, b) => a.user.name.localeCompare(b.user.name) || a.user.id.localeCompare(b.user.id),
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
  count(rows, await activityIn(store, motion, voteRows, actor.id));
  const own = voteRows.filter((v) => v.userId === actor.id);
  const stanceIn = (phase: "before" | "after") =>
    own.find((v) => v.phase === phase)?.stance ?? null;
  const { user: _, role: __, ...row } = rows.get(actor.id) ?? emptyRow({ id: "", name: "" }, null);
  return done({
    ...result,
    mine: { ...row, before: stanceIn("before"), after: stanceIn("after") },
  });
}
