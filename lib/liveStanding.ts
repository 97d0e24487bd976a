import { addCited, combine, recount, spotsOn } from "./citedCounts";
import type {
  ArgumentPlace,
  ArgumentStatus,
  ArgumentView,
  CitedSpot,
  MovedPassages,
} from "./debate";
import type { ArgumentOutside, LiveMotion } from "./live";
import type { MotionEventData } from "./protocol";
import type { Side } from "./session";

/*
 * Whether an argument stands in the reader's threads, and what a page holding a big debate in
 * part counts as arguments leave them, come back or have their citations moved (P-LIVE-2,
 * P-LIVE-4, P-LIVE-5).
 */

/** When an argument itself last changed: posted, or edited since. */
export const ownLatest = (argument: ArgumentView) =>
  argument.editedAt && argument.editedAt > argument.createdAt
    ? argument.editedAt
    : argument.createdAt;

/** The state after an event changed held arguments: a debate held in part recounts their citations. */
export function withChanged(
  state: LiveMotion,
  after: ArgumentView[],
  ids: Iterable<string>,
): LiveMotion {
  const partial = state.partial && {
    ...state.partial,
    cited: recount(state.partial.cited, state.arguments, after, new Set(ids)),
  };
  return { ...state, partial, arguments: after };
}

/**
 * The state after an argument it counts but does not hold changed: hidden, withdrawn or rejected
 * (no longer public, its citations no longer count across the debate), or its citations moved.
 */
export function outsideChanged(
  state: LiveMotion,
  argumentId: string,
  update: (outside: ArgumentOutside) => ArgumentOutside,
): LiveMotion {
  const outside = state.outside?.[argumentId];
  if (!outside) return state;
  const after = update(outside);
  const partial = state.partial && {
    ...state.partial,
    cited: addCited(
      addCited(state.partial.cited, { ...outside, id: argumentId }, outside.side, -1),
      { ...after, id: argumentId },
      after.side,
      1,
    ),
  };
  return { ...state, partial, outside: { ...state.outside, [argumentId]: after } };
}

/**
 * The counts after an argument was hidden or withdrawn (`now`): one the page holds or counts
 * apart as its own copy says; one it knows nothing of was public until now, so the page's
 * counts have it where the event says it stands (`place`, `replied`, `cited`).
 */
export function countedOut(
  state: LiveMotion,
  argumentId: string,
  now: "hidden" | "withdrawn",
  {
    place,
    cited,
    ...standing
  }: Omit<MotionEventData["argument.withdrawn"], "argumentId" | "onlyFor">,
): LiveMotion {
  const was = statusOf(state, argumentId) ?? (place && "published");
  // A moderator's threads show hidden arguments: one hanging below keeps it a placeholder there.
  const replied = state.keepsHidden && standing.repliedForModerators ? true : standing.replied;
  // The arguments above that left the reader's threads with it: those its `latest` (in the
  // reader's threads, after) no longer names. Events logged before `latest` say nothing.
  const latest = state.keepsHidden
    ? (standing.latestForModerators ?? standing.latest)
    : standing.latest;
  const gone = latest && place && new Set(place.above.filter((id) => !(id in latest)));
  const left = gone && { ids: gone, thread: standing.thread };
  const recounted = was
    ? recountLeaf(state, argumentId, was, now, { place, replied, ...(left && { left }) })
    : state;
  const out = uncited(recounted, argumentId, place, cited);
  // Gone from the reader's threads, a rating cannot lift it into view any more.
  return standsFor(out, now) ? out : unrated(out, argumentId);
}

/** The state no longer following a rating of an argument it does not hold (P-LIVE-2). */
export function unrated(state: LiveMotion, argumentId: string): LiveMotion {
  if (!state.ratedOutside?.[argumentId]) return state;
  const { [argumentId]: _followed, ...ratedOutside } = state.ratedOutside;
  return { ...state, ratedOutside };
}

/**
 * The state after a published argument it neither holds nor counts apart was hidden or
 * withdrawn: the passages it cited (`cited`, where they stand now) count one fewer on its side,
 * as the debate's counts of cited passages count only public arguments.
 */
function uncited(
  state: LiveMotion,
  argumentId: string,
  place: ArgumentPlace | undefined,
  cited: CitedSpot[] | undefined,
): LiveMotion {
  if (!state.partial || !place || !cited?.length || statusOf(state, argumentId)) return state;
  const counted = combine(state.partial.cited, spotsOn(cited, place.side), -1);
  return { ...state, partial: { ...state.partial, cited: counted } };
}

/**
 * The state after the passages of a published argument it neither holds nor counts apart moved
 * (P-LIVE-4): counted where they stood (`was`) no more, and where they stand now (`citations`),
 * on the argument's side. Without `side` and `was` (an event logged before they were written)
 * nothing moves.
 */
export function citedMoved(
  state: LiveMotion,
  argumentId: string,
  { side, was, citations }: Partial<MovedPassages> & { citations: ArgumentView["citations"] },
): LiveMotion {
  if (!state.partial || !side || !was || statusOf(state, argumentId)) return state;
  const uncounted = combine(state.partial.cited, spotsOn(was, side), -1);
  const argument = { id: argumentId, status: "published" as const, citations };
  const cited = addCited(uncounted, argument, side, 1);
  return { ...state, partial: { ...state.partial, cited } };
}

/**
 * Whether the reader's threads show the argument in this status. A rejected post stays in its
 * author's threads alone: of the readers who hear of it (its author and the moderators), a
 * moderator is never its author, as a moderator's posts never wait.
 */
export const standsFor = (state: LiveMotion, status: ArgumentStatus) => {
  if (status === "withdrawn") return false;
  if (status === "hidden") return state.keepsHidden === true;
  if (status === "rejected") return state.keepsHidden !== true;
  return true;
};

/**
 * The state after an argument the state holds or counts went from `was` to `now`: one with
 * nothing under it that leaves the reader's threads (withdrawn; hidden, for all but moderators)
 * counts one reply fewer in the held arguments above it and, top-level, one argument fewer on
 * its side, and one that comes back (restored) counts again, as a page read then would count
 * them. One with replies stays as a placeholder, counted. One the page neither holds nor counts
 * apart was counted where `unheld` (the event's) says it stands, and has replies unless it says
 * not. A held placeholder that left with its last standing reply comes back with it
 * (`placeholderBack`, counted whatever its replies).
 */
export function recountLeaf(
  state: LiveMotion,
  argumentId: string,
  was: ArgumentStatus,
  now: ArgumentStatus,
  unheld: { place?: ArgumentPlace; replied?: boolean; left?: LeftAbove } = {},
  leaving = argumentId,
  placeholderBack = false,
): LiveMotion {
  const sign = standsFor(state, was) === standsFor(state, now) ? 0 : standsFor(state, now) ? 1 : -1;
  if (sign === 0) return state;
  const held = state.arguments.find((a) => a.id === argumentId);
  const outside = state.outside?.[argumentId];
  const place = held ? undefined : (outside ?? unheld.place);
  if (!held && !place) return state;
  // The event says whether replies stand below an argument the page does not hold; its own copy
  // of one restored may be out of date by now.
  const replied =
    (held?.replies?.all ?? 0) > 0 ||
    (!held && (unheld.replied ?? (outside ? outside.restored?.replied === true : true))) ||
    repliesStand(state, argumentId, leaving);
  if (replied && !placeholderBack) return state;
  const parentId = held ? held.parentId : (place?.above.at(-1) ?? null);
  const parents = new Map(state.arguments.map((a) => [a.id, a.parentId]));
  const above = new Set(place?.above);
  for (let at = parentId; at && parents.has(at); at = parents.get(at) ?? null) above.add(at);
  const counted = state.arguments.map((a) =>
    above.has(a.id) && a.replies
      ? {
          ...a,
          replies: {
            ...a.replies,
            all: Math.max(0, a.replies.all + sign),
            direct: Math.max(0, a.replies.direct + (a.id === parentId ? sign : 0)),
          },
        }
      : a,
  );
  const side = held ? held.relation : place?.side;
  const partial =
    state.partial && parentId === null && (side === "for" || side === "against")
      ? {
          ...state.partial,
          totals: {
            ...state.partial.totals,
            [side]: Math.max(0, state.partial.totals[side] + sign),
          },
        }
      : state.partial;
  const next = { ...state, arguments: counted, partial };
  // One that came back as such a placeholder leaves those above it to its caller.
  if (sign > 0) return placeholderBack ? next : placeholdersBack(state, next, parentId, argumentId);
  // A held placeholder whose last standing reply left leaves too, as a page read now would
  // prune it; nothing below it stands, so should it come back, its thread's activity starts
  // again from itself.
  const parent = next.arguments.find((a) => a.id === parentId);
  if (!parent) return prunedAbove(next, parentId, place, unheld.left, leaving);
  if (standsIn(next, parent, leaving)) return next;
  const quiet = next.arguments.map((a) =>
    a === parent && a.replies?.latest
      ? { ...a, replies: { ...a.replies, latest: ownLatest(a) } }
      : a,
  );
  return recountLeaf(
    { ...next, arguments: quiet },
    parent.id,
    "published",
    parent.status,
    {},
    leaving,
  );
}

/**
 * `next`, the state after `argumentId` came back into the reader's threads, with the held
 * placeholders above it that had left with their last standing reply (`before`, they stood for
 * nothing) counted again, nearest first, as a page read now would keep them.
 */
export function placeholdersBack(
  before: LiveMotion,
  next: LiveMotion,
  parentId: string | null,
  argumentId: string,
): LiveMotion {
  let back = next;
  for (let at = parentId; at; ) {
    const placeholder = before.arguments.find((a) => a.id === at);
    const pruned = before.prunedOutside?.[at];
    if (placeholder) {
      if (standsIn(before, placeholder)) break;
      back = recountLeaf(back, at, placeholder.status, "published", {}, argumentId, true);
      at = placeholder.parentId;
    } else if (pruned) {
      const stood = { place: pruned, replied: false };
      back = noLongerPruned(
        recountLeaf(back, at, "withdrawn", "published", stood, argumentId, true),
        at,
      );
      at = pruned.above.at(-1) ?? null;
    } else {
      break;
    }
  }
  return back;
}

/**
 * The state after an argument it does not hold left the reader's threads, with the placeholder
 * above it (`parentId`), which it does not hold either, if the event says that left too: `left`,
 * the arguments above that are no longer in the reader's threads. Counted out where it stood
 * (from the leaving argument's `place`), and noted, so that it counts again should a reply below
 * it come back (placeholdersBack).
 */
function prunedAbove(
  state: LiveMotion,
  parentId: string | null,
  place: ArgumentPlace | undefined,
  left: LeftAbove | undefined,
  leaving: string,
): LiveMotion {
  if (!parentId || !place || !left?.ids.has(parentId)) return state;
  const above = place.above.slice(0, -1);
  // A top-level argument counts in its side's total: the thread's, which events logged before
  // `thread` was written do not say.
  const side = above.length === 0 ? left.thread : place.side;
  if (!side) return state;
  const stood = { above, side };
  const out = recountLeaf(
    state,
    parentId,
    "published",
    "withdrawn",
    { place: stood, replied: false, left },
    leaving,
  );
  return { ...out, prunedOutside: { ...out.prunedOutside, [parentId]: stood } };
}

/** The arguments above one leaving that left the reader's threads with it, and its thread's side. */
interface LeftAbove {
  ids: ReadonlySet<string>;
  thread?: Side;
}

/** The state without its note of a pruned placeholder: it stands again, or arrived itself. */
export function noLongerPruned(state: LiveMotion, argumentId: string): LiveMotion {
  if (!state.prunedOutside?.[argumentId]) return state;
  const { [argumentId]: _back, ...prunedOutside } = state.prunedOutside;
  return { ...state, prunedOutside };
}

/**
 * Whether a held argument stands in the reader's threads: shown in its status, or as a
 * placeholder for replies below it that do, but for `leaving`, on its way out.
 */
export const standsIn = (state: LiveMotion, argument: ArgumentView, leaving?: string): boolean =>
  standsFor(state, argument.status) ||
  (argument.replies?.all ?? 0) > 0 ||
  repliesStand(state, argument.id, leaving);

/** Whether a reply the state holds or counts stands below an argument, but for `leaving`. */
const repliesStand = (state: LiveMotion, argumentId: string, leaving?: string): boolean =>
  state.arguments.some(
    (a) => a.parentId === argumentId && a.id !== leaving && standsIn(state, a, leaving),
  ) ||
  Object.entries(state.outside ?? {}).some(
    ([id, o]) => id !== leaving && o.above.includes(argumentId) && standsFor(state, o.status),
  );

/** The status of an argument the state holds or counts; undefined for one it does not know. */
export const statusOf = (state: LiveMotion, id: string): ArgumentStatus | undefined =>
  state.arguments.find((a) => a.id === id)?.status ?? state.outside?.[id]?.status;
