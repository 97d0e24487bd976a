import {
  and,
  asc,
  type Column,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  ne,
  notInArray,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Repos } from "../store";
import type { QueryDb, RepoContext, Tables } from "./context";
import { idsValue } from "./hot";

/**
 * `(columns) > (values)` (or another operator), the key of a page compared as a row: both
 * databases then walk an index from the key on, where the same test spelled with OR makes
 * PostgreSQL read the rows before the key again for every page.
 */
const rowCompared = (columns: Column[], operator: ">" | ">=", values: unknown[]) =>
  sql`(${sql.join(columns, sql`, `)}) ${sql.raw(operator)} (${sql.join(
    values.map((value, i) => sql.param(value, columns[i])),
    sql`, `,
  )})`;

/** The motion's arguments after `after` in their order (oldest first, then by id), or all. */
const argumentsAfter = (
  t: Tables,
  motionId: string,
  after?: { createdAt: Date; id: string } | null,
) => {
  const a = t.debateArguments;
  return and(
    eq(a.motionId, motionId),
    after ? rowCompared([a.createdAt, a.id], ">", [after.createdAt, after.id]) : undefined,
  );
};

/** Stances on arguments, with their arguments' columns to choose them by. */
const agreementsWhere = (db: QueryDb, t: Tables, where: ReturnType<typeof and>) =>
  db
    .select(getTableColumns(t.agreements))
    .from(t.agreements)
    .innerJoin(t.debateArguments, eq(t.debateArguments.id, t.agreements.argumentId))
    .where(where);

/** `count(*)` as a number in both dialects (PostgreSQL's is a bigint, which `pg` reads as text). */
const countOf = () => sql<number>`cast(count(*) as integer)`.mapWith(Number);

/**
 * Of citations joined to their arguments and motions: those on arguments of the space's motions
 * someone may still read, and `where`.
 */
const readableInSpace = (t: Tables, spaceId: string, where: SQL | undefined) =>
  and(
    eq(t.motions.spaceId, spaceId),
    notInArray(t.debateArguments.status, ["withdrawn", "retracted", "rejected"]),
    where,
  );

/** Motions and their debates: arguments, votes, stances, grades and ratings. */
export const debateRepos = ({
  db,
  t,
  dialect,
  hot,
}: RepoContext): Pick<
  Repos,
  "motions" | "arguments" | "votes" | "agreements" | "grades" | "ratings"
> => ({
  motions: {
    get: async (id) => (await db.select().from(t.motions).where(eq(t.motions.id, id)))[0],
    withPlace: async (id, userId) => {
      const [row] = await hot.motionWithPlace().execute({ id, userId: userId ?? "" });
      return row && { ...row, membership: row.membership ?? undefined };
    },
    lock: async (id) => {
      // An update that changes nothing still takes the row lock, in both dialects' syntax, and
      // answers the row as it stands once the lock is held.
      const [row] = await hot.motionLock().execute({ id });
      return row;
    },
    update: async (id, change) => {
      await db.update(t.motions).set(change).where(eq(t.motions.id, id));
    },
    list: async (spaceIds) =>
      spaceIds.length === 0
        ? []
        : db
            .select()
            .from(t.motions)
            .where(inArray(t.motions.spaceId, spaceIds))
            .orderBy(asc(t.motions.createdAt), asc(t.motions.title)),
    insert: async (row, sources) => {
      await db.insert(t.motions).values(row);
      if (sources.length > 0) await db.insert(t.motionSources).values(sources);
    },
    sources: async (motionIds) =>
      motionIds.length === 0
        ? []
        : db
            .select()
            .from(t.motionSources)
            .where(inArray(t.motionSources.motionId, motionIds))
            .orderBy(asc(t.motionSources.motionId), asc(t.motionSources.position)),
    withSampleDebate: async (motionIds) => {
      if (motionIds.length === 0) return [];
      const a = t.debateArguments;
      const rows = await db
        .select({ motionId: a.motionId })
        .from(a)
        .innerJoin(t.users, eq(t.users.id, a.authorId))
        .where(and(inArray(a.motionId, motionIds), eq(t.users.sample, true)))
        .groupBy(a.motionId);
      return rows.map((row) => row.motionId);
    },
    sourcesInDocument: (documentId) =>
      db
        .select()
        .from(t.motionSources)
        .where(eq(t.motionSources.documentId, documentId))
        .orderBy(asc(t.motionSources.start), asc(t.motionSources.end)),
    arguments: (motionId, page) => {
      const query = db
        .select()
        .from(t.debateArguments)
        .where(argumentsAfter(t, motionId, page?.after))
        .orderBy(asc(t.debateArguments.createdAt), asc(t.debateArguments.id));
      return page ? query.limit(page.limit) : query;
    },
    argumentShapes: (motionId, page) => {
      const { body: _, rejectionReason: __, ...shape } = getTableColumns(t.debateArguments);
      const query = db
        .select(shape)
        .from(t.debateArguments)
        .where(argumentsAfter(t, motionId, page?.after))
        .orderBy(asc(t.debateArguments.createdAt), asc(t.debateArguments.id));
      return page ? query.limit(page.limit) : query;
    },
    citedSpans: (motionId, page) => {
      const c = t.citations;
      const a = t.debateArguments;
      const after = page?.after;
      const query = db
        .select({
          postedAt: a.createdAt,
          argumentId: c.argumentId,
          position: c.position,
          documentId: c.documentId,
          anchorVersionId: c.anchorVersionId,
          anchorStart: c.anchorStart,
          anchorEnd: c.anchorEnd,
        })
        .from(c)
        .innerJoin(a, eq(a.id, c.argumentId))
        .where(
          and(
            eq(a.motionId, motionId),
            ne(c.anchorStatus, "detached"),
            // The argument's part of the key walks arguments_motion_posted_idx; the whole key
            // then leaves out the citations of its argument already read.
            after
              ? and(
                  rowCompared([a.createdAt, a.id], ">=", [after.postedAt, after.argumentId]),
                  rowCompared([a.createdAt, a.id, c.position], ">", [
                    after.postedAt,
                    after.argumentId,
                    after.position,
                  ]),
                )
              : undefined,
          ),
        )
        .orderBy(asc(a.createdAt), asc(a.id), asc(c.position));
      return page ? query.limit(page.limit) : query;
    },
    newArgumentIds: async (motionId, readerId, afterSeq) =>
      (
        await db
          .select({ id: t.debateArguments.id })
          .from(t.debateArguments)
          .where(
            and(
              eq(t.debateArguments.motionId, motionId),
              eq(t.debateArguments.status, "published"),
              ne(t.debateArguments.authorId, readerId),
              gt(t.debateArguments.publishedSeq, afterSeq),
            ),
          )
          .orderBy(asc(t.debateArguments.createdAt), asc(t.debateArguments.id))
      ).map((row) => row.id),
    setSourceAnchor: async (motionId, position, anchor) => {
      await db
        .update(t.motionSources)
        .set(anchor)
        .where(and(eq(t.motionSources.motionId, motionId), eq(t.motionSources.position, position)));
    },
  },
  arguments: {
    get: async (id) => (await hot.argument().execute({ id }))[0],
    byIds: async (ids) =>
      ids.length === 0
        ? []
        : db.select().from(t.debateArguments).where(inArray(t.debateArguments.id, ids)),
    repliesTo: async (motionId, parentIds) =>
      parentIds.length === 0
        ? []
        : db
            .select({ id: t.debateArguments.id, status: t.debateArguments.status })
            .from(t.debateArguments)
            .where(
              and(
                eq(t.debateArguments.motionId, motionId),
                inArray(t.debateArguments.parentId, parentIds),
              ),
            ),
    insert: async (row, citations) => {
      await db.insert(t.debateArguments).values(row);
      if (citations.length > 0) await db.insert(t.citations).values(citations);
    },
    update: async (id, change) => {
      await db.update(t.debateArguments).set(change).where(eq(t.debateArguments.id, id));
    },
    place: async ({ id, motionId, authorId }, { createdAt, publishedSeq }) => {
      const [placed] = await hot
        .placeArgument()
        .execute({ id, motionId, authorId, createdAt, publishedSeq });
      return placed?.pseudonym ?? 0;
    },
    revisions: (argumentId) =>
      db
        .select()
        .from(t.argumentRevisions)
        .where(eq(t.argumentRevisions.argumentId, argumentId))
        .orderBy(asc(t.argumentRevisions.revision)),
    addRevision: async (row) => {
      await db.insert(t.argumentRevisions).values(row);
    },
    citations: async (argumentIds) =>
      argumentIds.length === 0
        ? []
        : hot.citationsOf().execute({ ids: idsValue(dialect, argumentIds) }),
    setCitationAnchor: async (argumentId, position, anchor) => {
      await hot.citationAnchor().execute({ ...anchor, argumentId, position });
    },
    citationsInDocument: async (documentId, page) => {
      const c = t.citations;
      const after = page?.after;
      const query = db
        .select({
          citation: c,
          motionId: t.debateArguments.motionId,
          relation: t.debateArguments.relation,
          status: t.debateArguments.status,
        })
        .from(c)
        .innerJoin(t.debateArguments, eq(t.debateArguments.id, c.argumentId))
        .where(
          and(
            eq(c.documentId, documentId),
            // A walk of citations_document_state_idx from the key on.
            after
              ? rowCompared([c.anchorStatus, c.argumentId, c.position], ">", [
                  after.anchorStatus,
                  after.argumentId,
                  after.position,
                ])
              : undefined,
          ),
        )
        .orderBy(asc(c.anchorStatus), asc(c.argumentId), asc(c.position));
      const rows = await (page ? query.limit(page.limit) : query);
      return rows.map(({ citation, ...argument }) => ({ ...citation, ...argument }));
    },
    unsettledCitations: async ({ spaceId, documentId, state }, { after, limit }) => {
      const c = t.citations;
      const a = t.debateArguments;
      const rows = await db
        .select({
          citation: c,
          motionId: a.motionId,
          body: a.body,
          authorId: a.authorId,
          authorName: a.authorName,
          motionTitle: t.motions.title,
        })
        .from(c)
        .innerJoin(a, eq(a.id, c.argumentId))
        .innerJoin(t.motions, eq(t.motions.id, a.motionId))
        .where(
          readableInSpace(
            t,
            spaceId,
            and(
              // A walk of citations_document_state_idx from the key on.
              eq(c.documentId, documentId),
              eq(c.anchorStatus, state),
              after
                ? rowCompared([c.argumentId, c.position], ">", [after.argumentId, after.position])
                : undefined,
            ),
          ),
        )
        .orderBy(asc(c.argumentId), asc(c.position))
        .limit(limit);
      return rows.map(({ citation, ...argument }) => ({ ...citation, ...argument }));
    },
    countUnsettledCitations: async (spaceId) => {
      const c = t.citations;
      const [row] = await db
        .select({ total: count() })
        .from(c)
        .innerJoin(t.debateArguments, eq(t.debateArguments.id, c.argumentId))
        .innerJoin(t.motions, eq(t.motions.id, t.debateArguments.motionId))
        .where(
          readableInSpace(
            t,
            spaceId,
            and(
              inArray(
                c.documentId,
                db
                  .select({ id: t.documents.id })
                  .from(t.documents)
                  .where(eq(t.documents.spaceId, spaceId)),
              ),
              inArray(c.anchorStatus, ["fuzzy", "orphaned"]),
            ),
          ),
        );
      return row?.total ?? 0;
    },
    citationsByAuthor: (motionId, authorId) => {
      const a = t.debateArguments;
      return db
        .select({
          authorId: a.authorId,
          citations: countOf(),
        })
        .from(t.citations)
        .innerJoin(a, eq(a.id, t.citations.argumentId))
        .where(
          and(
            eq(a.motionId, motionId),
            authorId === undefined ? undefined : eq(a.authorId, authorId),
          ),
        )
        .groupBy(a.authorId)
        .orderBy(asc(a.authorId));
    },
    motionsCiting: async (documentId) => {
      const rows = await db
        .select({ motionId: t.debateArguments.motionId })
        .from(t.citations)
        .innerJoin(t.debateArguments, eq(t.debateArguments.id, t.citations.argumentId))
        .where(eq(t.citations.documentId, documentId))
        .groupBy(t.debateArguments.motionId)
        .orderBy(asc(t.debateArguments.motionId));
      return rows.map((row) => row.motionId);
    },
  },
  votes: {
    put: async (row) => {
      await db
        .insert(t.votes)
        .values(row)
        .onConflictDoUpdate({
          target: [t.votes.motionId, t.votes.userId, t.votes.phase],
          set: { stance: row.stance, castAt: row.castAt },
        });
    },
    list: (motionId) => db.select().from(t.votes).where(eq(t.votes.motionId, motionId)),
  },
  agreements: {
    put: async (row) => {
      await db
        .insert(t.agreements)
        .values(row)
        .onConflictDoUpdate({
          target: [t.agreements.argumentId, t.agreements.userId],
          set: { stance: row.stance, judgedAt: row.judgedAt },
        });
    },
    list: async (argumentIds) =>
      argumentIds.length === 0
        ? []
        : hot.agreementsOf().execute({ ids: idsValue(dialect, argumentIds) }),
    ofMotion: async (motionId) =>
      agreementsWhere(
        db,
        t,
        and(eq(t.debateArguments.motionId, motionId), eq(t.debateArguments.status, "published")),
      ),
    ofPerson: async (motionId, userId) =>
      agreementsWhere(
        db,
        t,
        and(eq(t.debateArguments.motionId, motionId), eq(t.agreements.userId, userId)),
      ),
  },
  grades: {
    rubrics: async (motionIds) =>
      motionIds.length === 0
        ? []
        : db.select().from(t.rubrics).where(inArray(t.rubrics.motionId, motionIds)),
    putRubric: async (row) => {
      const { motionId: _, ...change } = row;
      await db
        .insert(t.rubrics)
        .values(row)
        .onConflictDoUpdate({ target: t.rubrics.motionId, set: change });
    },
    marks: async (motionIds) =>
      motionIds.length === 0
        ? []
        : db.select().from(t.gradeMarks).where(inArray(t.gradeMarks.motionId, motionIds)),
    putMark: async (row) => {
      const { motionId: _, userId: __, ...change } = row;
      await db
        .insert(t.gradeMarks)
        .values(row)
        .onConflictDoUpdate({
          target: [t.gradeMarks.motionId, t.gradeMarks.userId],
          set: change,
        });
    },
  },
  ratings: {
    put: async (row) => {
      await db
        .insert(t.ratings)
        .values(row)
        .onConflictDoUpdate({
          target: [t.ratings.argumentId, t.ratings.userId],
          set: { score: row.score, ratedAt: row.ratedAt },
        });
    },
    list: async (argumentIds) =>
      argumentIds.length === 0
        ? []
        : hot.ratingsOf().execute({ ids: idsValue(dialect, argumentIds) }),
    ofPerson: async (motionId, userId) =>
      db
        .select(getTableColumns(t.ratings))
        .from(t.ratings)
        .innerJoin(t.debateArguments, eq(t.debateArguments.id, t.ratings.argumentId))
        .where(and(eq(t.debateArguments.motionId, motionId), eq(t.ratings.userId, userId))),
    givenIn: (motionId, userId) =>
      db
        .select({ userId: t.ratings.userId, count: countOf() })
        .from(t.ratings)
        .innerJoin(t.debateArguments, eq(t.debateArguments.id, t.ratings.argumentId))
        .where(
          and(
            eq(t.debateArguments.motionId, motionId),
            userId === undefined ? undefined : eq(t.ratings.userId, userId),
          ),
        )
        .groupBy(t.ratings.userId)
        .orderBy(asc(t.ratings.userId)),
    receivedIn: (motionId, authorId) => {
      const a = t.debateArguments;
      return db
        .select({ userId: a.authorId, count: countOf() })
        .from(t.ratings)
        .innerJoin(a, eq(a.id, t.ratings.argumentId))
        .where(
          and(
            eq(a.motionId, motionId),
            ne(t.ratings.userId, a.authorId),
            authorId === undefined ? undefined : eq(a.authorId, authorId),
          ),
        )
        .groupBy(a.authorId)
        .orderBy(asc(a.authorId));
    },
    strongest: (motionId, limit, offset) => {
      const total = sql<number>`cast(sum(${t.ratings.score}) as integer)`.mapWith(Number);
      const rated = sql<number>`cast(count(*) as integer)`.mapWith(Number);
      // The mean in hundredths, rounded half up, in whole numbers (the same in both dialects).
      const hundredths = sql`(sum(${t.ratings.score}) * 200 + count(*)) / (2 * count(*))`;
      return db
        .select({ argumentId: t.ratings.argumentId, total, count: rated })
        .from(t.ratings)
        .innerJoin(t.debateArguments, eq(t.debateArguments.id, t.ratings.argumentId))
        .where(
          and(eq(t.debateArguments.motionId, motionId), eq(t.debateArguments.status, "published")),
        )
        .groupBy(t.ratings.argumentId)
        .orderBy(desc(hundredths), desc(count()), asc(t.ratings.argumentId))
        .limit(limit)
        .offset(offset);
    },
  },
});
