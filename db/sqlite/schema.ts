import {
  type AnySQLiteColumn,
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { AdapterAccountType } from "next-auth/adapters";
import type {
  AgreementStance,
  AnchorState,
  ArgumentRelation,
  ArgumentStatus,
  MotionSettings,
  MotionStatus,
  Stance,
  VotePhase,
} from "../../lib/debate";
import type { BlockKind } from "../../lib/documents/import";
import type { FollowState, NotificationType } from "../../lib/notifications";
import { initialSession, type SessionState } from "../../lib/session";
import type { SpaceRole, SpaceVisibility } from "../../lib/spaces";

// Timestamps are epoch milliseconds here and timestamptz in PostgreSQL: both read back as Date.
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const spaces = sqliteTable("spaces", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  visibility: text("visibility").$type<SpaceVisibility>().notNull(),
  // Null while the owner has switched joining by code off.
  joinCode: text("join_code").unique(),
  createdAt: timestamp("created_at").notNull(),
});

// users, accounts, sessions and verification_tokens keep the columns of Auth.js's tables, which
// the database was made with; a user without a password hash and with a guest space is a guest of
// that space alone.
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").unique(),
  emailVerified: timestamp("email_verified"),
  image: text("image"),
  passwordHash: text("password_hash"),
  guestSpaceId: text("guest_space_id").references(() => spaces.id),
  /** A sample author of the demo library's sample debates: never signs in (no password). */
  sample: integer("sample", { mode: "boolean" }).notNull().default(false),
  createdAt: timestamp("created_at")
    .notNull()
    .$defaultFn(() => new Date()),
  /**
   * When the member deleted their account: the row stays so their arguments keep their author,
   * but its name reads "Deleted member" and nothing else of the person is left.
   */
  deletedAt: timestamp("deleted_at"),
});

export const accounts = sqliteTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

// One row per signed-in browser, also with JWT cookies: the cookie names its row (`sid`), and a
// cookie whose row is gone (signed out, or "Sign out everywhere") is a visitor's.
export const sessions = sqliteTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expires)],
);

export const verificationTokens = sqliteTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const memberships = sqliteTable(
  "memberships",
  {
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").$type<SpaceRole>().notNull(),
    joinedAt: timestamp("joined_at").notNull(),
    /** A muted member reads and votes but does not post. */
    muted: integer("muted", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.spaceId, t.userId] }),
    index("memberships_user_idx").on(t.userId),
  ],
);

/**
 * A password reset link not yet used: only the SHA-256 of its token is kept, so whoever reads the
 * database cannot use a link. The row goes when the link is used or the password is reset.
 */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at").notNull(),
  },
  (t) => [
    index("password_resets_user_idx").on(t.userId),
    index("password_resets_expires_idx").on(t.expiresAt),
  ],
);

/** Failed sign-ins per key ("email:…" or "address:…"), for slowing and refusing guessers. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  firstFailureAt: timestamp("first_failure_at").notNull(),
  blockedUntil: timestamp("blocked_until"),
});

export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id),
    title: text("title").notNull(),
    author: text("author"),
    publisher: text("publisher"),
    publishedAt: text("published_at"),
    sourceUrl: text("source_url"),
    note: text("note"),
    currentVersionId: text("current_version_id"),
    /** The document this one was copied from into its space (a library document reused), if any. */
    copiedFrom: text("copied_from").references((): AnySQLiteColumn => documents.id),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    index("documents_space_idx").on(t.spaceId),
    // A space holds one copy of a document.
    uniqueIndex("documents_copy_idx").on(t.spaceId, t.copiedFrom),
  ],
);

export const documentVersions = sqliteTable(
  "document_versions",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    number: integer("number").notNull(),
    fileName: text("file_name"),
    mediaType: text("media_type").notNull(),
    raw: blob("raw", { mode: "buffer" }).notNull(),
    rawHash: text("raw_hash").notNull(),
    text: text("text").notNull(),
    contentHash: text("content_hash").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("document_versions_number_idx").on(t.documentId, t.number)],
);

export const blocks = sqliteTable(
  "blocks",
  {
    versionId: text("version_id")
      .notNull()
      .references(() => documentVersions.id),
    position: integer("position").notNull(),
    kind: text("kind").$type<BlockKind>().notNull(),
    level: integer("level"),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.position] })],
);

/** A passage as a quote selector into one version of a document (sources and citations). */
const passageColumns = () => ({
  documentId: text("document_id")
    .notNull()
    .references(() => documents.id),
  versionId: text("version_id")
    .notNull()
    .references(() => documentVersions.id),
  exact: text("exact").notNull(),
  prefix: text("prefix").notNull(),
  suffix: text("suffix").notNull(),
  start: integer("start").notNull(),
  end: integer("end").notNull(),
  /**
   * Where the passage is in the document's current version, as re-anchoring found it; the
   * columns above keep where it was made, on the version it was made on.
   */
  anchorStatus: text("anchor_status").$type<AnchorState>().notNull().default("exact"),
  anchorConfidence: real("anchor_confidence").notNull().default(1),
  anchorVersionId: text("anchor_version_id"),
  anchorStart: integer("anchor_start"),
  anchorEnd: integer("anchor_end"),
});

export const motions = sqliteTable(
  "motions",
  {
    id: text("id").primaryKey(),
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    status: text("status").$type<MotionStatus>().notNull(),
    settings: text("settings", { mode: "json" }).$type<MotionSettings>().notNull(),
    /** Arguments a moderator pinned, in the order they were pinned. */
    pinned: text("pinned", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** The argument a moderator put on every screen, if any. */
    spotlightId: text("spotlight_id"),
    /** The structured debate's phase and its deadline, and the speakers' sides. */
    session: text("session", { mode: "json" })
      .$type<SessionState>()
      .notNull()
      .default(initialSession),
    lastSeq: integer("last_seq").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("motions_space_idx").on(t.spaceId)],
);

export const motionSources = sqliteTable(
  "motion_sources",
  {
    motionId: text("motion_id")
      .notNull()
      .references(() => motions.id),
    position: integer("position").notNull(),
    ...passageColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.motionId, t.position] }),
    index("motion_sources_document_idx").on(t.documentId),
  ],
);

export const debateArguments = sqliteTable(
  "arguments",
  {
    id: text("id").primaryKey(),
    motionId: text("motion_id")
      .notNull()
      .references(() => motions.id),
    parentId: text("parent_id"),
    relation: text("relation").$type<ArgumentRelation>().notNull(),
    body: text("body").notNull(),
    authorId: text("author_id").notNull(),
    authorName: text("author_name").notNull(),
    /** The author's stable number in this motion, shown as "Participant N" when anonymous. */
    pseudonym: integer("pseudonym").notNull().default(0),
    status: text("status").$type<ArgumentStatus>().notNull(),
    /** Why a moderator rejected it, for its author. */
    rejectionReason: text("rejection_reason"),
    createdAt: timestamp("created_at").notNull(),
    editedAt: timestamp("edited_at"),
    /** The seq of the event that made it public (posted or approved): what "unread" counts from. */
    publishedSeq: integer("published_seq"),
  },
  (t) => [
    // A big debate is read in pages in the order it was posted (keyed after the last row read):
    // each page a walk of this index, not a sort of every argument of the motion.
    index("arguments_motion_posted_idx").on(t.motionId, t.createdAt, t.id),
    // A post numbers its author from their other arguments in the motion, or after the highest
    // number: each a lookup, not a read of every argument of a big debate.
    index("arguments_motion_author_idx").on(t.motionId, t.authorId),
    index("arguments_motion_pseudonym_idx").on(t.motionId, t.pseudonym),
    // A thread walked level by level (a withdrawal or a hiding, the replies below an argument):
    // each level the replies of the one above, not every argument of the motion.
    index("arguments_motion_parent_idx").on(t.motionId, t.parentId),
  ],
);

/** Each earlier body of an edited argument, oldest first. */
export const argumentRevisions = sqliteTable(
  "argument_revisions",
  {
    argumentId: text("argument_id")
      .notNull()
      .references(() => debateArguments.id),
    revision: integer("revision").notNull(),
    body: text("body").notNull(),
    replacedAt: timestamp("replaced_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.argumentId, t.revision] })],
);

/** A passage an argument rests on: a quote selector into one version of a document. */
export const citations = sqliteTable(
  "citations",
  {
    argumentId: text("argument_id")
      .notNull()
      .references(() => debateArguments.id),
    position: integer("position").notNull(),
    ...passageColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.argumentId, t.position] }),
    // A document's citations, and of them the ones a new version left in a state (fuzzy,
    // orphaned) in the order a moderator's queue lists them.
    index("citations_document_state_idx").on(
      t.documentId,
      t.anchorStatus,
      t.argumentId,
      t.position,
    ),
  ],
);

/** A member's stance on a motion, once before and once after the debate. */
export const votes = sqliteTable(
  "votes",
  {
    motionId: text("motion_id")
      .notNull()
      .references(() => motions.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    phase: text("phase").$type<VotePhase>().notNull(),
    stance: text("stance").$type<Stance>().notNull(),
    castAt: timestamp("cast_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.userId, t.phase] })],
);

/** How strong a member finds an argument, 0 to 4. */
export const ratings = sqliteTable(
  "ratings",
  {
    argumentId: text("argument_id")
      .notNull()
      .references(() => debateArguments.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    score: integer("score").notNull(),
    ratedAt: timestamp("rated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.argumentId, t.userId] })],
);

/** Whether a participant agrees with an argument: agree, disagree or pass (changeable). */
export const agreements = sqliteTable(
  "agreements",
  {
    argumentId: text("argument_id")
      .notNull()
      .references(() => debateArguments.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    stance: text("stance").$type<AgreementStance>().notNull(),
    judgedAt: timestamp("judged_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.argumentId, t.userId] })],
);

export const events = sqliteTable(
  "events",
  {
    motionId: text("motion_id")
      .notNull()
      .references(() => motions.id),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    actorId: text("actor_id").notNull(),
    at: timestamp("at").notNull(),
    /** The shape `data` was written in: lib/eventLog.ts upgrades older rows as they are read. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.motionId, t.seq] }),
    // Who acted on a motion and when, read without the events' data (minutes active).
    index("events_motion_actor_idx").on(t.motionId, t.actorId, t.at),
    // A motion's few events of some types (its moderation log) among thousands of posts.
    index("events_motion_type_idx").on(t.motionId, t.type, t.seq),
  ],
);

export const commands = sqliteTable(
  "commands",
  {
    actorId: text("actor_id").notNull(),
    clientId: text("client_id").notNull(),
    result: text("result", { mode: "json" }).$type<unknown>().notNull(),
    at: timestamp("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.clientId] })],
);

/** The last seq of a motion a member has seen. */
export const readStates = sqliteTable(
  "read_states",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    motionId: text("motion_id")
      .notNull()
      .references(() => motions.id),
    lastSeq: integer("last_seq").notNull(),
    readAt: timestamp("read_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.motionId] })],
);

/** Whether a member follows a motion, unfollowed it or muted it. */
export const follows = sqliteTable(
  "follows",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    motionId: text("motion_id")
      .notNull()
      .references(() => motions.id),
    state: text("state").$type<FollowState>().notNull(),
    changedAt: timestamp("changed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.motionId] })],
);

/** Something that happened for one member, stored so it waits for them while they are away. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    type: text("type").$type<NotificationType>().notNull(),
    motionId: text("motion_id")
      .notNull()
      .references(() => motions.id),
    argumentId: text("argument_id"),
    actorId: text("actor_id"),
    /** The seq of the motion event that caused it, so it is pushed once that event is published. */
    seq: integer("seq").notNull(),
    at: timestamp("at").notNull(),
    readAt: timestamp("read_at"),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.at),
    index("notifications_event_idx").on(t.motionId, t.seq),
  ],
);

/**
 * How a motion is graded: the weight of each part of the score and the count that earns a part
 * in full (lib/grades.ts). A motion without a row is graded by the default rubric.
 */
export const rubrics = sqliteTable("rubrics", {
  motionId: text("motion_id")
    .primaryKey()
    .references(() => motions.id),
  postingWeight: integer("posting_weight").notNull(),
  evidenceWeight: integer("evidence_weight").notNull(),
  engagementWeight: integer("engagement_weight").notNull(),
  markWeight: integer("mark_weight").notNull(),
  postsCap: integer("posts_cap").notNull(),
  passagesCap: integer("passages_cap").notNull(),
  answersCap: integer("answers_cap").notNull(),
  changedBy: text("changed_by").notNull(),
  changedAt: timestamp("changed_at").notNull(),
});

/** The teacher's own mark (0 to 100) and comment for one member on one motion. */
export const gradeMarks = sqliteTable(
  "grade_marks",
  {
    motionId: text("motion_id")
      .notNull()
      .references(() => motions.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** Null: the comment stands without a mark yet. */
    mark: integer("mark"),
    comment: text("comment").notNull(),
    markedBy: text("marked_by").notNull(),
    markedAt: timestamp("marked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.userId] })],
);
