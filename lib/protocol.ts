import { z } from "zod";
import type {
  ApproveArgument,
  AssignSide,
  CastVote,
  ChangeMotionStatus,
  ChangeSettings,
  EditArgument,
  EditMotion,
  HideArgument,
  LockMotion,
  PinArgument,
  PostArgument,
  RateArgument,
  RejectArgument,
  RestoreArgument,
  ReviewCitation,
  RunPhase,
  SetTimer,
  SpotlightArgument,
  WithdrawArgument,
} from "./commands";
import type {
  ArgumentView,
  CitationView,
  MotionSettings,
  MotionStatus,
  Strength,
  VoteTally,
} from "./debate";
import type { FollowMotion, FollowState, NotificationView } from "./notifications";
import type { MarkRead } from "./reading";
import type { Failure } from "./result";
import type { SessionState } from "./session";
import { text } from "./text";

/** An entry of a motion's event log, as the server sends it. */
export interface MotionEvent {
  motionId: string;
  seq: number;
  type: string;
  data: Record<string, unknown>;
  actor: string;
  at: string;
}

export const MotionJoin = z.object({
  motionId: text().min(1),
  sinceSeq: z.number().int().nonnegative().default(0),
});
export type MotionJoin = z.input<typeof MotionJoin>;

export const MotionLeave = z.object({ motionId: text().min(1) });
export type MotionLeave = z.input<typeof MotionLeave>;

/** The most events one join replays; a client further behind reloads the motion instead. */
export const MAX_REPLAY = 500;

/**
 * The most one command's payload may weigh as JSON: an argument of 5,000 characters with ten
 * quotes of a few paragraphs each fits. A bigger message closes the connection (P-SIZE-1), so
 * the client weighs a post before it sends it.
 */
export const MAX_PAYLOAD_BYTES = 60 * 1024;
/** Socket.IO's maxHttpBufferSize: the largest payload and its envelope (event name, ack id). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export const payloadBytes = (payload: unknown) =>
  new TextEncoder().encode(JSON.stringify(payload)).length;

/** `serverNow` (epoch ms) lets a client read the phase's deadline on the server's clock. */
export type JoinAnswer = { seq: number; events: MotionEvent[]; reload: boolean; serverNow: number };

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: Failure["error"] };

/** Who is in a motion's room: people by name, and how many visitors without a session. */
export interface Presence {
  motionId: string;
  people: { id: string; name: string }[];
  visitors: number;
  /** People signed in whose names this viewer may not see (an anonymous motion). */
  unnamed?: number;
}

type Command<P, A> = (payload: P, ack: (answer: Ack<A>) => void) => void;

export interface ClientToServerEvents {
  "motion:join": Command<MotionJoin, JoinAnswer>;
  "motion:leave": Command<MotionLeave, object>;
  "argument:post": Command<PostArgument, { seq: number; argument: ArgumentView }>;
  "argument:edit": Command<
    EditArgument,
    { seq: number; argumentId: string; body: string; editedAt: string | null }
  >;
  "argument:withdraw": Command<WithdrawArgument, { seq: number; argumentId: string }>;
  "motion:vote": Command<CastVote, { seq: number; votes: VoteTally }>;
  "argument:rate": Command<RateArgument, { seq: number; argumentId: string; strength: Strength }>;
  "motion:settings": Command<ChangeSettings, { seq: number; settings: MotionSettings }>;
  "motion:lock": Command<LockMotion, { seq: number; locked: boolean; status: MotionStatus }>;
  "moderation:hide": Command<HideArgument, { seq: number; argumentId: string; reason: string }>;
  "moderation:restore": Command<RestoreArgument, { seq: number; argument: ArgumentView }>;
  "argument:pin": Command<PinArgument, { seq: number; argumentId: string; pinned: boolean }>;
  "argument:spotlight": Command<SpotlightArgument, { seq: number; argumentId: string | null }>;
  "moderation:approve": Command<ApproveArgument, { seq: number; argument: ArgumentView }>;
  "moderation:reject": Command<
    RejectArgument,
    { seq: number; argumentId: string; reason: string | null }
  >;
  "session:phase": Command<RunPhase, { seq: number; session: SessionState }>;
  "session:timer": Command<SetTimer, { seq: number; session: SessionState }>;
  "session:side": Command<AssignSide, { seq: number; session: SessionState }>;
  "citation:review": Command<
    ReviewCitation,
    { seq: number; argumentId: string; action: string; citations: CitationView[] }
  >;
  "motion:edit": Command<EditMotion, { seq: number; title: string; description: string }>;
  "motion:status": Command<
    ChangeMotionStatus,
    { seq: number; status: MotionStatus; previous: MotionStatus }
  >;
  /** The reader's own mark, never broadcast (P-READ-1). */
  "motion:read": Command<MarkRead, { motionId: string; lastSeq: number }>;
  /** The member's own choice, never broadcast (P-NOTE-2). */
  "motion:follow": Command<FollowMotion, { motionId: string; state: FollowState }>;
}

export interface ServerToClientEvents {
  "motion:event": (event: MotionEvent) => void;
  presence: (presence: Presence) => void;
  /** A new notification for the signed-in user, on each of their connections (P-NOTE-10). */
  notification: (notification: NotificationView) => void;
}

export const motionRoom = (motionId: string) => `motion:${motionId}`;
/** The room's moderators, who see pending posts and real names. */
export const moderatorsRoom = (motionId: string) => `motion:${motionId}:moderators`;
/** One person's connections in a motion's room, who see what is theirs. */
export const ownRoom = (motionId: string, userId: string) => `motion:${motionId}:user:${userId}`;
