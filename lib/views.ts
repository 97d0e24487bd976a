import type {
  AgreementStance,
  ArgumentNode,
  CitationView,
  CitedPassage,
  ListOrder,
  MotionSettings,
  MotionStatus,
  Stance,
  VotePhase,
  VoteTally,
} from "./debate";
import type { BlockKind } from "./documents/import";
import type { SessionState } from "./session";
import type { SpaceRole, SpaceVisibility } from "./spaces";

/** What the REST API and the pages show; plain JSON (dates as ISO strings). */

export interface DocumentSummary {
  id: string;
  spaceId: string;
  title: string;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  blockCount: number;
}

export interface BlockView {
  kind: BlockKind;
  level: number | null;
  start: number;
  end: number;
}

export interface DocumentView extends DocumentSummary {
  sourceUrl: string | null;
  note: string | null;
  /** The document this one was copied from, when the reader may read it. */
  copiedFrom: { id: string; title: string } | null;
  versionId: string;
  versionNumber: number;
  /** Whether this is the version the document reads as now. */
  current: boolean;
  contentHash: string;
  text: string;
  blocks: BlockView[];
}

/** A space the reader may copy a document into, and the copy it holds already, if any. */
export interface CopyTarget {
  id: string;
  name: string;
  copyId: string | null;
}

/** A passage a motion is drawn from: a citation, with its document's title. */
export interface SourceView extends CitationView {
  documentTitle: string;
}

export interface MotionSummary {
  id: string;
  spaceId: string;
  title: string;
  description: string;
  status: MotionStatus;
  createdAt: string;
  sources: SourceView[];
  /**
   * Its debate holds a sample debate written for the demo, by sample authors; absent where it
   * was not asked (the projector's screen).
   */
  sampleDebate?: boolean;
}

export interface MotionView extends MotionSummary {
  settings: MotionSettings;
  /** The last event the view reflects: a live client subscribes from here. */
  seq: number;
  /** The tree, oldest first at every level. */
  arguments: ArgumentNode[];
  votes: VoteTally;
  /** The caller's own votes and ratings. */
  mine: {
    votes: Partial<Record<VotePhase, Stance>>;
    ratings: Record<string, number>;
    /** The reader's own stance on arguments, by argument id. */
    agreements: Record<string, AgreementStance>;
  };
  /** Pinned arguments, in the order pinned, and the one on every screen. */
  pinned: string[];
  spotlightId: string | null;
  /** The structured debate's phase, deadline and speakers. */
  session: SessionState;
  /** The server's clock when the view was made (epoch ms), to read the deadline by. */
  serverNow: number;
  can: ReaderCan;
  /** Present when `arguments` holds only the start of a big debate (the motion's page). */
  partial?: MotionPartial;
}

/** What the reader's role and mute in the motion's space let them do there. */
export interface ReaderCan {
  post: boolean;
  /** Whether the reader may edit or withdraw their own arguments (not while muted). */
  edit: boolean;
  vote: boolean;
  rate: boolean;
  agree: boolean;
  moderate: boolean;
  /** Why the caller's role does not let them post, in the policy's words; null when it does. */
  postRefusal: string | null;
}

/**
 * What a page holding only part of a debate knows of the rest: the order it was summarised in,
 * how many top-level arguments each side has, where each list it holds the start of goes on
 * (by side, or by the argument replied to: GET /api/motions/:id/arguments?cursor=), and the
 * passages cited across the whole debate.
 */
export interface MotionPartial {
  order: ListOrder;
  totals: { for: number; against: number };
  cursors: Record<string, string>;
  /**
   * Of each side whose start the summary holds, its last argument in `order`: held arguments
   * that come after it (the spotlight's thread, a pinned one) are not where the list goes on.
   */
  ends: Record<string, string>;
  cited: CitedPassage[];
}

/** A passage of a document that something points at: a motion's source or a citation. */
export interface PassageMark {
  id: string;
  start: number;
  end: number;
  /** What points at the passage, e.g. the motion drawn from it. */
  label: string;
  href: string;
}

export interface SpaceSummary {
  id: string;
  name: string;
  visibility: SpaceVisibility;
  /** The caller's role; null for a public space the caller reads without being a member. */
  role: SpaceRole | null;
}

export interface SpaceView extends SpaceSummary {
  /** Shown to the space's owners and moderators; null when joining by code is off. */
  joinCode: string | null;
  /** What the caller may do here, so pages offer only what will work. */
  can: {
    post: boolean;
    createMotion: boolean;
    manageMembers: boolean;
    manageJoinCode: boolean;
    importDocument: boolean;
  };
}

export interface MemberView {
  userId: string;
  name: string;
  role: SpaceRole;
  guest: boolean;
  /** Muted by a moderator: reads and votes, does not post. */
  muted: boolean;
  joinedAt: string;
}
