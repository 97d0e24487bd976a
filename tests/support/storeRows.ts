import { afterAll, beforeAll } from "vitest";
import type {
  ArgumentRow,
  BlockRow,
  CitationRow,
  DocumentRow,
  DocumentVersionRow,
  MotionRow,
  MotionSourceRow,
  Repos,
  SpaceRow,
  Store,
  UserRow,
} from "../../db/store";
import { defaultMotionSettings } from "../../lib/debate";
import { initialSession } from "../../lib/session";
import type { SpaceRole } from "../../lib/spaces";
import type { TestStore } from "./stores";

export const newId = () => crypto.randomUUID();

/** A fixed minute of a fixed day, so rows ordered by time sort the same on every run. */
export const minute = (n: number) => new Date(Date.UTC(2026, 0, 5, 9, 0) + n * 60_000);

/** The sample document: a heading and two paragraphs, one block each. */
export const libraryText =
  "Findings\n\nThe harbour was closed in winter.\n\nTrade moved inland by rail.";

export interface StoredDocument {
  document: DocumentRow;
  version: DocumentVersionRow;
  blocks: BlockRow[];
}

/** A quote of `exact` in the document's current version, as sources and citations hold it. */
export function passage({ document, version }: StoredDocument, exact: string) {
  const start = version.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the document`);
  return {
    documentId: document.id,
    versionId: version.id,
    exact,
    prefix: version.text.slice(Math.max(0, start - 16), start),
    suffix: version.text.slice(start + exact.length, start + exact.length + 16),
    start,
    end: start + exact.length,
    anchorStatus: "exact" as const,
    anchorConfidence: 1,
    anchorVersionId: null,
    anchorStart: null,
    anchorEnd: null,
  };
}

/** A public space's row with a fresh id, not yet written. */
export const spaceRow = (change: Partial<SpaceRow> = {}): SpaceRow => {
  const id = newId();
  return {
    id,
    slug: `space-${id}`,
    name: "A seminar",
    visibility: "public",
    joinCode: null,
    createdAt: minute(0),
    ...change,
  };
};

/**
 * Rows written straight through the Store (always in a transaction: outside one, SQLite's Store
 * only reads), each with fresh ids and any column overridden. The contract tests build their
 * worlds from these, so each test states only the columns it is about.
 */
export function storeRows(store: Store) {
  const write = <T>(work: (tx: Repos) => Promise<T>) => store.transaction(work);

  const space = async (change: Partial<SpaceRow> = {}) => {
    const row = spaceRow(change);
    await write((tx) => tx.spaces.insert(row));
    return row;
  };

  const user = async (change: Partial<Omit<UserRow, "emailVerified" | "image">> = {}) => {
    const id = newId();
    const row = {
      id,
      name: "Ada Reader",
      email: `${id}@example.test`,
      passwordHash: "not-a-real-hash",
      guestSpaceId: null,
      createdAt: minute(0),
      ...change,
    };
    await write((tx) => tx.users.insert(row));
    return row;
  };

  const member = async (spaceId: string, role: SpaceRole = "participant", name = "Ada Reader") => {
    const row = await user({ name });
    await write((tx) =>
      tx.memberships.insert({ spaceId, userId: row.id, role, joinedAt: minute(1) }),
    );
    return row;
  };

  /** A document whose current version is `text`, cut into one block per paragraph. */
  const document = async (
    spaceId: string,
    text = libraryText,
    change: Partial<DocumentRow> = {},
  ): Promise<StoredDocument> => {
    const documentId = newId();
    const version: DocumentVersionRow = {
      id: newId(),
      documentId,
      number: 1,
      fileName: "report.txt",
      mediaType: "text/plain",
      raw: Buffer.from(text),
      rawHash: "raw-hash",
      text,
      contentHash: "content-hash",
      createdAt: minute(0),
    };
    const document: DocumentRow = {
      id: documentId,
      spaceId,
      title: "Harbour report",
      author: null,
      publisher: null,
      publishedAt: null,
      sourceUrl: null,
      note: null,
      currentVersionId: version.id,
      copiedFrom: null,
      createdAt: minute(0),
      ...change,
    };
    let start = 0;
    const blocks: BlockRow[] = text.split("\n\n").map((paragraph, position) => {
      const block: BlockRow = {
        versionId: version.id,
        position,
        kind: position === 0 ? "heading" : "paragraph",
        level: position === 0 ? 1 : null,
        start,
        end: start + paragraph.length,
      };
      start += paragraph.length + 2;
      return block;
    });
    await write(async (tx) => {
      await tx.documents.insert(document);
      await tx.documents.insertVersion(version, blocks);
    });
    return { document, version, blocks };
  };

  const motion = async (
    spaceId: string,
    change: Partial<MotionRow> = {},
    sources: Omit<MotionSourceRow, "motionId" | "position">[] = [],
  ) => {
    const row: MotionRow = {
      id: newId(),
      spaceId,
      title: "The rail line was worth building",
      description: "",
      status: "open",
      settings: defaultMotionSettings,
      pinned: [],
      spotlightId: null,
      session: initialSession,
      lastSeq: 0,
      createdAt: minute(0),
      ...change,
    };
    const sourceRows = sources.map((source, position) => ({
      ...source,
      motionId: row.id,
      position,
    }));
    await write((tx) => tx.motions.insert(row, sourceRows));
    return { motion: row, sources: sourceRows };
  };

  /** An argument's row and its citations' rows, not stored. */
  const argumentRows = (
    motionId: string,
    change: Partial<ArgumentRow> = {},
    citations: Omit<CitationRow, "argumentId" | "position">[] = [],
  ) => {
    const row: ArgumentRow = {
      id: newId(),
      motionId,
      parentId: null,
      relation: "for",
      body: "The line carried the trade the harbour lost.",
      authorId: newId(),
      authorName: "Ada Reader",
      pseudonym: 1,
      status: "published",
      rejectionReason: null,
      createdAt: minute(2),
      editedAt: null,
      publishedSeq: null,
      ...change,
    };
    const citationRows = citations.map((citation, position) => ({
      ...citation,
      argumentId: row.id,
      position,
    }));
    return { argument: row, citations: citationRows };
  };

  const argument = async (...args: Parameters<typeof argumentRows>) => {
    const made = argumentRows(...args);
    await write((tx) => tx.arguments.insert(made.argument, made.citations));
    return made;
  };

  return { write, space, user, member, document, motion, argumentRows, argument };
}

export type StoreRows = ReturnType<typeof storeRows>;

/**
 * The set-up every Store contract file shares: a describe block's Store of one dialect, opened
 * before its tests and disposed after them, and the rows made through it. The Store answered is
 * the opened one's stand-in, so a block can name it where its tests are declared.
 */
export function contractStore(dialect: { open: () => Promise<TestStore> }) {
  let db: TestStore | undefined;
  beforeAll(async () => {
    db = await dialect.open();
  });
  afterAll(() => db?.dispose());
  const store = new Proxy({} as Store, {
    get: (_, key) => {
      if (!db) throw new Error("the Store is opened before the tests run");
      return Reflect.get(db.store, key);
    },
  });
  return { store, rows: storeRows(store) };
}
