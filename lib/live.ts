import type { ArgumentNode, ArgumentView, Strength, VoteTally } from "./debate";
import type { MotionEvent } from "./protocol";

/** What each event of a motion's log carries, by type. */
export interface DebateEvents {
  "motion.created": { title: string; status: string };
  "argument.posted": { argument: ArgumentView };
  "argument.edited": { argumentId: string; body: string; editedAt: string };
  "argument.withdrawn": { argumentId: string };
  "vote.cast": { votes: VoteTally };
  "argument.rated": { argumentId: string; strength: Strength };
}

/** A motion as a live client holds it: flat arguments, the tally, and the last seq applied. */
export interface LiveMotion {
  seq: number;
  arguments: ArgumentView[];
  votes: VoteTally;
}

export function flattenTree(nodes: ArgumentNode[]): ArgumentView[] {
  return nodes.flatMap(({ children, ...view }) => [view, ...flattenTree(children)]);
}

const change = (
  state: LiveMotion,
  argumentId: string,
  update: (argument: ArgumentView) => ArgumentView,
): ArgumentView[] => state.arguments.map((a) => (a.id === argumentId ? update(a) : a));

function apply(state: LiveMotion, event: MotionEvent): LiveMotion {
  const data = event.data as Partial<DebateEvents[keyof DebateEvents]>;
  switch (event.type) {
    case "argument.posted": {
      const { argument } = data as DebateEvents["argument.posted"];
      const others = state.arguments.filter((a) => a.id !== argument.id);
      return { ...state, arguments: [...others, argument] };
    }
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
  }
  return { state: next, gap: false };
}
