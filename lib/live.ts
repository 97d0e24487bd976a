import type { ArgumentNode, ArgumentView, MotionSettings, MotionStatus, VoteTally } from "./debate";
import type { MotionEvent, SharedSession } from "./protocol";
import type { SessionState } from "./session";
import type { MotionView } from "./views";

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
      const { argument } = event.data;
      const others = state.arguments.filter((a) => a.id !== argument.id);
      return { ...state, arguments: [...others, argument] };
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
