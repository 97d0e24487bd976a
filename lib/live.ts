import {
  type ArgumentNode,
  type ArgumentView,
  type CitedPassage,
  citedPassages,
  type MotionSettings,
  type MotionStatus,
  type VoteTally,
} from "./debate";
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
 * it that are held, and, of a debate held in part, as a top-level argument of its side and as
 * a citer of its passages. Counts it held already stay as they were.
 */
export function holdArgument(state: LiveMotion, argument: ArgumentView): LiveMotion {
  const held = state.arguments.find((a) => a.id === argument.id);
  const kept = held?.replies ? { ...argument, replies: held.replies } : argument;
  const others = state.arguments.filter((a) => a.id !== argument.id);
  if (held) {
    // Approved (or restored), its citations count from now on.
    const cites = held.status !== "published" && argument.status === "published";
    const partial =
      cites && state.partial
        ? { ...state.partial, cited: addCited(state.partial.cited, argument, state.arguments) }
        : state.partial;
    return { ...state, partial, arguments: [...others, kept] };
  }
  const above = new Set<string>();
  const parents = new Map(state.arguments.map((a) => [a.id, a.parentId]));
  for (let at = argument.parentId; at && !above.has(at); at = parents.get(at) ?? null) {
    above.add(at);
  }
  const counted = others.map((a) =>
    above.has(a.id) && a.replies
      ? {
          ...a,
          replies: {
            all: a.replies.all + 1,
            direct: a.replies.direct + (a.id === argument.parentId ? 1 : 0),
          },
        }
      : a,
  );
  return {
    ...state,
    arguments: [...counted, kept],
    partial: state.partial && withArrival(state.partial, argument, state.arguments),
  };
}

/**
 * The state holding arguments a page loaded (GET /api/motions/:id/arguments or a branch): ones
 * it does not hold join it as they are; ones it holds stay as events made them, taking only
 * reply counts they lacked. Loaded, they were there all along: nothing is counted again.
 */
export function mergeLoaded(state: LiveMotion, loaded: ArgumentView[]): LiveMotion {
  const byId = new Map(loaded.map((a) => [a.id, a]));
  const held = state.arguments.map((a) => {
    const page = byId.get(a.id);
    byId.delete(a.id);
    return page?.replies && !a.replies ? { ...a, replies: page.replies } : a;
  });
  return { ...state, arguments: [...held, ...byId.values()] };
}

function withArrival(
  partial: NonNullable<LiveMotion["partial"]>,
  argument: ArgumentView,
  held: ArgumentView[],
): NonNullable<LiveMotion["partial"]> {
  const totals =
    argument.relation === "for" || argument.relation === "against"
      ? { ...partial.totals, [argument.relation]: partial.totals[argument.relation] + 1 }
      : partial.totals;
  return { ...partial, totals, cited: addCited(partial.cited, argument, held) };
}

/** The cited passages with a new argument's own counted too. */
function addCited(
  cited: CitedPassage[],
  argument: ArgumentView,
  held: ArgumentView[],
): CitedPassage[] {
  if (argument.status !== "published" || argument.citations.length === 0) return cited;
  // Its side comes from the arguments above it, as far as they are held; only its own count.
  const mine = citedPassages([
    ...held.filter((a) => a.id !== argument.id).map((a) => ({ ...a, citations: [] })),
    argument,
  ]);
  const key = (p: CitedPassage) => `${p.documentId}:${p.start}:${p.end}`;
  const counts = new Map(cited.map((p) => [key(p), { ...p }]));
  for (const passage of mine) {
    const known = counts.get(key(passage));
    if (known) {
      known.for += passage.for;
      known.against += passage.against;
    } else counts.set(key(passage), passage);
  }
  return [...counts.values()].sort((a, b) => a.start - b.start || a.end - b.end);
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
      // A client that loaded while it was hidden never held a restored one: it arrives as if new.
      return holdArgument(state, event.data.argument);
    }
    case "evidence.reanchored": {
      // A new version of a document: each argument's citations, where they stand now.
      const byId = new Map(event.data.arguments.map((c) => [c.argumentId, c.citations]));
      return {
        ...state,
        arguments: state.arguments.map((a) => {
          const citations = byId.get(a.id);
          return citations ? { ...a, citations } : a;
        }),
      };
    }
    case "citation.reviewed": {
      const { argumentId, citations, detached } = event.data;
      return {
        ...state,
        arguments: change(state, argumentId, (a) => ({ ...a, citations, detached })),
      };
    }
    case "argument.rejected": {
      const { argumentId, reason } = event.data;
      const reject = (a: ArgumentView) => ({
        ...a,
        status: "rejected" as const,
        rejectionReason: reason,
      });
      return { ...state, arguments: change(state, argumentId, reject) };
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
      return { ...state, arguments: change(state, argumentId, (a) => ({ ...a, body, editedAt })) };
    }
    case "argument.withdrawn": {
      const withdraw = (a: ArgumentView) => ({
        ...a,
        status: "withdrawn" as const,
        body: "",
        citations: [],
      });
      return { ...state, arguments: change(state, event.data.argumentId, withdraw) };
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
      return { ...state, spotlightId, arguments: change(state, argumentId, hide) };
    }
    case "argument.pinned": {
      const { argumentId, pinned } = event.data;
      const others = state.pinned.filter((id) => id !== argumentId);
      return { ...state, pinned: pinned ? [...others, argumentId] : others };
    }
    case "argument.spotlighted":
      return { ...state, spotlightId: event.data.argumentId };
    case "argument.rated": {
      const { argumentId, strength } = event.data;
      return { ...state, arguments: change(state, argumentId, (a) => ({ ...a, strength })) };
    }
    default:
      return state;
  }
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
