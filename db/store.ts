import type { InferSelectModel } from "drizzle-orm";
import type { NewEvent, StoredEvent } from "../lib/eventLog";
import type { MotionEventType } from "../lib/protocol";
import type { SpaceRole } from "../lib/spaces";
import type { SearchHit, SearchScope } from "./search";
import type * as schema from "./sqlite/schema";

// The domain imports every database type from here, the search types included.
export type { NewEvent, SearchHit, SearchScope, StoredEvent };

// Row types are read off the SQLite schema; db/schema-parity.ts proves PostgreSQL's are the same.
export type SpaceRow = InferSelectModel<typeof schema.spaces>;
export type DocumentRow = InferSelectModel<typeof schema.documents>;
/** A new document: one made afresh is copied from nothing. */
export type NewDocumentRow = Omit<DocumentRow, "copiedFrom"> &
  Partial<Pick<DocumentRow, "copiedFrom">>;
export type DocumentVersionRow = InferSelectModel<typeof schema.documentVersions>;
/** A version's row without its file: a PDF's bytes are read only where they are wanted. */
export type VersionRow = Omit<DocumentVersionRow, "raw">;
export type BlockRow = InferSelectModel<typeof schema.blocks>;
export type MotionRow = InferSelectModel<typeof schema.motions>;
/** What decides whether and how a post into a motion is taken. */
export type MotionRules = Pick<MotionRow, "status" | "spaceId" | "settings" | "session">;
export type MotionSourceRow = InferSelectModel<typeof schema.motionSources>;
export type ArgumentRow = InferSelectModel<typeof schema.debateArguments>;
export type CommandRow = InferSelectModel<typeof schema.commands>;
export type UserRow = InferSelectModel<typeof schema.users>;
export type MembershipRow = InferSelectModel<typeof schema.memberships>;
export type SignInThrottleRow = InferSelectModel<typeof schema.signInThrottle>;
export type SessionRow = InferSelectModel<typeof schema.sessions>;
export type AccountRow = InferSelectModel<typeof schema.accounts>;
export type PasswordResetRow = InferSelectModel<typeof schema.passwordResets>;
export type ArgumentRevisionRow = InferSelectModel<typeof schema.argumentRevisions>;
export type CitationRow = InferSelectModel<typeof schema.citations>;
export type ArgumentShape = Omit<ArgumentRow, "body" | "rejectionReason">;
export type CitedSpanRow = Pick<
  CitationRow,
  "argumentId" | "documentId" | "anchorVersionId" | "anchorStart" | "anchorEnd"
>;
/** Where a citation comes in a document's citations: its state, its argument, its position. */
export type CitationInDocumentKey = Pick<CitationRow, "anchorStatus" | "argumentId" | "position">;
/** A state a new version leaves a citation in for a moderator to settle. */
export type UnsettledState = Extract<CitationRow["anchorStatus"], "fuzzy" | "orphaned">;
/** A citation left to review, with the argument and motion a moderator reads it by. */
export type UnsettledCitation = CitationRow &
  Pick<ArgumentRow, "motionId" | "body" | "authorId" | "authorName"> & { motionTitle: string };
/** Where a citation comes in a motion's citations: its argument's time and id, its position. */
export type CitedSpanKey = { postedAt: Date; argumentId: string; position: number };
export type VoteRow = InferSelectModel<typeof schema.votes>;
export type RatingRow = InferSelectModel<typeof schema.ratings>;
export type AgreementRow = InferSelectModel<typeof schema.agreements>;
export type RubricRow = InferSelectModel<typeof schema.rubrics>;
export type GradeMarkRow = InferSelectModel<typeof schema.gradeMarks>;
/** An argument's ratings summed up: what ranks it among the strongest. */
export type RatedArgument = { argumentId: string; total: number; count: number };
export type ReadStateRow = InferSelectModel<typeof schema.readStates>;
export type FollowRow = InferSelectModel<typeof schema.follows>;
export type NotificationRow = InferSelectModel<typeof schema.notifications>;
export type MemberRow = MembershipRow & { name: string; guest: boolean };
export type AnchorColumns = Pick<
  CitationRow,
  "anchorStatus" | "anchorConfidence" | "anchorVersionId" | "anchorStart" | "anchorEnd"
>;

export type Dialect = "sqlite" | "postgres";

export interface Repos {
  spaces: {
    get(id: string): Promise<SpaceRow | undefined>;
    bySlug(slug: string): Promise<SpaceRow | undefined>;
    byJoinCode(code: string): Promise<SpaceRow | undefined>;
    /** The public spaces and those the user is a member of, with the user's role. */
    listReadable(userId: string | null): Promise<{ space: SpaceRow; role: SpaceRole | null }[]>;
    insert(row: SpaceRow): Promise<void>;
    setJoinCode(id: string, code: string | null): Promise<void>;
    /** Holds the space's row until the transaction ends, so membership changes run in turn. */
    lock(id: string): Promise<void>;
  };
  users: {
    get(id: string): Promise<UserRow | undefined>;
    byEmail(email: string): Promise<UserRow | undefined>;
    insert(
      row: Omit<UserRow, "emailVerified" | "image" | "sample" | "deletedAt"> & { sample?: boolean },
    ): Promise<void>;
    update(id: string, change: Partial<Omit<UserRow, "id" | "createdAt">>): Promise<void>;
    /**
     * Names the user `name` unless their account is deleted: false where it is (or was meanwhile,
     * on PostgreSQL, where this waits for the deletion to commit).
     */
    rename(id: string, name: string): Promise<boolean>;
    /**
     * Makes a guest an account with `change`, if it is a guest still: false where it is not
     * (another request made it one first).
     */
    convertGuest(
      id: string,
      change: Pick<UserRow, "name" | "email" | "passwordHash">,
    ): Promise<boolean>;
  };
  memberships: {
    get(spaceId: string, userId: string): Promise<MembershipRow | undefined>;
    list(spaceId: string): Promise<MemberRow[]>;
    /** A new member is not muted. */
    insert(row: Omit<MembershipRow, "muted">): Promise<void>;
    setRole(spaceId: string, userId: string, role: SpaceRole): Promise<void>;
    setMuted(spaceId: string, userId: string, muted: boolean): Promise<void>;
    remove(spaceId: string, userId: string): Promise<void>;
  };
  /** Sign-ins with identity providers, in the table Auth.js's adapter reads them from. */
  providerAccounts: {
    /** The user the provider's account (its `sub`) signs into, if it is linked to one. */
    userOf(provider: string, providerAccountId: string): Promise<string | undefined>;
    insert(
      row: Pick<AccountRow, "userId" | "type" | "provider" | "providerAccountId">,
    ): Promise<void>;
    /** The providers the user can sign in with, besides a password. */
    providersOf(userId: string): Promise<string[]>;
  };
  sessions: {
    insert(row: SessionRow): Promise<void>;
    get(sessionId: string): Promise<SessionRow | undefined>;
    /** The user of a session that has not ended and lasts beyond `now`; else undefined. */
    liveUser(sessionId: string, now: Date): Promise<UserRow | undefined>;
    /** How many of the user's sessions last beyond `now`: the browsers they are signed in on. */
    countLive(userId: string, now: Date): Promise<number>;
    /** Ends one of the user's sessions: the ids ended (none when it was not theirs or is gone). */
    remove(userId: string, sessionId: string): Promise<string[]>;
    /** Ends every session of the user: the ids ended. */
    removeAll(userId: string): Promise<string[]>;
    /** Deletes the rows of sessions that ran out before `now`. */
    removeExpired(now: Date): Promise<void>;
  };
  passwordResets: {
    insert(row: PasswordResetRow): Promise<void>;
    /**
     * Uses the link whose token hashes to `tokenHash`: its row is deleted and its user answered,
     * if it lasts beyond `now`; a link used once (or run out) answers undefined ever after.
     */
    use(tokenHash: string, now: Date): Promise<string | undefined>;
    /** Whether the link would still work at `now`, without using it. */
    isLive(tokenHash: string, now: Date): Promise<boolean>;
    /** Deletes every link of the user: a new password makes the others useless. */
    removeAll(userId: string): Promise<void>;
    /** Deletes the links that ran out before `now`. */
    removeExpired(now: Date): Promise<void>;
  };
  signInThrottle: {
    /** Makes a row for each key that has none and holds them all until the transaction ends. */
    lock(keys: string[], now: Date): Promise<void>;
    get(keys: string[]): Promise<SignInThrottleRow[]>;
    put(row: SignInThrottleRow): Promise<void>;
    clear(key: string): Promise<void>;
  };
  documents: {
    get(id: string): Promise<DocumentRow | undefined>;
    list(spaceIds: string[]): Promise<DocumentRow[]>;
    insert(row: NewDocumentRow): Promise<void>;
    /**
     * The space's copy of the document `source`, if it holds one: the one copied from it, else
     * one that reads exactly as it does now (its current version's content hash), as a debate
     * imported with it brings.
     */
    copyIn(
      spaceId: string,
      source: { id: string; contentHash: string },
    ): Promise<DocumentRow | undefined>;
    setCurrentVersion(documentId: string, versionId: string): Promise<void>;
    /**
     * Holds the document's row until the transaction ends, so a new version and a passage cited
     * on the current one are stored one after the other, never across each other.
     */
    lock(id: string): Promise<void>;
    /**
    /** The documents of these ids that exist, in id order. */
    byIds(ids: string[]): Promise<DocumentRow[]>;
    /** A version without the file it was read from: what every view and check needs. */
    version(id: string): Promise<VersionRow | undefined>;
    /** The bytes a version was read from, kept as received. */
    versionFile(id: string): Promise<Uint8Array | undefined>;
    insertVersion(row: DocumentVersionRow, blocks: BlockRow[]): Promise<void>;
    blocks(versionId: string): Promise<BlockRow[]>;
    blockCounts(versionIds: string[]): Promise<Map<string, number>>;
  };
  motions: {
    get(id: string): Promise<MotionRow | undefined>;
    /** The motion with its space and `userId`'s membership there (if any), in one read. */
    withPlace(
      id: string,
      userId: string | null,
    ): Promise<
      { motion: MotionRow; space: SpaceRow; membership: MembershipRow | undefined } | undefined
    >;
    /**
     * Holds the motion's row until the transaction ends (PostgreSQL; SQLite has one writer), so
     * commands on one motion run one after another: what they read stays true until they commit.
     * Answers the row as it stands under the lock.
     */
    lock(id: string): Promise<MotionRow | undefined>;
    update(
      id: string,
      change: Partial<
        Pick<
          MotionRow,
          "settings" | "status" | "pinned" | "spotlightId" | "session" | "title" | "description"
        >
      >,
    ): Promise<void>;
    list(spaceIds: string[]): Promise<MotionRow[]>;
    insert(row: MotionRow, sources: MotionSourceRow[]): Promise<void>;
    sources(motionIds: string[]): Promise<MotionSourceRow[]>;
    sourcesInDocument(documentId: string): Promise<MotionSourceRow[]>;
    /** Those of the motions whose debate holds arguments by sample authors (the demo's samples). */
    withSampleDebate(motionIds: string[]): Promise<string[]>;
    /** The motion's arguments, oldest first; `page` reads `limit` of them after the argument `after`. */
    arguments(
      motionId: string,
      page?: { after: Pick<ArgumentRow, "createdAt" | "id"> | null; limit: number },
    ): Promise<ArgumentRow[]>;
    /**
     * The motion's arguments without their words, oldest first: what a big debate's tree is
     * shaped and ordered by, read in a fraction of the time of `arguments`; `page` reads `limit`
     * of them after the argument `after`.
     */
    argumentShapes(
      motionId: string,
      page?: { after: Pick<ArgumentShape, "createdAt" | "id"> | null; limit: number },
    ): Promise<ArgumentShape[]>;
    /**
     * Where each citation of the motion's arguments (whatever their status: a reader counts those
     * of the published ones) stands now, detached ones left out, in the order the arguments were
     * posted (then by argument id), then by position; `page` reads `limit` of them after the
     * citation `after`.
     */
    citedSpans(
      motionId: string,
      page?: { after: CitedSpanKey | null; limit: number },
    ): Promise<(CitedSpanRow & CitedSpanKey)[]>;
    /** The published arguments of others made public after `afterSeq`: what is new to a reader. */
    newArgumentIds(motionId: string, readerId: string, afterSeq: number): Promise<string[]>;
    /** Where a source stands in its document's current version (see re-anchoring). */
    setSourceAnchor(motionId: string, position: number, anchor: AnchorColumns): Promise<void>;
  };
  arguments: {
    get(id: string): Promise<ArgumentRow | undefined>;
    byIds(ids: string[]): Promise<ArgumentRow[]>;
    /** The arguments of the motion that reply directly to any of `parentIds`. */
    repliesTo(motionId: string, parentIds: string[]): Promise<Pick<ArgumentRow, "id" | "status">[]>;
    insert(row: ArgumentRow, citations: CitationRow[]): Promise<void>;
    update(
      id: string,
      change: Partial<
        Pick<ArgumentRow, "body" | "editedAt" | "status" | "rejectionReason" | "publishedSeq">
      >,
    ): Promise<void>;
    /**
     * Gives an argument stored earlier in the transaction its place, under its motion's lock:
     * the columns given, and its author's number in the motion (the one their other arguments
     * have, or the next free one), which it answers.
     */
    place(
      argument: Pick<ArgumentRow, "id" | "motionId" | "authorId">,
      change: Pick<ArgumentRow, "createdAt" | "publishedSeq">,
    ): Promise<number>;
    revisions(argumentId: string): Promise<ArgumentRevisionRow[]>;
    addRevision(row: ArgumentRevisionRow): Promise<void>;
    citations(argumentIds: string[]): Promise<CitationRow[]>;
    /** Where a citation stands in its document's current version (see re-anchoring). */
    setCitationAnchor(argumentId: string, position: number, anchor: AnchorColumns): Promise<void>;
    /**
     * The citations into a document, with the argument each belongs to, by where they stand
     * (their anchor's state), then by argument and position: the order of an index, so a page of
     * a document cited thousands of times is read without sorting them all; `page` reads `limit`
     * of them after the citation `after`.
     */
    citationsInDocument(
      documentId: string,
      page?: { after: CitationInDocumentKey | null; limit: number },
    ): Promise<
      (CitationRow & {
        motionId: string;
        relation: ArgumentRow["relation"];
        status: ArgumentRow["status"];
      })[]
    >;
    /**
     * The citations into one of the space's documents that a new version left in `state`, on
     * arguments of the space's motions someone may still read (not withdrawn, retracted or
     * rejected): `limit` of them after `after`, by argument and position.
     */
    unsettledCitations(
      of: { spaceId: string; documentId: string; state: UnsettledState },
      page: { after: Pick<CitationRow, "argumentId" | "position"> | null; limit: number },
    ): Promise<UnsettledCitation[]>;
    /** How many `unsettledCitations` the space's documents have in all, in either state. */
    countUnsettledCitations(spaceId: string): Promise<number>;
    /**
     * How many citations each author's arguments on the motion carry, whatever their status (only
     * `authorId`'s, if given); authors of none are left out.
     */
    citationsByAuthor(
      motionId: string,
      authorId?: string,
    ): Promise<{ authorId: string; citations: number }[]>;
    /** The motions whose arguments cite the document, each once, by id. */
    motionsCiting(documentId: string): Promise<string[]>;
  };
  votes: {
    put(row: VoteRow): Promise<void>;
    list(motionId: string): Promise<VoteRow[]>;
  };
  agreements: {
    /** Stores a participant's stance on an argument, replacing the one they had. */
    put(row: AgreementRow): Promise<void>;
    /** Every stance taken on these arguments. */
    list(argumentIds: string[]): Promise<AgreementRow[]>;
    /** Every stance taken on the motion's published arguments: what its opinion groups are made of. */
    ofMotion(motionId: string): Promise<AgreementRow[]>;
    /** The stances one person took on the motion's arguments. */
    ofPerson(motionId: string, userId: string): Promise<AgreementRow[]>;
  };
  grades: {
    /** The rubrics set for these motions (a motion without one is graded by the default). */
    rubrics(motionIds: string[]): Promise<RubricRow[]>;
    /** Stores a motion's rubric, replacing the one it had. */
    putRubric(row: RubricRow): Promise<void>;
    /** The teacher's marks and comments on these motions. */
    marks(motionIds: string[]): Promise<GradeMarkRow[]>;
    /** Stores a member's mark and comment on a motion, replacing what was there. */
    putMark(row: GradeMarkRow): Promise<void>;
  };
  ratings: {
    put(row: RatingRow): Promise<void>;
    list(argumentIds: string[]): Promise<RatingRow[]>;
    /** The ratings one person gave the motion's arguments. */
    ofPerson(motionId: string, userId: string): Promise<RatingRow[]>;
    /**
     * How many of the motion's arguments, whatever their status, each person rated (only
     * `userId`, if given), by person; people who rated none are left out.
     */
    givenIn(motionId: string, userId?: string): Promise<{ userId: string; count: number }[]>;
    /**
     * How many ratings from others each author's arguments on the motion got, whatever their
     * status (only `authorId`'s, if given), by author; authors who got none are left out.
     */
    receivedIn(motionId: string, authorId?: string): Promise<{ userId: string; count: number }[]>;
    /**
     * The motion's rated published arguments, strongest first: by mean score rounded half up to
     * hundredths, then by how many rated, then by id; `limit` of them after the first `offset`.
     * Ranked in the database, so a debate of thousands is not read to find its strongest.
     */
    strongest(motionId: string, limit: number, offset: number): Promise<RatedArgument[]>;
  };
  events: {
    /**
     * Appends with the motion's next seq (gap-free and unique per motion, also under
     * concurrency) and its type's current version.
     */
    append(event: NewEvent): Promise<StoredEvent>;
    /**
     * `arguments.insert`, `arguments.place` and `append` at once, under the motion's lock, if the
     * motion is still as the post found it (its status, space, settings and session), the parent
     * it answers is still published, and each citation's version is still its document's current
     * one (the documents are held shared to the commit, so a new version waits for the post and
     * one committed first is seen): the argument is stored with its citations, numbered
     * and stamped as the event that tells of it (its `data.argument`), the author's follow is
     * written unless they have one, the notifications are stored with the event's seq and time,
     * and the post's answer ({seq, argument}) is kept for a retry where `kept` says. The seq, the
     * number and the time; nothing, and nothing written, when the motion changed.
     *
     * It ends the transaction: what the transaction wrote is committed with it (on PostgreSQL in
     * the same message, so the motion's lock is never held across a round trip), and the
     * transaction writes nothing after it.
     */
    appendPlaced(
      argument: ArgumentRow,
      citations: CitationRow[],
      placing: {
        published: boolean;
        motionAsRead: MotionRules;
        kept: { actorId: string; clientId: string } | undefined;
        follow: FollowRow;
        notifications: Omit<NotificationRow, "seq" | "at">[];
      },
      event: Extract<NewEvent, { type: "argument.posted" | "argument.submitted" }>,
    ): Promise<{ seq: number; pseudonym: number; at: Date } | undefined>;
    /** Events read back are upgraded to their type's current version (`upgradeEvent`). */
    after(motionId: string, seq: number, limit: number): Promise<StoredEvent[]>;
    /**
     * Puts `name` for the author in the arguments the motion's logged events carry: a member who
     * deleted their account is not named by the log either.
     */
    renameAuthor(motionId: string, authorId: string, name: string): Promise<void>;
    /**
     * For each actor of the motion's events (only `actorId`, if given), in how many distinct clock
     * minutes they logged any.
     */
    minutesActive(
      motionId: string,
      actorId?: string,
    ): Promise<{ actorId: string; minutes: number }[]>;
    ofTypes<K extends MotionEventType>(
      motionId: string,
      types: readonly K[],
    ): Promise<Extract<StoredEvent, { type: K }>[]>;
  };
  follows: {
    get(userId: string, motionId: string): Promise<FollowRow | undefined>;
    /** Sets the state, or with `keepExisting` only writes when the member has none yet. */
    put(row: FollowRow, options?: { keepExisting?: boolean }): Promise<void>;
    ofMotion(motionId: string, userIds: string[]): Promise<FollowRow[]>;
  };
  notifications: {
    insert(rows: NotificationRow[]): Promise<void>;
    /** The notifications one event caused, by the event's motion and seq. */
    ofEvents(motionId: string, seqs: number[]): Promise<NotificationRow[]>;
    /** The notifications of one argument of the motion (a reply to, or a mention in, it). */
    ofArgument(motionId: string, argumentId: string): Promise<NotificationRow[]>;
    /** A member's notifications, newest first; `unreadOnly` for those not yet read. */
    ofUser(userId: string, limit: number, unreadOnly?: boolean): Promise<NotificationRow[]>;
    /** Marks the member's own notifications read (`ids` null: all of them); others' ids do nothing. */
    markRead(userId: string, ids: string[] | null, at: Date): Promise<void>;
  };
  /** Everything one person has done here: what their export reads and their deletion rewrites. */
  people: {
    /** The spaces they are a member of, with the space's name, oldest membership first. */
    memberships(userId: string): Promise<(MembershipRow & { spaceName: string })[]>;
    /** The arguments they wrote, oldest first, whatever their status. */
    arguments(userId: string): Promise<ArgumentRow[]>;
    votes(userId: string): Promise<VoteRow[]>;
    ratings(userId: string): Promise<RatingRow[]>;
    agreements(userId: string): Promise<AgreementRow[]>;
    /** Their notifications, oldest first. */
    notifications(userId: string): Promise<NotificationRow[]>;
    /** Deletes their inbox, follows and read marks: what only they ever read. */
    eraseInbox(userId: string): Promise<void>;
    /** Removes the identity providers' accounts linked to them: none can sign them in again. */
    unlinkProviders(userId: string): Promise<void>;
    /**
     * Gives their arguments a new author name: the motions whose arguments changed, each with
     * whether any of them was ever public there (the others were seen by no one but moderators).
     */
    renameAuthor(userId: string, name: string): Promise<{ motionId: string; wasPublic: boolean }[]>;
  };
  commands: {
    find(actorId: string, clientId: string): Promise<CommandRow | undefined>;
    save(row: CommandRow): Promise<void>;
  };
  readStates: {
    get(userId: string, motionId: string): Promise<ReadStateRow | undefined>;
    /** Keeps the higher lastSeq: a late or repeated mark never moves reading backwards. */
    put(row: ReadStateRow): Promise<void>;
    list(userId: string, motionIds: string[]): Promise<ReadStateRow[]>;
    /**
     * Per motion, the published arguments by others that went public after the user's lastSeq
     * (0 without a row); motions with none are absent from the map.
     */
    unread(userId: string, motionIds: string[]): Promise<Map<string, number>>;
  };
}

export interface Store extends Repos {
  readonly dialect: Dialect;
  /** Full-text search over arguments and current passages, within `scope` (see db/search.ts). */
  search(scope: SearchScope): Promise<SearchHit[]>;
  /**
   * Runs `work` in one write transaction. It commits, unless `work` throws or returns a refusal
   * ({ok: false}); then nothing it wrote is kept.
   */
  transaction<T>(work: (tx: Repos) => Promise<T>): Promise<T>;
  /**
   * Runs `work`'s reads on one unchanging view of the database: a read in turns, with other
   * requests between its pages, sees no write that commits meanwhile. Nothing can be written.
   */
  snapshot<T>(work: (read: Repos) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function isRefusal(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

/** Whether a write failed on a unique key, in either dialect (drizzle wraps the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (
      code === "23505" ||
      code === "SQLITE_CONSTRAINT_UNIQUE" ||
      code === "SQLITE_CONSTRAINT_PRIMARYKEY"
    ) {
      return true;
    }
  }
  return false;
}
