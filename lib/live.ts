import type {
  ArgumentNode,
  ArgumentView,
  CitationView,
  MotionSettings,
  MotionStatus,
  Strength,
  VoteTally,
} from "./debate";
import type { MotionEvent } from "./protocol";
import type { SessionState } from "./session";
import type { MotionView } from "./views";

/** What each event of a motion's log carries, by type. */
export interface DebateEvents {
  "motion.created": { title: string; status: string };
  "argument.posted": { argument: ArgumentView };
  "argument.edited": { argumentId: string; body: string; editedAt: string };
  "argument.withdrawn": { argumentId: string };
  "vote.cast": { votes: VoteTally };
  "argument.rated": { argumentId: string; strength: Strength };
  "motion.settings": { settings: MotionSettings; session?: SessionState };
  "motion.locked": { locked: boolean; status: MotionStatus };
  "motion.status": { status: MotionStatus; previous: MotionStatus };
  "motion.edited": { title: string; description: string };
  "argument.hidden": { argumentId: string; reason: string };
  "argument.restored": { argument: ArgumentView };
  "argument.pinned": { argumentId: string; pinned: boolean };
  "argument.spotlighted": { argumentId: string | null };
  "argument.submitted": { argument: ArgumentView };
  "argument.approved": { argument: ArgumentView };
  "argument.rejected": { argumentId: string; reason: string | null };
  "citation.reviewed": {
    argumentId: string;
    action: "accept" | "detach" | "repick";
    exact: string;
    citations: CitationView[];
    detached: string[];
  };
  "evidence.reanchored": {
    documentId: string;
    versionId: string;
    arguments: { argumentId: string; citations: CitationView[] }[];
  };
  "session.phase": { session: SessionState; action: string };
  "session.timer": { session: SessionState };
  "session.side": { session: SessionState; userId: string; side: string | null };
}

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
const withSides = (state: LiveMotion, session: SessionState): SessionState => ({
  ...session,
  sides: session.sides ?? state.session.sides,
});

function apply(state: LiveMotion, event: MotionEvent): LiveMotion {
  const data = event.data as Partial<DebateEvents[keyof DebateEvents]>;
  switch (event.type) {
    // A pending post reaches its author and the moderators; approved, it reaches everyone.
    case "argument.posted":
    case "argument.submitted":
    case "argument.approved": {
      const { argument } = data as DebateEvents["argument.posted"];
      const others = state.arguments.filter((a) => a.id !== argument.id);
      return { ...state, arguments: [...others, argument] };
    }
    case "evidence.reanchored": {
      // A new version of a document: each argument's citations, where they stand now.
      const { arguments: changed } = data as DebateEvents["evidence.reanchored"];
      const byId = new Map(changed.map((c) => [c.argumentId, c.citations]));
      return {
        ...state,
        arguments: state.arguments.map((a) => {
          const citations = byId.get(a.id);
          return citations ? { ...a, citations } : a;
        }),
      };
    }
    case "citation.reviewed": {
      const { argumentId, citations, detached } = data as DebateEvents["citation.reviewed"];
      return {
        ...state,
        arguments: change(state, argumentId, (a) => ({ ...a, citations, detached })),
      };
    }
    case "argument.rejected": {
      const { argumentId, reason } = data as DebateEvents["argument.rejected"];
      const reject = (a: ArgumentView) => ({
        ...a,
        status: "rejected" as const,
        rejectionReason: reason,
      });
      return { ...state, arguments: change(state, argumentId, reject) };
    }
    case "motion.settings": {
      const { settings, session } = data as DebateEvents["motion.settings"];
      return { ...state, settings, session: session ? withSides(state, session) : state.session };
    }
    case "session.phase":
    case "session.timer":
    case "session.side":
      return {
        ...state,
        session: withSides(state, (data as DebateEvents["session.phase"]).session),
      };
    case "argument.edited": {
      const { argumentId, body, editedAt } = data as DebateEvents["argument.edited"];
      return { ...state, arguments: change(state, argumentId, (a) => ({ ...a, body, editedAt })) };
    }
    case "argument.withdrawn": {
      const { argumentId } = data as DebateEvents["argument.withdrawn"];
      const withdraw = (a: ArgumentView) => ({
        ...a,
        status: "withdrawn" as const,
        body: "",
        citations: [],
      });
      return { ...state, arguments: change(state, argumentId, withdraw) };
    }
    case "vote.cast":
      return { ...state, votes: (data as DebateEvents["vote.cast"]).votes };
    case "motion.locked":
    case "motion.status":
      return { ...state, status: (data as DebateEvents["motion.locked"]).status };
    case "argument.hidden": {
      // The words stay in memory: a moderator still reads them; others see a placeholder.
      const { argumentId } = data as DebateEvents["argument.hidden"];
      const hide = (a: ArgumentView) => ({ ...a, status: "hidden" as const });
      const spotlightId = state.spotlightId === argumentId ? null : state.spotlightId;
      return { ...state, spotlightId, arguments: change(state, argumentId, hide) };
    }
    case "argument.restored": {
      // A client that loaded while it was hidden never held it: it arrives as if new.
      const { argument } = data as DebateEvents["argument.restored"];
      const others = state.arguments.filter((a) => a.id !== argument.id);
      return { ...state, arguments: [...others, argument] };
    }
    case "argument.pinned": {
      const { argumentId, pinned } = data as DebateEvents["argument.pinned"];
      const others = state.pinned.filter((id) => id !== argumentId);
      return { ...state, pinned: pinned ? [...others, argumentId] : others };
    }
    case "argument.spotlighted":
      return { ...state, spotlightId: (data as DebateEvents["argument.spotlighted"]).argumentId };
    case "argument.rated": {
      const { argumentId, strength } = data as DebateEvents["argument.rated"];
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
    const published = (event.data as Partial<DebateEvents["argument.posted"]>).argument;
    if ((event.type === "argument.posted" || event.type === "argument.approved") && published) {
      next = { ...next, wentPublic: { ...next.wentPublic, [published.id]: event.seq } };
    }
  }
  return { state: next, gap: false };
}
