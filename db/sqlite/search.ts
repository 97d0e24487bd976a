import type Database from "better-sqlite3";
import {
  type ArgumentHitRow,
  argumentHit,
  bestOf,
  cursorColumns,
  onlyArguments,
  type PassageHitRow,
  passageHit,
  type SearchHit,
  type SearchScope,
} from "../search";

const HITS = `
    WITH RECURSIVE hits AS MATERIALIZED (
      SELECT k.id AS key, a.id, a.motion_id, a.parent_id, a.relation, a.author_id, a.author_name,
        a.pseudonym, a.created_at, m.title AS motion_title, m.space_id,
        json_extract(m.settings, '$.anonymous') AS anonymous,
        bm25(search_text) AS rank
      FROM search_text
      CROSS JOIN search_keys k ON k.id = search_text.rowid
      CROSS JOIN arguments a ON a.id = k.argument_id
      CROSS JOIN motions m ON m.id = a.motion_id
      WHERE search_text MATCH @match
        AND a.status = 'published'
        AND m.space_id IN (SELECT value FROM json_each(@readable))
        AND (m.status <> 'draft' OR m.space_id IN (SELECT value FROM json_each(@moderated)))
        AND (@spaceId IS NULL OR m.space_id = @spaceId)
        AND (@motionId IS NULL OR a.motion_id = @motionId)
        AND (@authorId IS NULL OR (a.author_id = @authorId
          AND (@authorName IS NULL OR a.author_name = @authorName) AND (
          json_extract(m.settings, '$.anonymous') = 0
          OR m.space_id IN (SELECT value FROM json_each(@moderated))
          OR a.author_id = @viewer)))
        AND (@cited IS NULL OR EXISTS (SELECT 1 FROM citations c WHERE c.argument_id = a.id) = @cited)
    )`;

/** From each of `rows` up to its top-level argument, counting attacks: each one turns the side. */
const sidesOf = (rows: string) => `
    walk (id, at, attacks, depth) AS (
      SELECT id, id, 0, 0 FROM ${rows}
      UNION ALL
      SELECT w.id, a.parent_id, w.attacks + (a.relation = 'attacks'), w.depth + 1
      FROM walk w JOIN arguments a ON a.id = w.at
      WHERE a.parent_id IS NOT NULL AND w.depth < 256
    ),
    sides AS MATERIALIZED (
      SELECT w.id,
        CASE WHEN (r.relation = 'against') = (w.attacks % 2 = 0) THEN 'against' ELSE 'for' END AS side
      FROM walk w JOIN arguments r ON r.id = w.at
      WHERE r.parent_id IS NULL AND r.relation IN ('for', 'against')
    )`;

/** The arguments after the cursor: bm25's rank is lower for a better match. */
const AFTER_ARGUMENT = (h: string) => `(@afterRank IS NULL OR ${h}.rank > @afterRank
      OR (${h}.rank = @afterRank AND @afterArgument IS NOT NULL AND ${h}.id > @afterArgument))`;

// Only for the rows shown (the snippet: a correlated MATCH on one rowid).
const CITED = "EXISTS (SELECT 1 FROM citations c WHERE c.argument_id = top.id) AS cited";

const SNIPPET = `(SELECT snippet(search_text, 0, char(2), char(3), '…', 32) FROM search_text
      WHERE search_text MATCH @match AND search_text.rowid = top.key)`;

/**
 * FTS5 search (migration 0007): one index, search_text, holds arguments' bodies and blocks'
 * texts, so bm25 ranks both kinds on one scale. The words become quoted FTS5 strings, so what a
 * reader types is never query syntax. The joins are CROSS JOINs because that keeps SQLite's join
 * order: the planner would otherwise start from the (few) documents or motions and run the
 * MATCH once per row.
 */
export function sqliteSearch(db: Database.Database) {
  // The side is worked out for every hit only when it filters them; else for the page shown.
  const argumentsQuery = db.prepare(`
    ${HITS},
    ${sidesOf("hits")},
    top AS (
      SELECT h.*, s.side FROM hits h JOIN sides s ON s.id = h.id
      WHERE s.side = @side AND ${AFTER_ARGUMENT("h")}
      ORDER BY h.rank, h.id
      LIMIT @limit
    )
    SELECT top.*, ${CITED}, ${SNIPPET} AS snippet FROM top ORDER BY top.rank, top.id
  `);
  const argumentsAnySide = db.prepare(`
    ${HITS},
    top AS (SELECT * FROM hits WHERE ${AFTER_ARGUMENT("hits")} ORDER BY rank, id LIMIT @limit),
    ${sidesOf("top")}
    SELECT top.*, s.side, ${CITED}, ${SNIPPET} AS snippet
    FROM top LEFT JOIN sides s ON s.id = top.id
    ORDER BY top.rank, top.id
  `);

  // After the cursor: at its rank, every passage after an argument, or those after its passage.
  const passagesQuery = db.prepare(`
    WITH hits AS MATERIALIZED (
      SELECT k.id AS key, d.id AS document_id, d.title AS document_title, d.space_id,
        b.version_id, b.position, b.start, b."end", bm25(search_text) AS rank
      FROM search_text
      CROSS JOIN search_keys k ON k.id = search_text.rowid
      CROSS JOIN documents d ON d.current_version_id = k.version_id
      CROSS JOIN blocks b ON b.version_id = k.version_id AND b.position = k.position
      WHERE search_text MATCH @match
        AND d.space_id IN (SELECT value FROM json_each(@readable))
        AND (@spaceId IS NULL OR d.space_id = @spaceId)
    ),
    top AS (
      SELECT * FROM hits
      WHERE @afterRank IS NULL OR rank > @afterRank
        OR (rank = @afterRank AND (@passagesAtRank
          OR (document_id, position) > (@afterDocument, @afterPosition)))
      ORDER BY rank, document_id, position
      LIMIT @limit
    )
    SELECT top.*,
      (SELECT snippet(search_text, 0, char(2), char(3), '…', 32) FROM search_text
        WHERE search_text MATCH @match AND search_text.rowid = top.key) AS snippet
    FROM top ORDER BY top.rank, top.document_id, top.position
  `);

  return async (scope: SearchScope): Promise<SearchHit[]> => {
    const quoted = scope.words.map((word) => `"${word}"`);
    const last = quoted.pop() as string;
    // A last word typed whole ranks above the longer words it begins ("66" above "660"): a text
    // with the word matches both phrases, and bm25 adds up the phrases a text matches.
    const match = [...quoted, scope.prefix ? `(${last} OR ${last}*)` : last].join(" AND ");
    const after = cursorColumns(scope.after);
    const common = {
      match,
      readable: JSON.stringify(scope.readableSpaceIds),
      spaceId: scope.spaceId ?? null,
      limit: scope.limit,
      afterRank: after.score === null ? null : -after.score,
    };
    const hits: SearchHit[] = [];
    if (scope.type !== "passage") {
      const query = scope.side === undefined ? argumentsAnySide : argumentsQuery;
      const rows = query.all({
        ...common,
        moderated: JSON.stringify(scope.moderatedSpaceIds),
        viewer: scope.viewerId,
        motionId: scope.motionId ?? null,
        authorId: scope.authorId ?? null,
        authorName: scope.authorName ?? null,
        afterArgument: after.argumentId,
        side: scope.side ?? null,
        cited: scope.hasCitations === undefined ? null : Number(scope.hasCitations),
      }) as ArgumentRow[];
      for (const row of rows) {
        hits.push(argumentHit(row, -row.rank));
      }
    }
    if (!onlyArguments(scope)) {
      const rows = passagesQuery.all({
        ...common,
        passagesAtRank: Number(after.passagesAtScore),
        afterDocument: after.documentId,
        afterPosition: after.position,
      }) as PassageRow[];
      for (const row of rows) {
        hits.push(passageHit(row, -row.rank));
      }
    }
    return bestOf(hits, scope.limit);
  };
}

type ArgumentRow = ArgumentHitRow & { rank: number };

type PassageRow = PassageHitRow & { rank: number };
