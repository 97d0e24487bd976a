import { and, asc, count, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Repos } from "../store";
import type { RepoContext } from "./context";

/** The library: documents, their versions and their blocks of text. */
export const libraryRepos = ({ db, t, hot }: RepoContext): Pick<Repos, "documents"> => ({
  documents: {
    get: async (id) => (await db.select().from(t.documents).where(eq(t.documents.id, id)))[0],
    list: async (spaceIds) =>
      spaceIds.length === 0
        ? []
        : db
            .select()
            .from(t.documents)
            .where(inArray(t.documents.spaceId, spaceIds))
            .orderBy(asc(t.documents.createdAt), asc(t.documents.title)),
    insert: async (row) => {
      await db.insert(t.documents).values(row);
    },
    copyIn: async (spaceId, source) => {
      const [copy] = await db
        .select()
        .from(t.documents)
        .where(and(eq(t.documents.spaceId, spaceId), eq(t.documents.copiedFrom, source.id)));
      if (copy) return copy;
      const [sameText] = await db
        .select({ document: t.documents })
        .from(t.documents)
        .innerJoin(t.documentVersions, eq(t.documentVersions.id, t.documents.currentVersionId))
        .where(
          and(
            eq(t.documents.spaceId, spaceId),
            eq(t.documentVersions.contentHash, source.contentHash),
          ),
        )
        .orderBy(asc(t.documents.createdAt))
        .limit(1);
      return sameText?.document;
    },
    lock: async (id) => {
      await db
        .update(t.documents)
        .set({ id: sql`${t.documents.id}` })
        .where(eq(t.documents.id, id));
    },
    byIds: async (ids) => {
      if (ids.length === 0) return [];
      // Most posts cite one document: that read is built once.
      if (ids.length === 1) return hot.document().execute({ id: ids[0] });
      return db
        .select()
        .from(t.documents)
        .where(inArray(t.documents.id, ids))
        .orderBy(asc(t.documents.id));
    },
    setCurrentVersion: async (documentId, versionId) => {
      await db
        .update(t.documents)
        .set({ currentVersionId: versionId })
        .where(eq(t.documents.id, documentId));
    },
    version: async (id) => {
      const { raw: _file, ...columns } = getTableColumns(t.documentVersions);
      return (
        await db.select(columns).from(t.documentVersions).where(eq(t.documentVersions.id, id))
      )[0];
    },
    versionFile: async (id) => {
      const [row] = await db
        .select({ raw: t.documentVersions.raw })
        .from(t.documentVersions)
        .where(eq(t.documentVersions.id, id));
      return row ? new Uint8Array(row.raw) : undefined;
    },
    insertVersion: async (row, blocks) => {
      await db.insert(t.documentVersions).values(row);
      if (blocks.length > 0) await db.insert(t.blocks).values(blocks);
    },
    blocks: (versionId) =>
      db
        .select()
        .from(t.blocks)
        .where(eq(t.blocks.versionId, versionId))
        .orderBy(asc(t.blocks.position)),
    blockCounts: async (versionIds) => {
      if (versionIds.length === 0) return new Map();
      const rows = await db
        .select({ versionId: t.blocks.versionId, blocks: count() })
        .from(t.blocks)
        .where(inArray(t.blocks.versionId, versionIds))
        .groupBy(t.blocks.versionId);
      return new Map(rows.map((row) => [row.versionId, Number(row.blocks)]));
    },
  },
});
