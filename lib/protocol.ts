import { z } from "zod";
import type {
  AgreeArgument,
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
  AgreementCounts,
  AgreementStance,
  ArgumentPlace,
  ArgumentView,
  CitationView,
  CitedSpot,
  MotionSettings,
  MotionStatus,
  MovedPassages,
  Strength,
  VoteTally,
} from "./debate";
import type { Rubric } from "./grades";
import type { FollowMotion, FollowState, NotificationView } from "./notifications";
import type { OpinionsUpdate } from "./opinionGroups";
import type { MarkRead } from "./reading";
import type { Failure } from "./result";
import type { SessionState, Side } from "./session";
import { text } from "./text";
import type { ReaderCan } from "./views";

/**
 * What each event of a motion's log carries, by type: exactly what the commands write.
 * `onlyFor` marks a private event (P-MOD-3): whole for that one person and the moderators, a
 * `private` stub for everyone else. Fields a bystander of an anonymous motion does not get
 * (P-ANON-1: the speakers, who was assigned a side) are optional. An argument arriving carries
 * its `place` (the arguments above it and its side), so a page holding only part of a big
 * debate counts it where it belongs, and a rating carries the rated argument's, so such a page
 * can tell whether it now belongs among what it shows; events logged before `place` was written
 * lack it.
 */
export type MotionEventData = {
  "motion.created": { title: string; status: MotionStatus };
  "argument.posted": { argument: ArgumentView; place?: ArgumentPlace };
  "argument.submitted": { argument: ArgumentView; onlyFor: string; place?: ArgumentPlace };
  "argument.edited": { argumentId: string; body: string; editedAt: string; onlyFor?: string };
  /**
   * `place`, `replied` (see "argument.restored"), `cited` and `latest` once it was public.
   * `repliedForModerators`, to moderators alone: not `replied`, but an argument a moderator hid
   * hangs below it, so it stays a placeholder in a moderator's threads, which show hidden ones.
   * `latest`: the "Latest activity" of each argument above it now, by id, as readers' pages
   * count it; `latestForModerators`, to moderators alone, where theirs differ. One above it that
   * `latest` does not name left those threads with it. `thread`: the side of its thread's
   * top-level argument, for a page that counts that argument without holding it.
   */
  "argument.withdrawn": {
    argumentId: string;
    onlyFor?: string;
    place?: ArgumentPlace;
    replied?: boolean;
    repliedForModerators?: true;
    cited?: CitedSpot[];
    latest?: Record<string, string>;
    latestForModerators?: Record<string, string>;
    thread?: Side;
  };
  "vote.cast": { votes: VoteTally };
  "argument.rated": { argumentId: string; strength: Strength; place?: ArgumentPlace };
  "argument.agreed": { argumentId: string; agreement: AgreementCounts };
  "motion.settings": { settings: MotionSettings; session: SharedSession };
  "motion.locked": { locked: boolean; status: MotionStatus };
  "motion.status": { status: MotionStatus; previous: MotionStatus };
  "motion.edited": { title: string; description: string };
  /**
   * `cited`: where the passages it cited stand now, which a page that does not hold it stops
   * counting (its words stay hidden: no quotes). `latest` and `thread`: as
   * "argument.withdrawn"'s, for the readers' pages (a moderator's keeps the hidden argument).
   */
  "argument.hidden": {
    argumentId: string;
    reason: string;
    place?: ArgumentPlace;
    replied?: boolean;
    cited?: CitedSpot[];
    latest?: Record<string, string>;
    thread?: Side;
  };
  /**
   * `replied`: arguments everyone sees hang below it, so it stood in every thread, hidden, as a
   * placeholder (logged before it was written: unknown, taken as false).
   */
  "argument.restored": { argument: ArgumentView; place?: ArgumentPlace; replied?: boolean };
  "argument.pinned": { argumentId: string; pinned: boolean };
  "argument.spotlighted": { argumentId: string | null };
  "argument.approved": { argument: ArgumentView; place?: ArgumentPlace };
  "argument.rejected": { argumentId: string; reason: string | null; onlyFor: string };
  /** `side` and `was` of a published argument (logged before they were written: absent). */
  "citation.reviewed": {
    argumentId: string;
    action: ReviewCitation["action"];
    exact: string;
    citations: CitationView[];
    detached: string[];
    onlyFor?: string;
  } & Partial<MovedPassages>;
  /**
   * Each published argument's `side` and `was` (logged before they were written: absent). Past
   * a hundred published arguments in the motion, none is listed and `readAgain` is set: a page
   * reads the motion again (P-LIVE-6).
   */
  "evidence.reanchored": {
    documentId: string;
    versionId: string;
    sources: { position: number; passage: CitationView }[];
    arguments: ({ argumentId: string; citations: CitationView[] } & Partial<MovedPassages>)[];
    readAgain?: true;
    onlyFor?: string;
  };
  "session.phase": { action: RunPhase["action"]; session: SharedSession };
  "session.timer": { session: SharedSession };
  "session.side": { userId?: string; side?: Side | null; session: SharedSession };
  "rubric.set": { rubric: Rubric; onlyFor: string };
  "grade.marked": { userId: string; mark: number | null; comment: string; onlyFor: string };
  /**
   * A member who wrote arguments here deleted their account: their arguments now name `name`.
   * A bystander of an anonymous motion gets an empty `authorId` (the names are pseudonyms there).
   * `onlyFor` (the member) where nothing of theirs here went public: the moderators alone hear it.
   */
  "author.deleted": { authorId: string; name: string; onlyFor?: string };
  /**
   * A member who wrote arguments here changed their name (or a guest who did made an account
   * under another): their arguments, in earlier events too, now name `name`. A bystander of an
   * anonymous motion gets an empty `authorId` and `name`; `onlyFor` as `author.deleted`.
   */
  "author.renamed": { authorId: string; name: string; onlyFor?: string };
};

/** A session in an event: without its speakers for a bystander of an anonymous motion. */
export type SharedSession = Omit<SessionState, "sides"> & { sides?: SessionState["sides"] };

export type MotionEventType = keyof MotionEventData;

/**
 * Every type a motion's log stores, with the version it is written in now: a type added to
 * MotionEventData must be listed here. A stored row keeps the version it was written in, and is
 * brought up to this one as it is read (lib/eventLog.ts, `upgradeEvent`), so every reader, the
 * replay and the exports included, sees one shape per type. A change to a type's payload raises
 * its version here and adds the step from the previous one to `upgrades` there.
 */
export const EVENT_VERSIONS: Record<MotionEventType, number> = {
  "motion.created": 1,
  // 2: arguments carry their author's pseudonym and a rejection's reason.
  "argument.posted": 2,
  "argument.submitted": 2,
  "argument.edited": 1,
  "argument.withdrawn": 1,
  "vote.cast": 1,
  "argument.rated": 1,
  "argument.agreed": 1,
  // 2: the session, which a change of format starts over.
  "motion.settings": 2,
  "motion.locked": 1,
  "motion.status": 1,
  "motion.edited": 1,
  "argument.hidden": 1,
  "argument.restored": 2,
  "argument.pinned": 1,
  "argument.spotlighted": 1,
  "argument.approved": 2,
  "argument.rejected": 1,
  "citation.reviewed": 1,
  // 2: where the motion's own sources stand, besides the arguments' citations.
  "evidence.reanchored": 2,
  "session.phase": 1,
  "session.timer": 1,
  "session.side": 1,
  "rubric.set": 1,
  "grade.marked": 1,
  "author.deleted": 1,
  "author.renamed": 1,
};
export const MOTION_EVENT_TYPES = Object.keys(EVENT_VERSIONS) as MotionEventType[];

export const isMotionEventType = (type: string): type is MotionEventType =>
  Object.hasOwn(EVENT_VERSIONS, type);

/** The type of the stub someone gets in place of an event they may not see (P-MOD-3). */
export const PRIVATE_EVENT = "private";

type Envelope = { motionId: string; seq: number; actor: string; at: string };

/** An entry of a motion's log of one type, as the server sends it. */
export type EventOf<K extends MotionEventType> = {
  [T in K]: Envelope & { type: T; data: MotionEventData[T] };
}[K];

/** An entry of a motion's event log, as the server sends it: one of its types, or a stub. */
export type MotionEvent =
  | EventOf<MotionEventType>
  | (Envelope & { type: typeof PRIVATE_EVENT; data: Record<string, never> });

/**
 * An event as the server publishes it, with the motion's anonymity when it was committed, and
 * `notified: false` when the command that logged it stored no notifications for it (nothing to
 * look for and push).
 */
export type OutgoingEvent = MotionEvent & { anonymous?: boolean; notified?: boolean };

/**
 * A motion's room by its id, read in lower case as ids are (lib/ids.ts). Any text is taken: one
 * that names no motion joins nothing, and a leave of it is a plain round trip.
 */
const RoomMotionId = text()
  .min(1)
  .transform((id) => id.toLowerCase());

export const MotionJoin = z.object({
  motionId: RoomMotionId,
  sinceSeq: z.number().int().nonnegative().default(0),
  /** The room's screen (the projector): every event as a bystander gets it, whoever joins. */
  asRoom: z.boolean().default(false),
});
export type MotionJoin = z.input<typeof MotionJoin>;

export const MotionLeave = z.object({ motionId: RoomMotionId });
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

/**
 * `serverNow` (epoch ms) lets a client read the phase's deadline on the server's clock; `can`,
 * what the reader may do now, lets a page that was offline see that its reader's standing
 * changed meanwhile (P-MEMBER-2).
 */
export type JoinAnswer = {
  seq: number;
  events: MotionEvent[];
  reload: boolean;
  serverNow: number;
  can: ReaderCan;
};

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
  "argument:agree": Command<
    AgreeArgument,
    { seq: number; argumentId: string; stance: AgreementStance; agreement: AgreementCounts }
  >;
  "motion:settings": Command<ChangeSettings, { seq: number; settings: MotionSettings }>;
  "motion:lock": Command<LockMotion, { seq: number; locked: boolean; status: MotionStatus }>;
  "moderation:hide": Command<HideArgument, { seq: number; argumentId: string; reason: string }>;
  "moderation:restore": Command<RestoreArgument, { seq: number; argument: ArgumentView }>;
  "argument:pin": Command<PinArgument, { seq: number; argumentId: string; pinned: boolean }>;
  "argument:spotlight": Command<SpotlightArgument, { seq: number; argumentId: string | null }>;
  "moderation:approve": Command<ApproveArgument, { seq: number; argument: ArgumentView }>;
  "moderation:reject": Command<
    RejectArgument,
    { seq: number; argumentId: string; reason: string | null; onlyFor: string }
  >;
  "session:phase": Command<
    RunPhase,
    { seq: number; action: RunPhase["action"]; session: SessionState }
  >;
  "session:timer": Command<SetTimer, { seq: number; session: SessionState }>;
  "session:side": Command<
    AssignSide,
    { seq: number; userId: string; side: AssignSide["side"]; session: SessionState }
  >;
  "citation:review": Command<
    ReviewCitation,
    {
      seq: number;
      argumentId: string;
      action: ReviewCitation["action"];
      citations: CitationView[];
      detached: string[];
    }
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
  /** A motion's events, in seq order: those its room was sent together (P-JOIN-2, P-JOIN-5). */
  "motion:events": (events: MotionEvent[]) => void;
  "presence:update": (presence: Presence) => void;
  /** A new notification for the signed-in user, on each of their connections (P-NOTE-10). */
  "notification:push": (notification: NotificationView) => void;
  /**
   * Notifications of the signed-in user's that left their inbox: the argument was withdrawn or
   * hidden (P-NOTE-12).
   */
  "notification:gone": (gone: { ids: string[] }) => void;
  /**
   * Notifications of the signed-in user's that a moderator's restore of the argument gave back
   * to their inbox (P-NOTE-13).
   */
  "notification:returned": (returned: { ids: string[] }) => void;
  /** The room's opinion groups, recomputed after people said what they agree with (P-OPINION-1). */
  "opinions:update": (update: OpinionsUpdate) => void;
  /** The signed-in member's role in a space changed, or they were muted or unmuted (P-MEMBER-1). */
  "membership:update": (update: { spaceId: string }) => void;
}

export const motionRoom = (motionId: string) => `motion:${motionId}`;
/** The room's moderators, who see pending posts and real names. */
export const moderatorsRoom = (motionId: string) => `motion:${motionId}:moderators`;
/** One person's connections in a motion's room, who see what is theirs. */
export const ownRoom = (motionId: string, userId: string) => `motion:${motionId}:user:${userId}`;
