import { addCited, recount } from "./citedCounts";
import {
  type ArgumentNode,
  type ArgumentPlace,
  type ArgumentStatus,
  type ArgumentView,
  compareRanks,
  type MotionSettings,
  type MotionStatus,
  type Strength,
  sideOf,
  strengthRank,
  type VoteTally,
} from "./debate";
import {
  citedMoved,
  countedOut,
  noLongerPruned,
  outsideChanged,
  ownLatest,
  placeholdersBack,
  recountLeaf,
  standsFor,
  standsIn,
  statusOf,
  unrated,
  withChanged,
} from "./liveStanding";
import type { MotionEvent, SharedSession } from "./protocol";
import type { SessionState } from "./session";
import type { MotionPartial, MotionView } from "./views";

/** A motion as a live client holds it: flat arguments, the tally, and the last seq applied. */
export interface LiveMotion {
  seq: number;
  arguments: ArgumentView[];
  votes: VoteTally;
  status: MotionStatus;
  pinned: string[];
  spotlightId: string | null;
  settings: MotionSettings;
  session: SessionState;
  /**
   * The seq of the event that made each argument public while this copy was live (posted or
   * approved), so the page can tell what is new to its reader since their last visit.
   */
  wentPublic: Record<string, number>;
  /** Of a big debate held in part: what is known of the rest, kept current as events arrive. */
  partial: MotionPartial | null;
  /**
   * Arguments counted but not held: arrivals under a reply the page does not hold, and restored
   * ones its counts had all along; each shows once its part of the debate loads.
   */
  outside?: Record<string, ArgumentOutside>;
  /**
   * Placeholders the page does not hold that left the reader's threads with their last standing
   * reply (the event's `latest` no longer named them): where each stood, so that it counts again
   * should a reply below it come back.
   */
  prunedOutside?: Record<string, ArgumentPlace>;
  /**
   * Whether hidden arguments stay in this reader's threads (a moderator's): for anyone else a
   * hidden one with nothing under it leaves the counts, as a page read then would count it.
   */
  keepsHidden?: boolean;
  /**
   * Ratings of arguments the page neither holds nor counts: where each stands and its strength
   * now, so a page ordered by strength can read one that a rating lifted into what it shows.
   */
  ratedOutside?: Record<string, { place: ArgumentPlace; strength: Strength }>;
}

/**
 * An argument counted on arrival but not held: where it stands, who wrote it (one's own is not
 * new to its author), and its status and citations since.
 */
export interface ArgumentOutside extends ArgumentPlace {
  status: ArgumentStatus;
  authorId: string;
  citations: ArgumentView["citations"];
  /**
   * Restored, not posted: counted all along, it moves no thread up an order; with replies
   * everyone sees (`replied`), hidden again it stays counted, a placeholder.
   */
  restored?: { replied: boolean };
}

/** A live copy of a motion as the server rendered or sent it. */
export function liveFrom(view: MotionView): LiveMotion {
  return {
    seq: view.seq,
    arguments: flattenTree(view.arguments),
    votes: view.votes,
    status: view.status,
    pinned: view.pinned,
    spotlightId: view.spotlightId,
    settings: view.settings,
    session: view.session,
    wentPublic: {},
    partial: view.partial ?? null,
    keepsHidden: view.can.moderate,
  };
}

export function flattenTree(nodes: ArgumentNode[]): ArgumentView[] {
  return nodes.flatMap(({ children, ...view }) => [view, ...flattenTree(children)]);
}

const change = (
  state: LiveMotion,
  argumentId: string,
  update: (argument: ArgumentView) => ArgumentView,
): ArgumentView[] => state.arguments.map((a) => (a.id === argumentId ? update(a) : a));

/**
 * The state holding `argument` as sent: new to it, it counts as a reply of the arguments above
 * it that are held (`place` names them, held parent or not), and, of a debate held in part, as
 * a top-level argument of its side and as a citer of its passages. A reply whose parent is not
 * held is counted but not held: it shows once its branch loads. Counts it held already stay as
 * they were.
 */
export function holdArgument(
  state: LiveMotion,
  argument: ArgumentView,
  place?: ArgumentPlace,
): LiveMotion {
  const held = state.arguments.find((a) => a.id === argument.id);
  const others = state.arguments.filter((a) => a.id !== argument.id);
  if (held) {
    const kept = held.replies ? { ...argument, replies: held.replies } : argument;
    const after = [...others, kept];
    // Approved, restored or changed, its citations count as they stand now.
    const partial = state.partial && {
      ...state.partial,
      cited: recount(state.partial.cited, state.arguments, after, new Set([argument.id])),
    };
    return { ...state, partial, arguments: after };
  }
  const outside = state.outside?.[argument.id];
  if (outside) {
    // Counted on arrival, not held: only its citations change with its status.
    const was = outside.status === "published";
    const now = argument.status === "published";
    const partial =
      state.partial && was !== now
        ? {
            ...state.partial,
            cited: addCited(state.partial.cited, argument, outside.side, now ? 1 : -1),
          }
        : state.partial;
    const { status, citations } = argument;
    // Back in the threads (restored, say), it is activity in the held ones above it again.
    const above = new Set(was || !now ? [] : outside.above);
    return {
      ...state,
      arguments: state.arguments.map((a) =>
        above.has(a.id) ? livelier(a, ownLatest(argument)) : a,
      ),
      partial,
      outside: { ...state.outside, [argument.id]: { ...outside, status, citations } },
    };
  }
  const parents = new Map(state.arguments.map((a) => [a.id, a.parentId]));
  const above = new Set(place?.above);
  for (
    let at = argument.parentId;
    at && parents.has(at) && !above.has(at);
    at = parents.get(at) ?? null
  ) {
    above.add(at);
  }
  const counted = others.map((a) =>
    above.has(a.id) && a.replies
      ? livelier(
          {
            ...a,
            replies: {
              ...a.replies,
              all: a.replies.all + 1,
              direct: a.replies.direct + (a.id === argument.parentId ? 1 : 0),
            },
          },
          ownLatest(argument),
        )
      : a,
  );
  const side = sideIn(state, argument, place);
  const partial = state.partial && withArrival(state.partial, argument, side);
  if (argument.parentId === null || parents.has(argument.parentId)) {
    return unrated({ ...state, arguments: [...counted, argument], partial }, argument.id);
  }
  // Its parent is not held: where it would show is not on the page.
  const placed = outsideAt(argument, [...above], side);
  return {
    ...state,
    arguments: counted,
    partial,
    outside: { ...state.outside, [argument.id]: placed },
  };
}

/** A held argument whose thread saw activity at `at`: its replies' latest, if later. */
const livelier = (argument: ArgumentView, at: string): ArgumentView =>
  argument.replies?.latest !== undefined && at > argument.replies.latest
    ? { ...argument, replies: { ...argument.replies, latest: at } }
    : argument;

/**
 * The state with its held arguments' "Latest activity" as an event says a page read now counts
 * it (P-LIVE-5): once an argument has left the threads above it, what came before it counts.
 */
function withLatest(state: LiveMotion, latest: Record<string, string> | undefined): LiveMotion {
  if (!latest) return state;
  const counted = state.arguments.map((a) => {
    const at = latest[a.id];
    return a.replies && at !== undefined && at !== a.replies.latest
      ? { ...a, replies: { ...a.replies, latest: at } }
      : a;
  });
  return { ...state, arguments: counted };
}

/** The side of the motion an argument serves: its `place`'s, else its held thread's. */
const sideIn = (state: LiveMotion, argument: ArgumentView, place?: ArgumentPlace) =>
  place?.side ?? sideOf(argument, new Map([...state.arguments, argument].map((a) => [a.id, a])));

/** An argument counted but not held, standing under `above`. */
const outsideAt = (
  argument: ArgumentView,
  above: string[],
  side: "for" | "against",
): ArgumentOutside => ({
  above,
  side,
  status: argument.status,
  authorId: argument.author.id,
  citations: argument.citations,
});

/**
 * An argument's words as they may stand beside the room's opinion groups: a held argument's
 * if it is published; none for one held but hidden or withdrawn since, whose words the groups'
 * own copy (`others`) still holds until they are worked out again; else that copy's.
 */
export function publicWords(
  state: LiveMotion,
  id: string,
  others: Record<string, string> = {},
): string | undefined {
  const held = state.arguments.find((a) => a.id === id);
  if (!held) return others[id];
  return held.status === "published" ? held.body : undefined;
}

/**
 * The state once the server answered one of this client's posts with the argument as it stored
 * it, at `seq`: held so if the state lacks it (the answer may come before the event). One it has
 * already stays as events made it since: a post sent again after a lost answer is answered as
 * first stored, after a replay may have brought its approval, its counts or a moderator's hide.
 * A state read or caught up since `seq` counts it as it stands, held or not.
 */
export function withOwnPost(state: LiveMotion, argument: ArgumentView, seq?: number): LiveMotion {
  const known =
    (seq !== undefined && seq <= state.seq) ||
    state.arguments.some((a) => a.id === argument.id) ||
    state.outside?.[argument.id] !== undefined;
  // A reply under an argument the page does not hold is counted by its event, which reaches its
  // author whole and says where it stands; the answer does not.
  const unplaced =
    argument.parentId !== null && !state.arguments.some((a) => a.id === argument.parentId);
  return known || unplaced ? state : holdArgument(state, argument);
}

/**
 * The state holding arguments a page loaded (GET /api/motions/:id/arguments or a branch), read
 * at `seq`: ones it does not hold join it as the events applied since (`since`, the state's
 * events after `seq`) made them; ones it holds stay as events made them, taking only reply
 * counts they lacked. Loaded, they were there all along: nothing is counted again. A page read
 * after the state's seq waits for the events before it (see `useLiveMotion`).
 */
export function mergeLoaded(
  state: LiveMotion,
  loaded: ArgumentView[],
  { seq, since = [] }: { seq: number; since?: MotionEvent[] } = { seq: state.seq },
): LiveMotion {
  const holding = new Set(state.arguments.map((a) => a.id));
  const fresh = loaded.filter((a) => !holding.has(a.id));
  // Held arguments without reply counts (arrived live) take the page's, as events changed them.
  const byId = new Map(loaded.map((a) => [a.id, a]));
  const counting = state.arguments.flatMap((a) => {
    const replies = byId.get(a.id)?.replies;
    return replies && !a.replies ? [{ ...a, replies }] : [];
  });
  // What the page missed: events after it was read, replayed on what it brought alone, so the
  // rest of the state is not counted twice. Replayed as on a page held in part, so that what
  // the events bring under arguments the page did not bring stays outside it, as it did live.
  const missed = since.filter((event) => event.seq > seq && event.seq <= state.seq);
  const caught =
    missed.length > 0
      ? applyEvents(
          { ...state, seq, arguments: [...fresh, ...counting], outside: {}, wentPublic: {} },
          missed,
        ).state.arguments
      : [...fresh, ...counting];
  const counted = new Map(caught.map((a) => [a.id, a.replies]));
  const held = state.arguments.map((a) => {
    const replies = a.replies ?? (byId.get(a.id)?.replies && counted.get(a.id));
    return replies && replies !== a.replies ? { ...a, replies } : a;
  });
  const joining = caught.filter((a) => !holding.has(a.id));
  const outside = state.outside && { ...state.outside };
  const ratedOutside = state.ratedOutside && { ...state.ratedOutside };
  const prunedOutside = state.prunedOutside && { ...state.prunedOutside };
  for (const a of joining) {
    delete outside?.[a.id];
    delete ratedOutside?.[a.id];
    delete prunedOutside?.[a.id];
  }
  return {
    ...state,
    arguments: [...held, ...joining],
    ...(outside ? { outside } : {}),
    ...(ratedOutside ? { ratedOutside } : {}),
    ...(prunedOutside ? { prunedOutside } : {}),
  };
}

/** Arguments a page or a branch brought, and the seq it was read at. */
export interface LoadedPage {
  seq: number;
  arguments: ArgumentView[];
}

/**
 * The state with the pages read at or before its seq merged, each after the events it missed
 * (from `recent`, the events applied last); a page read after the state's seq waits until the
 * events before it are applied, or what it brought would be counted again when they come.
 */
export function mergePages(
  state: LiveMotion,
  pages: LoadedPage[],
  recent: MotionEvent[],
): { state: LiveMotion; waiting: LoadedPage[] } {
  let next = state;
  const waiting: LoadedPage[] = [];
  for (const page of pages) {
    if (page.seq > next.seq) waiting.push(page);
    else next = mergeLoaded(next, page.arguments, { seq: page.seq, since: recent });
  }
  return { state: next, waiting };
}

function withArrival(
  partial: NonNullable<LiveMotion["partial"]>,
  argument: ArgumentView,
  side: "for" | "against",
): NonNullable<LiveMotion["partial"]> {
  const totals =
    argument.relation === "for" || argument.relation === "against"
      ? { ...partial.totals, [argument.relation]: partial.totals[argument.relation] + 1 }
      : partial.totals;
  return { ...partial, totals, cited: addCited(partial.cited, argument, side, 1) };
}

/**
 * Replies that arrived under threads the page does not hold, one a thread: each moves its thread
 * up "Latest activity" and "Most replied", maybe above where the page has read to (P-LIVE-2), so
 * the thread is read to stand where it now belongs rather than be skipped by the next page's
 * cursor. One withdrawn or hidden since moves nothing; a restored one was counted all along.
 */
export function movedUpBy(outside: LiveMotion["outside"], held: ReadonlySet<string>): string[] {
  const byThread = new Map<string, string>();
  for (const [id, argument] of Object.entries(outside ?? {})) {
    if (argument.restored || argument.status !== "published") continue;
    const top = argument.above[0];
    if (top && !held.has(top) && !byThread.has(top)) byThread.set(top, id);
  }
  return [...byThread.values()];
}

/**
 * Arguments the page does not hold that a rating lifted, in "Strongest first", to the strength of
 * the weakest argument their list shows or above (P-LIVE-2): paging on from the list's cursor
 * would skip them. A list the page shows nothing of yet is read in order when it is opened.
 */
export function ratedIntoView(state: LiveMotion): string[] {
  const lifted: string[] = [];
  for (const [id, { place, strength }] of Object.entries(state.ratedOutside ?? {})) {
    const parentId = place.above.at(-1) ?? null;
    const shown = state.arguments.filter(
      (a) =>
        (parentId === null
          ? a.parentId === null && a.relation === place.side
          : a.parentId === parentId) && standsIn(state, a),
    );
    const weakest = shown
      .map((a) => strengthRank(a.strength))
      .reduce<number[] | null>(
        (low, rank) => (low && compareRanks(low, rank) >= 0 ? low : rank),
        null,
      );
    if (weakest && compareRanks(strengthRank(strength), weakest) <= 0) lifted.push(id);
  }
  return lifted;
}

/**
 * The state after an argument it does not hold came back that its counts have all along: a
 * moderator's keep hidden arguments, and everyone's keep a hidden one with replies, a
 * placeholder. It stands in a part of the debate the page has not read (its list past the
 * cursor, or replies not shown yet), and shows, with its own replies counted, once that part
 * loads; until then its citations count across the debate again, as a published argument's.
 */
function standsUnread(
  state: LiveMotion,
  argument: ArgumentView,
  place: ArgumentPlace | undefined,
  replied: boolean,
): LiveMotion {
  if (!state.partial) return holdArgument(state, argument, place);
  const side = sideIn(state, argument, place);
  const placed = { ...outsideAt(argument, place?.above ?? [], side), restored: { replied } };
  return {
    ...state,
    partial: { ...state.partial, cited: addCited(state.partial.cited, argument, side, 1) },
    outside: { ...state.outside, [argument.id]: placed },
  };
}

/** A new session; one sent without its speakers (anonymous) keeps the sides already known. */
const withSides = (state: LiveMotion, session: SharedSession): SessionState => ({
  ...session,
  sides: session.sides ?? state.session.sides,
});

function apply(state: LiveMotion, event: MotionEvent): LiveMotion {
  switch (event.type) {
    // A pending post reaches its author and the moderators; approved, it reaches everyone.
    case "argument.posted":
    case "argument.submitted":
    case "argument.approved":
    case "argument.restored": {
      // A client that loaded while it was hidden never held a restored one: it arrives as if new,
      // unless its counts have it already. One it holds, hidden, counts again where it had stopped
      // counting.
      const { argument, place } = event.data;
      // A pruned placeholder restored itself arrives as any restored argument does.
      const before = noLongerPruned(state, argument.id);
      const was = statusOf(before, argument.id);
      if (
        !was &&
        event.type === "argument.restored" &&
        (before.keepsHidden || event.data.replied === true)
      ) {
        return standsUnread(before, argument, place, event.data.replied === true);
      }
      if (was) {
        const recounted = recountLeaf(before, argument.id, was, argument.status);
        return holdArgument(recounted, argument, place);
      }
      // New to the page (approved, or restored unseen), it may reply to a placeholder that left
      // with its last reply meanwhile: that comes back with it.
      const arrived = holdArgument(before, argument, place);
      return standsFor(before, argument.status)
        ? placeholdersBack(before, arrived, argument.parentId, argument.id)
        : arrived;
    }
    case "evidence.reanchored": {
      // A new version of a document: each argument's citations, where they stand now.
      const byId = new Map(event.data.arguments.map((c) => [c.argumentId, c.citations]));
      const after = state.arguments.map((a) => {
        const citations = byId.get(a.id);
        return citations ? { ...a, citations } : a;
      });
      let moved = withChanged(state, after, byId.keys());
      for (const entry of event.data.arguments) {
        const { argumentId, citations } = entry;
        moved = citedMoved(moved, argumentId, entry);
        moved = outsideChanged(moved, argumentId, (o) => ({ ...o, citations }));
      }
      return moved;
    }
    case "citation.reviewed": {
      const { argumentId, citations, detached } = event.data;
      const after = change(state, argumentId, (a) => ({ ...a, citations, detached }));
      const reviewed = citedMoved(withChanged(state, after, [argumentId]), argumentId, event.data);
      return outsideChanged(reviewed, argumentId, (o) => ({ ...o, citations }));
    }
    case "argument.rejected": {
      const { argumentId, reason } = event.data;
      const reject = (a: ArgumentView) => ({
        ...a,
        status: "rejected" as const,
        rejectionReason: reason,
      });
      const was = statusOf(state, argumentId);
      const uncounted = was ? recountLeaf(state, argumentId, was, "rejected") : state;
      const rejected = { ...uncounted, arguments: change(uncounted, argumentId, reject) };
      return outsideChanged(rejected, argumentId, (o) => ({ ...o, status: "rejected" }));
    }
    case "motion.settings": {
      const { settings, session } = event.data;
      return { ...state, settings, session: withSides(state, session) };
    }
    case "session.phase":
    case "session.timer":
    case "session.side":
      return { ...state, session: withSides(state, event.data.session) };
    case "argument.edited": {
      const { argumentId, body, editedAt } = event.data;
      const edited = change(state, argumentId, (a) => ({ ...a, body, editedAt }));
      // An edit is activity in its thread: the held arguments above one counted apart say so.
      const above = new Set(state.outside?.[argumentId]?.above);
      return {
        ...state,
        arguments: edited.map((a) => (above.has(a.id) ? livelier(a, editedAt) : a)),
      };
    }
    case "argument.withdrawn": {
      const withdraw = (a: ArgumentView) => ({
        ...a,
        status: "withdrawn" as const,
        body: "",
        citations: [],
      });
      const { argumentId } = event.data;
      const uncounted = countedOut(state, argumentId, "withdrawn", event.data);
      const withdrawn = withChanged(uncounted, change(uncounted, argumentId, withdraw), [
        argumentId,
      ]);
      const { latest, latestForModerators } = event.data;
      const gone = outsideChanged(withdrawn, argumentId, (o) => ({
        ...o,
        status: "withdrawn",
        citations: [],
      }));
      const spotlightId = state.spotlightId === argumentId ? null : state.spotlightId;
      return {
        ...withLatest(gone, state.keepsHidden ? (latestForModerators ?? latest) : latest),
        spotlightId,
      };
    }
    case "vote.cast":
      return { ...state, votes: event.data.votes };
    case "motion.locked":
    case "motion.status":
      return { ...state, status: event.data.status };
    case "argument.hidden": {
      // The words stay in memory: a moderator still reads them; others see a placeholder.
      const { argumentId } = event.data;
      const hide = (a: ArgumentView) => ({ ...a, status: "hidden" as const });
      const spotlightId = state.spotlightId === argumentId ? null : state.spotlightId;
      const uncounted = countedOut(state, argumentId, "hidden", event.data);
      const hidden = withChanged(uncounted, change(uncounted, argumentId, hide), [argumentId]);
      const gone = outsideChanged(hidden, argumentId, (o) => ({ ...o, status: "hidden" }));
      // A moderator's threads keep it: their "Latest activity" stays as it was.
      return { ...(state.keepsHidden ? gone : withLatest(gone, event.data.latest)), spotlightId };
    }
    case "argument.pinned": {
      const { argumentId, pinned } = event.data;
      const others = state.pinned.filter((id) => id !== argumentId);
      return { ...state, pinned: pinned ? [...others, argumentId] : others };
    }
    case "argument.spotlighted":
      return { ...state, spotlightId: event.data.argumentId };
    case "argument.rated": {
      const { argumentId, strength, place } = event.data;
      // One counted but not held (`outside`) is followed as one not counted: its list may need it.
      if (!place || state.arguments.some((a) => a.id === argumentId)) {
        return { ...state, arguments: change(state, argumentId, (a) => ({ ...a, strength })) };
      }
      const ratedOutside = { ...state.ratedOutside, [argumentId]: { place, strength } };
      return { ...state, ratedOutside };
    }
    case "argument.agreed": {
      const { argumentId, agreement } = event.data;
      return { ...state, arguments: change(state, argumentId, (a) => ({ ...a, agreement })) };
    }
    case "author.deleted":
    case "author.renamed": {
      const { authorId, name } = event.data;
      if (authorId === "") return state;
      const renamed = state.arguments.map((a) =>
        a.author.id === authorId ? { ...a, author: { ...a.author, name } } : a,
      );
      return { ...state, arguments: renamed };
    }
    default:
      return state;
  }
}

/**
 * The longest a page waits, after a live event that calls it to read the motion again for the
 * passages a new version moved (P-LIVE-6), before it does: each open page waits a random part of
 * it, so the hundreds of pages of a big room do not all ask the server at one moment.
 */
export const READ_AGAIN_SPREAD_MS = 3_000;

/**
 * When a page must read the motion again after these events, beyond applying them, in ms from
 * now; null when it need not. At once when the names it shows went or came back (the motion made
 * anonymous, or named again: `anonymous` is what the page holds). When a document's new version
 * moved the passages of more arguments than its event lists (P-LIVE-6), after `spread` of
 * READ_AGAIN_SPREAD_MS (a random part of it for a live event, none for a join's replay).
 */
export function readAgainIn(
  events: MotionEvent[],
  anonymous: boolean,
  spread: () => number = Math.random,
): number | null {
  const names = events.some(
    (event) => event.type === "motion.settings" && event.data.settings.anonymous !== anonymous,
  );
  if (names) return 0;
  const passages = events.some(
    (event) => event.type === "evidence.reanchored" && event.data.readAgain === true,
  );
  return passages ? Math.floor(spread() * READ_AGAIN_SPREAD_MS) : null;
}

/**
 * Whether events arriving for a client that holds everything up to `seq` leave it a gap: one of
 * them lies past the next it can apply. A batch may hold one (P-JOIN-5: another node's event can
 * fall between two of this node's); the client applies what it can and joins again from there.
 */
export function leavesGap(seq: number, events: MotionEvent[]): boolean {
  const reached = seqAfter(seq, events);
  return events.some((event) => event.seq > reached);
}

/**
 * The seq a client holding everything up to `seq` holds once it has applied `events`, as
 * `applyEvents` applies them: up to the first gap.
 */
export function seqAfter(seq: number, events: MotionEvent[]): number {
  let reached = seq;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.seq > reached + 1) break;
    reached = Math.max(reached, event.seq);
  }
  return reached;
}

/**
 * Applies events in seq order. An event the state already reflects (seq at or below its own)
 * is skipped; applying stops at a gap, which the client fills by joining again from `seq`.
 */
export function applyEvents(
  state: LiveMotion,
  events: MotionEvent[],
): { state: LiveMotion; gap: boolean } {
  let next = state;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.seq <= next.seq) continue;
    if (event.seq > next.seq + 1) return { state: next, gap: true };
    next = { ...apply(next, event), seq: event.seq };
    if (event.type === "argument.posted" || event.type === "argument.approved") {
      const { id } = event.data.argument;
      next = { ...next, wentPublic: { ...next.wentPublic, [id]: event.seq } };
    }
  }
  return { state: next, gap: false };
}
