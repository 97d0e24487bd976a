/**
 * What a live motion's page holds besides the motion (the connection, the posts not answered
 * yet, the pages in flight), and how each thing that happens changes it: a pure reducer, so the
 * page's hook (useLiveMotion) and the tests run the same code.
 */
import type { PostArgument } from "@/lib/commands";
import type { ArgumentView } from "@/lib/debate";
import {
  applyEvents,
  type LiveMotion,
  type LoadedPage,
  liveFrom,
  mergePages,
  withOwnPost,
} from "@/lib/live";
import type { OpinionsUpdate } from "@/lib/opinionGroups";
import type { MotionEvent, Presence } from "@/lib/protocol";
import type { MotionView } from "@/lib/views";

/** The page's link to the room, as its dock shows it. */
export type Connection = "connecting" | "live" | "offline" | "signedOut";

/** A post on its way: shown at once, sent (again after a reconnect) until the server answers. */
export interface OutgoingPost {
  payload: Required<Pick<PostArgument, "motionId" | "clientId" | "relation" | "body">> &
    PostArgument;
  refused?: string;
}

export interface LiveState {
  motion: LiveMotion;
  /**
   * How many times what the server drew around the debate changed since the page loaded: a
   * document of the motion got a new version, or what the reader may do in the space changed.
   */
  pageChanges: number;
  /** How far the server's clock is ahead of this device's, in ms: deadlines are the server's. */
  clockOffset: number;
  connection: Connection;
  presence: Presence | null;
  /** The room's opinion groups as last announced (P-OPINION-1); null until a change. */
  opinions: OpinionsUpdate | null;
  outbox: OutgoingPost[];
  /** Until when (epoch ms) posts, edits, votes and ratings wait after a rate limit (P-RATE-1). */
  holdUntil: number | null;
  /** How many times the motion was read whole again (after a long gap, or anonymity changed). */
  generation: number;
  /** The last events applied, replayed on what a page read before them brings. */
  recent: MotionEvent[];
  /** Pages read after the motion's seq, waiting for the events before them. */
  waiting: LoadedPage[];
}

/** How many applied events are kept for pages in flight: more than a page takes to load. */
const RECENT = 500;

export type LiveAction =
  | { type: "events"; events: MotionEvent[] }
  | { type: "reset"; motion: LiveMotion }
  | { type: "stored"; argument: ArgumentView; seq: number; clientId: string }
  | { type: "loaded"; page: LoadedPage & { generation: number } }
  | { type: "connection"; connection: Connection }
  | { type: "clock"; serverNow: number }
  | { type: "pageChanged" }
  | { type: "presence"; presence: Presence }
  | { type: "opinions"; opinions: OpinionsUpdate }
  | { type: "queue"; post: OutgoingPost }
  | { type: "refused"; clientId: string; message: string }
  | { type: "dismiss"; clientId: string }
  | { type: "hold"; until: number | null };

export function reduceLive(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case "events": {
      const motion = applyEvents(state.motion, action.events).state;
      const applied = action.events.filter((e) => e.seq > state.motion.seq && e.seq <= motion.seq);
      const recent = [...state.recent, ...applied].sort((a, b) => a.seq - b.seq).slice(-RECENT);
      return withPages({ ...state, motion, recent }, []);
    }
    case "reset":
      // Pages in flight were read from the state before: they load again on demand. What went
      // public while the page was open still did: the view read whole does not say when.
      return {
        ...state,
        motion: { ...action.motion, wentPublic: state.motion.wentPublic },
        generation: state.generation + 1,
        recent: [],
        waiting: [],
      };
    case "stored":
      return {
        ...state,
        motion: withOwnPost(state.motion, action.argument, action.seq),
        outbox: state.outbox.filter((p) => p.payload.clientId !== action.clientId),
      };
    case "loaded":
      // A page asked for before the motion was read whole again would bring back what it replaced.
      if (action.page.generation !== state.generation) return state;
      return withPages(state, [action.page]);
    case "connection":
      return { ...state, connection: action.connection };
    case "clock":
      return { ...state, clockOffset: action.serverNow - Date.now() };
    case "pageChanged":
      return { ...state, pageChanges: state.pageChanges + 1 };
    case "presence":
      return { ...state, presence: action.presence };
    case "opinions":
      return { ...state, opinions: action.opinions };
    case "queue":
      return { ...state, outbox: [...state.outbox, action.post] };
    case "refused":
      return {
        ...state,
        outbox: state.outbox.map((p) =>
          p.payload.clientId === action.clientId ? { ...p, refused: action.message } : p,
        ),
      };
    case "dismiss":
      return {
        ...state,
        outbox: state.outbox.filter((p) => p.payload.clientId !== action.clientId),
      };
    case "hold":
      return { ...state, holdUntil: action.until };
  }
}

/** The state with the pages that can be merged now merged (`mergePages`), the others waiting. */
function withPages(state: LiveState, pages: LoadedPage[]): LiveState {
  if (state.waiting.length === 0 && pages.length === 0) return state;
  const merged = mergePages(state.motion, [...state.waiting, ...pages], state.recent);
  return { ...state, motion: merged.state, waiting: merged.waiting };
}

/** The state of a page as the server rendered its motion. */
export const initialLiveState = (initial: MotionView): LiveState =>
  liveStateOf(liveFrom(initial), initial.serverNow - Date.now());

/** A page's state holding `motion`, connecting, with nothing else yet. */
export const liveStateOf = (motion: LiveMotion, clockOffset = 0): LiveState => ({
  motion,
  clockOffset,
  pageChanges: 0,
  connection: "connecting",
  presence: null,
  opinions: null,
  outbox: [],
  holdUntil: null,
  generation: 0,
  recent: [],
  waiting: [],
});

/**
 * The posts on their way (none refused) as arguments, shown at once in the sender's threads
 * until the server's answer replaces them: none for a reader not signed in.
 */
export function sendingArguments(
  outbox: OutgoingPost[],
  author: ArgumentView["author"] | null,
  motionId: string,
): ArgumentView[] {
  if (!author) return [];
  return outbox
    .filter((post) => !post.refused)
    .map(({ payload }) => ({
      id: payload.clientId,
      motionId,
      parentId: payload.parentId ?? null,
      relation: payload.relation,
      body: payload.body,
      author,
      pseudonym: 0,
      status: "published",
      rejectionReason: null,
      createdAt: new Date().toISOString(),
      editedAt: null,
      citations: (payload.citations ?? []).map((c) => ({
        ...c,
        versionId: "",
        anchor: { status: "exact", confidence: 1, versionId: null, start: c.start, end: c.end },
      })),
      strength: { mean: null, count: 0 },
    }));
}
