import { setImmediate as nextTurn } from "node:timers/promises";
import type {
  ArgumentRow,
  ArgumentShape,
  MotionRow,
  MotionSourceRow,
  RatingRow,
  Store,
} from "../../../db/store";
import { type ArgumentNode, type ArgumentView, everyNode } from "../../../lib/debate";
import { type JoinAnswer, MAX_REPLAY, type MotionEvent, MotionJoin } from "../../../lib/protocol";
import type { SpaceMotionSummary } from "../../../lib/reading";
import type { MotionSummary, MotionView, ReaderCan, SourceView } from "../../../lib/views";
import { type Action, type Actor, authorize, type Place } from "../../policy";
import { toMotionEvent } from "../events";
import { Id } from "../ids";
import { anchorTexts, passageView } from "../library/passageView";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { withUnread } from "../reading/queries";
import { placeOf, spaceFor } from "../spaces/access";
import { readableSpaces } from "../spaces/queries";
import { repliesOf, rowsOf } from "./argumentPages";
import {
  bystander,
  eventForViewer,
  sessionForViewer,
  stubOf,
  treeForViewer,
  type Viewer,
} from "./audience";
import { citedIn, type HeldPart, summarise } from "./motionSummary";
import { argumentShapesOf, keptOr, treeInTurns } from "./shapeCache";
import { hasOwnAside, shapeTree } from "./shapeTree";
import { argumentViews, CHUNK, tallyOf } from "./views";
import { wholeThreads } from "./wholeTree";

/** Drafts are for the people drafting them; readers see open, closed and archived motions. */
const visibleToReaders = (motion: MotionRow) => motion.status !== "draft";
const moderatesIn = (actor: Actor, place: Parameters<typeof authorize>[2]) =>
  authorize(actor, "motion.moderate", place) === null;

export async function withSources(store: Store, motions: MotionRow[]): Promise<MotionSummary[]> {
  const ids = motions.map((m) => m.id);
  const [sources, samples] = await Promise.all([
    store.motions.sources(ids),
    store.motions.withSampleDebate(ids).then((found) => new Set(found)),
  ]);
  const titles = new Map<string, string>();
  for (const documentId of new Set(sources.map((s) => s.documentId))) {
    titles.set(documentId, (await store.documents.get(documentId))?.title ?? "");
  }
  const texts = await anchorTexts(store, sources);
  const view = (s: MotionSourceRow): SourceView => ({
    ...passageView(s, texts),
    documentTitle: titles.get(s.documentId) ?? "",
  });
  return motions.map((m) => ({
    id: m.id,
    spaceId: m.spaceId,
    title: m.title,
    description: m.description,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
    sources: sources.filter((s) => s.motionId === m.id).map(view),
    sampleDebate: samples.has(m.id),
  }));
}

/**
 * The motions the actor may read; drafts only in the spaces they moderate (`withDrafts`). The
 * motions of the actor's own spaces come first: a class looks for its motion, not the demo's.
 */
export async function listMotions(
  store: Store,
  actor: Actor,
  { withDrafts = false } = {},
): Promise<MotionSummary[]> {
  const spaces = await readableSpaces(store, actor);
  const own = new Set(spaces.flatMap(({ space, role }) => (role ? [space.id] : [])));
  const rank = (motion: MotionRow) => (own.has(motion.spaceId) ? 0 : 1);
  const motions = (await store.motions.list(spaces.map(({ space }) => space.id))).sort(
    (a, b) => rank(a) - rank(b),
  );
  const moderated = new Map<string, boolean>();
  const shown: MotionRow[] = [];
  for (const motion of motions) {
    if (visibleToReaders(motion)) {
      shown.push(motion);
      continue;
    }
    if (!withDrafts) continue;
    if (!moderated.has(motion.spaceId)) {
      moderated.set(
        motion.spaceId,
        moderatesIn(actor, await placeOf(store, actor, motion.spaceId)),
      );
    }
    if (moderated.get(motion.spaceId)) shown.push(motion);
  }
  return withSources(store, shown);
}

/** The motions of one space, for those who may read it, each with what is new to the caller. */
export async function listSpaceMotions(
  store: Store,
  actor: Actor,
  spaceId: unknown,
): Promise<Outcome<SpaceMotionSummary[]>> {
  const found = await spaceFor(store, actor, spaceId, "space.read");
  if (!found.ok) return found;
  const motions = await store.motions.list([found.value.space.id]);
  // The space's moderators see their drafts among the motions.
  const drafts = moderatesIn(actor, found.value);
  const shown = motions.filter((m) => drafts || visibleToReaders(m));
  return done(await withUnread(store, actor, await withSources(store, shown)));
}

/** The motion, if the actor may read it: else `not_found`, as if there were none. */
export async function readableMotion(store: Store, actor: Actor, id: unknown) {
  const parsed = Id.safeParse(id);
  if (!parsed.success) return refuse("invalid_input", "That is not a valid motion id.");
  const motion = await store.motions.get(parsed.data);
  const place = motion ? await placeOf(store, actor, motion.spaceId) : null;
  if (!motion || authorize(actor, "space.read", place))
    return refuse("not_found", "No such motion.");
  if (!visibleToReaders(motion) && !moderatesIn(actor, place)) {
    return refuse("not_found", "No such motion.");
  }
  return done(motion);
}

/**
 * The motion and its debate as the actor may read it: the whole tree, or with `summary` the part
 * of a big one the motion's page holds at first.
 */
export async function getMotion(
  store: Store,
  actor: Actor,
  id: unknown,
  { summary = false } = {},
): Promise<Outcome<MotionView>> {
  const read = await readMotion(store, actor, id, { summary });
  if (!read.ok) return read;
  const { threads, ...view } = read.value;
  const tree: ArgumentNode[] = [];
  for await (const batch of threads) tree.push(...batch);
  return done({ ...view, arguments: tree });
}

/**
 * `getMotion`'s answer with its tree still to come: `arguments` is empty and `threads` hands out
 * the tree's top-level threads a batch at a time, in order, for a caller that writes each batch
 * as it comes (`wholeThreads`).
 */
export async function readMotion(
  store: Store,
  actor: Actor,
  id: unknown,
  { summary = false } = {},
): Promise<
  Outcome<MotionView & { threads: AsyncIterable<ArgumentNode[]> | Iterable<ArgumentNode[]> }>
> {
  const found = await readableMotion(store, actor, id);
  if (!found.ok) return found;
  const motion = found.value;
  const [about] = await withSources(store, [motion]);
  // The seq was read with the motion, before the rows: a client replaying from it may see an
  // event it already holds, never miss one (applying an event twice changes nothing).
  const can = readerCan(actor, await placeOf(store, actor, motion.spaceId));
  const viewer = { id: actor.id, moderates: can.moderate };
  const { anonymous } = motion.settings;
  // A big debate is shaped from its rows without their words; only what is held is read whole.
  const part = summary ? await partOf(store, motion, viewer) : null;
  const votes = await store.votes.list(motion.id);
  const user = actor.kind === "user";
  const agreements = user ? await store.agreements.ofPerson(motion.id, actor.id) : [];
  let threads: AsyncIterable<ArgumentNode[]> | Iterable<ArgumentNode[]>;
  let ratings: RatingRow[] = [];
  if (part) {
    const shown = await rowsOf(store, part.held);
    const views = await argumentViews(store, shown, { revealHidden: viewer.moderates });
    if (user) ratings = (await ratingsOf(store, shown)).filter((r) => r.userId === actor.id);
    const tree = await treeInTurns(views.map(part.annotate), { keepHidden: viewer.moderates });
    threads = [treeForViewer(tree, viewer, anonymous)];
  } else {
    const rows = readableRows(await argumentShapesOf(store, motion), viewer);
    threads = wholeThreads(store, motion, viewer, rows);
    if (user) {
      const readable = new Set(rows.map((row) => row.id));
      ratings = (await store.ratings.ofPerson(motion.id, actor.id)).filter((r) =>
        readable.has(r.argumentId),
      );
    }
  }
  return done({
    ...(about as MotionSummary),
    settings: motion.settings,
    seq: motion.lastSeq,
    arguments: [],
    threads,
    session: sessionForViewer(motion.session, viewer, anonymous),
    serverNow: Date.now(),
    pinned: motion.pinned,
    spotlightId: motion.spotlightId,
    votes: tallyOf(votes),
    mine: {
      votes: Object.fromEntries(
        votes.filter((v) => v.userId === actor.id).map((v) => [v.phase, v.stance]),
      ),
      ratings: Object.fromEntries(ratings.map((r) => [r.argumentId, r.score])),
      agreements: Object.fromEntries(agreements.map((a) => [a.argumentId, a.stance])),
    },
    can,
    ...(part ? { partial: part.partial } : {}),
  });
}

/**
 * What the actor's place in a space lets them do in its motions. What the role allows; whether
 * the motion is open now is its `status`, kept live apart.
 */
function readerCan(actor: Actor, place: Place | null): ReaderCan {
  const may = (action: Action) => authorize(actor, action, place) === null;
  const postDenial = authorize(actor, "argument.post", place);
  return {
    post: postDenial === null,
    edit: may("argument.edit"),
    postRefusal: postDenial?.message ?? null,
    vote: may("motion.vote"),
    rate: may("argument.rate"),
    agree: may("argument.agree"),
    moderate: may("motion.moderate"),
  };
}

/** The ratings of `rows`, read `CHUNK` arguments at a time with other requests between. */
async function ratingsOf(store: Store, rows: { id: string }[]) {
  const ratings: RatingRow[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    if (i > 0) await nextTurn();
    ratings.push(...(await store.ratings.list(rows.slice(i, i + CHUNK).map((row) => row.id))));
  }
  return ratings;
}

/**
 * The part of a big debate the motion's page holds at first (see `summarise`), each argument
 * with its reply counts; null for a debate it holds whole. Readers with nothing of their own
 * waiting or turned down read the same part (moderators theirs), kept while the debate is
 * unchanged.
 */
async function partOf(store: Store, motion: MotionRow, viewer: Viewer) {
  const rows = readableRows(await argumentShapesOf(store, motion), viewer);
  // The same tree the argument pages and the map read (`motionShape`), kept with theirs.
  const pick = async () => pickPart(motion, rows, await shapeTree(store, motion, viewer, rows));
  const part = hasOwnAside(rows, viewer)
    ? await pick()
    : await keptOr(store, motion, viewer.moderates ? "moderatorsPart" : "readersPart", pick);
  if (!part) return null;
  return {
    held: part.held,
    partial: { ...part.partial, cited: await citedIn(store, motion) },
    annotate: (view: ArgumentView): ArgumentView => ({
      ...view,
      publishedSeq: part.seqs.get(view.id) ?? null,
      ...(part.replies.has(view.id) ? { replies: part.replies.get(view.id) } : {}),
    }),
  };
}

/** The part of the readable rows the page holds, with the held arguments' counts. */
async function pickPart(
  motion: MotionRow,
  rows: ArgumentShape[],
  tree: ArgumentNode[],
): Promise<HeldPart | null> {
  // A post still waiting, or turned down, is its author's and the moderators' to see at once.
  const keep = new Set([
    ...motion.pinned,
    ...(motion.spotlightId ? [motion.spotlightId] : []),
    ...rows
      .filter((row) => row.status === "pending" || row.status === "rejected")
      .map((row) => row.id),
  ]);
  // Picking from a big debate's tree, then what the page holds of it, each a turn of its own.
  await nextTurn();
  const summary = summarise(tree, keep);
  if (!summary) return null;
  await nextTurn();
  const held = everyNode(tree).filter((node) => summary.ids.has(node.id));
  // In the rows' order, oldest first, as the tree lists each level.
  const heldRows = rows.filter((row) => summary.ids.has(row.id));
  return {
    held: heldRows,
    partial: summary.partial,
    replies: new Map(held.map((node) => [node.id, repliesOf(node)])),
    seqs: new Map(heldRows.map((row) => [row.id, row.publishedSeq])),
  };
}

/**
 * The arguments a viewer may read of a motion's: a post waiting for approval is its author's and
 * the moderators'; a rejected one, its author's.
 */
export const readableRows = <R extends Pick<ArgumentRow, "authorId" | "status">>(
  rows: R[],
  viewer: Viewer,
) =>
  rows.filter(
    (row) =>
      (row.authorId === viewer.id && row.status !== "retracted") ||
      row.status === "published" ||
      row.status === "hidden" ||
      row.status === "withdrawn" ||
      (row.status === "pending" && viewer.moderates),
  );

/** What a client joining a motion's room missed since `sinceSeq` (P-JOIN-1, P-JOIN-2). */
export async function eventsSince(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<Omit<JoinAnswer, "serverNow"> & { motionId: string; asRoom: boolean }>> {
  const parsed = MotionJoin.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const found = await readableMotion(store, actor, parsed.data.motionId);
  if (!found.ok) return found;
  const { id: motionId } = found.value;
  const { sinceSeq, asRoom } = parsed.data;
  const can = readerCan(actor, await placeOf(store, actor, found.value.spaceId));
  // The room's screen shows what a bystander sees, even when a moderator opens it.
  const moderates = can.moderate && !asRoom;
  const rows = await store.events.after(motionId, sinceSeq, MAX_REPLAY + 1);
  // Past the motion's last seq: the database went back (restored from a backup) and the seqs
  // the client holds will be given to other events: it reloads (P-JOIN-6).
  if (rows.length > MAX_REPLAY || sinceSeq > found.value.lastSeq) {
    return done({ motionId, asRoom, can, seq: found.value.lastSeq, events: [], reload: true });
  }
  const seq = rows.at(-1)?.seq ?? sinceSeq;
  const viewer = asRoom ? bystander : { id: actor.id, moderates };
  const { anonymous } = found.value.settings;
  const events = rows.map((row) => eventForViewer(toMotionEvent(row), viewer, anonymous));
  if (moderates) return done({ motionId, asRoom, can, seq, events, reload: false });
  const opened = await openedAt(store, motionId);
  // What happened while the motion was a draft was its moderators' (its earlier wordings).
  const public_ = events.map((e) => (e.seq < opened ? stubOf(e) : e));
  return done({
    motionId,
    asRoom,
    can,
    seq,
    events: await withoutHiddenWords(store, found.value, public_),
    reload: false,
  });
}

/** The seq at which a drafted motion was opened (0 for one opened when it was made). */
export async function openedAt(store: Store, motionId: string): Promise<number> {
  const changes = await store.events.ofTypes(motionId, ["motion.status"]);
  return changes.find((e) => e.data.previous === "draft")?.seq ?? 0;
}

/**
 * A replay for someone who does not moderate: the words of an argument hidden or withdrawn
 * since are left out of every event that once carried them (posted, submitted, approved, edited,
 * restored), as the motion's page leaves them out.
 */
export async function withoutHiddenWords(
  store: Store,
  motion: Pick<MotionRow, "id" | "lastSeq">,
  events: MotionEvent[],
) {
  if (!events.some((e) => carryingWords.has(e.type))) return events;
  const wordless = new Set(["hidden", "withdrawn"]);
  // The kept shapes: a class joining again at once reads the debate's rows once.
  const hidden = new Set(
    (await argumentShapesOf(store, motion)).filter((a) => wordless.has(a.status)).map((a) => a.id),
  );
  return events.map((event) => withoutWordsOf(event, hidden));
}

/** The events that carry an argument's words: its body, its quotes, or where they stand. */
const carryingWords = new Set<MotionEvent["type"]>([
  "argument.posted",
  "argument.submitted",
  "argument.approved",
  "argument.restored",
  "argument.edited",
  "citation.reviewed",
  "evidence.reanchored",
]);

const emptied = (argument: ArgumentView): ArgumentView => ({
  ...argument,
  body: "",
  citations: [],
});

function withoutWordsOf(event: MotionEvent, hidden: Set<string>): MotionEvent {
  switch (event.type) {
    case "evidence.reanchored": {
      const shown = event.data.arguments.filter((a) => !hidden.has(a.argumentId));
      return { ...event, data: { ...event.data, arguments: shown } };
    }
    case "argument.posted":
    case "argument.approved":
    case "argument.restored": {
      const { argument } = event.data;
      if (!hidden.has(argument.id)) return event;
      return { ...event, data: { ...event.data, argument: emptied(argument) } };
    }
    case "argument.submitted": {
      const { argument } = event.data;
      if (!hidden.has(argument.id)) return event;
      return { ...event, data: { ...event.data, argument: emptied(argument) } };
    }
    case "argument.edited":
      if (!hidden.has(event.data.argumentId)) return event;
      return { ...event, data: { ...event.data, body: "" } };
    case "citation.reviewed":
      // A review's quote and evidence are the hidden argument's words too.
      if (!hidden.has(event.data.argumentId)) return event;
      return { ...event, data: { ...event.data, citations: [], detached: [], exact: "" } };
    default:
      return event;
  }
}

/**
 * One argument as the caller may read it (as in the motion's tree: a pending or hidden one for
 * its author and the moderators), with the earlier wordings of its body, oldest first. Drafts
 * its author rewrote while it waited for approval stay theirs and the moderators'.
 */
export async function getArgument(
  store: Store,
  actor: Actor,
  id: unknown,
): Promise<Outcome<ArgumentView & { history: { body: string; replacedAt: string }[] }>> {
  const parsed = Id.safeParse(id);
  if (!parsed.success) return refuse("invalid_input", "That is not a valid argument id.");
  const row = await store.arguments.get(parsed.data);
  const motion = row ? await readableMotion(store, actor, row.motionId) : null;
  if (!row || !motion?.ok) return refuse("not_found", "No such argument.");
  const place = await placeOf(store, actor, motion.value.spaceId);
  const viewer = { id: actor.id, moderates: !authorize(actor, "motion.moderate", place) };
  const insider = viewer.moderates || row.authorId === actor.id;
  const everyone = row.status === "published" || row.status === "withdrawn";
  if (row.status === "retracted" || !(everyone || insider)) {
    return refuse("not_found", "No such argument.");
  }
  const [view] = (await argumentViews(store, [row], { revealHidden: insider })) as [ArgumentView];
  const [readable] = treeForViewer(
    [{ ...view, children: [] }],
    viewer,
    motion.value.settings.anonymous,
  );
  const { children: _, ...argument } = readable as ArgumentNode;
  const drafts = insider ? 0 : await draftsBeforeApproval(store, row.motionId, row.id);
  const revisions = row.status === "withdrawn" ? [] : await store.arguments.revisions(row.id);
  return done({
    ...argument,
    history: revisions
      .slice(drafts)
      .map((r) => ({ body: r.body, replacedAt: r.replacedAt.toISOString() })),
  });
}

/**
 * How many of the argument's wordings were replaced before a moderator approved it: its drafts,
 * the first of its revisions (each edit adds the next). Counted by the log's order, not by
 * times, which an edit and the approval can share. None if it never waited for approval.
 */
async function draftsBeforeApproval(store: Store, motionId: string, argumentId: string) {
  const events = await store.events.ofTypes(motionId, ["argument.edited", "argument.approved"]);
  let edits = 0;
  for (const event of events) {
    if (event.type === "argument.approved" && event.data.argument.id === argumentId) return edits;
    if (event.type === "argument.edited" && event.data.argumentId === argumentId) edits += 1;
  }
  return 0;
}
