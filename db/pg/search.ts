import type pg from "pg";
import { SNIPPET_END, SNIPPET_START } from "../../lib/search";
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

// The words go in as a parameter; being letters and digits only, they are never tsquery syntax.
// Written out in place (not read from a CTE), so the planner sees a constant and uses the index.
const QUERY = "to_tsquery('english', $1)";

/**
 * A text's rank: its rank for the words as typed, plus its rank for them with the last one
 * whole (the parameter `whole`; ts_rank is next to nothing for a text without it), so a last
 * word typed whole ranks above the longer words it begins ("66" above "660"). As float8, which
 * JavaScript's numbers hold exactly, so a cursor's score compares equal to its hit's.
 */
const rankOf = (vector: string, whole: string) =>
  `(ts_rank(${vector}, ${QUERY}) + ts_rank(${vector}, to_tsquery('english', ${whole})))::float8`;

const HEADLINE = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=40, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

// The stored vectors of migration 0007, which the GIN indexes cover.
const HITS = `
  WITH hits AS (
    SELECT a.id, a.motion_id, a.parent_id, a.relation, a.author_id, a.author_name, a.pseudonym,
      a.created_at, m.title AS motion_title, m.space_id,
      coalesce((m.settings->>'anonymous')::boolean, false) AS anonymous,
      EXISTS (SELECT 1 FROM citations c WHERE c.argument_id = a.id) AS cited,
      ${rankOf("a.search_vector", "$12")} AS score
    FROM arguments a JOIN motions m ON m.id = a.motion_id
    WHERE a.search_vector @@ ${QUERY}
      AND a.status = 'published'
      AND m.space_id = ANY($2::text[])
      AND (m.status <> 'draft' OR m.space_id = ANY($3::text[]))
      AND ($4::text IS NULL OR m.space_id = $4)
      AND ($5::text IS NULL OR a.motion_id = $5)
      AND ($6::text IS NULL OR (a.author_id = $6 AND ($13::text IS NULL OR a.author_name = $13)
        AND (
          NOT coalesce((m.settings->>'anonymous')::boolean, false)
          OR m.space_id = ANY($3::text[])
          OR a.author_id = $7)))
      AND ($8::boolean IS NULL
        OR EXISTS (SELECT 1 FROM citations c WHERE c.argument_id = a.id) = $8)
  )`;

/** The arguments after the cursor ($14 its score, $15 its argument's id). */
const AFTER_ARGUMENT = (h: string) => `($14::float8 IS NULL OR ${h}.score < $14
      OR (${h}.score = $14 AND $15::text IS NOT NULL AND ${h}.id > $15))`;

/**
 * The side of the motion argument `id` argues, one row: from it up to its top-level argument,
 * counting attacks (each one turns the side). Per row, so no join of two unindexed CTEs.
 */
const sideOf = (id: string) => `
    WITH RECURSIVE walk (at, attacks, depth) AS (
      SELECT ${id}, 0, 0
      UNION ALL
      SELECT a.parent_id, w.attacks + (CASE WHEN a.relation = 'attacks' THEN 1 ELSE 0 END),
        w.depth + 1
      FROM walk w JOIN arguments a ON a.id = w.at
      WHERE a.parent_id IS NOT NULL AND w.depth < 256
    )
    SELECT CASE WHEN (r.relation = 'against') = (w.attacks % 2 = 0) THEN 'against' ELSE 'for' END
      AS side
    FROM walk w JOIN arguments r ON r.id = w.at
    WHERE r.parent_id IS NULL AND r.relation IN ('for', 'against')
    LIMIT 1`;

const ARGUMENTS = `${HITS},
  top AS (
    SELECT h.*, s.side FROM hits h LEFT JOIN LATERAL (${sideOf("h.id")}) s ON true
    WHERE s.side = $9 AND ${AFTER_ARGUMENT("h")}
    ORDER BY h.score DESC, h.id
    LIMIT $10
  )
  SELECT top.*, ts_headline('english', a.body, ${QUERY}, $11) AS snippet
  FROM top JOIN arguments a ON a.id = top.id
  ORDER BY top.score DESC, top.id`;

// Without a side filter, the side is worked out for the page shown only.
const ARGUMENTS_ANY_SIDE = `${HITS},
  top AS (SELECT * FROM hits WHERE ${AFTER_ARGUMENT("hits")} ORDER BY score DESC, id LIMIT $10)
  SELECT top.*, s.side, ts_headline('english', a.body, ${QUERY}, $11) AS snippet
  FROM top LEFT JOIN LATERAL (${sideOf("top.id")}) s ON true
  JOIN arguments a ON a.id = top.id
  WHERE $9::text IS NULL
  ORDER BY top.score DESC, top.id`;

// After the cursor: $7 its score; at that score, every passage ($8) or those after $9, $10.
const PASSAGES = `
  WITH hits AS (
    SELECT d.id AS document_id, d.title AS document_title, d.space_id, b.version_id, b.position,
      b.start, b."end", ${rankOf("s.search_vector", "$6")} AS score
    FROM block_search s
    JOIN documents d ON d.current_version_id = s.version_id
    JOIN blocks b ON b.version_id = s.version_id AND b.position = s.position
    WHERE s.search_vector @@ ${QUERY}
      AND d.space_id = ANY($2::text[])
      AND ($3::text IS NULL OR d.space_id = $3)
  ),
  top AS (
    SELECT * FROM hits
    WHERE $7::float8 IS NULL OR score < $7
      OR (score = $7 AND ($8::boolean OR (document_id, position) > ($9::text, $10::int)))
    ORDER BY score DESC, document_id, position
    LIMIT $4
  )
  SELECT top.*, ts_headline('english', s.body, ${QUERY}, $5) AS snippet
  FROM top JOIN block_search s ON s.version_id = top.version_id AND s.position = top.position
  ORDER BY top.score DESC, top.document_id, top.position`;

/**
 * PostgreSQL full-text search (migration 0007): GIN indexes on the stored vectors of arguments'
 * bodies and of block_search, ranked by ts_rank (which has no corpus statistics, so both kinds rank on one
 * scale), highlighted by ts_headline.
 */
export function pgSearch(pool: pg.Pool) {
  return async (scope: SearchScope): Promise<SearchHit[]> => {
    const whole = scope.words.join(" & ");
    const query = scope.prefix ? `${whole}:*` : whole;
    const after = cursorColumns(scope.after);
    const hits: SearchHit[] = [];
    if (scope.type !== "passage") {
      const sql = scope.side === undefined ? ARGUMENTS_ANY_SIDE : ARGUMENTS;
      const { rows } = await pool.query<ArgumentRow>(sql, [
        query,
        scope.readableSpaceIds,
        scope.moderatedSpaceIds,
        scope.spaceId ?? null,
        scope.motionId ?? null,
        scope.authorId ?? null,
        scope.viewerId,
        scope.hasCitations ?? null,
        scope.side ?? null,
        scope.limit,
        HEADLINE,
        whole,
        scope.authorName ?? null,
        after.score,
        after.argumentId,
      ]);
      for (const row of rows) {
        hits.push(argumentHit(row, row.score));
      }
    }
    if (!onlyArguments(scope)) {
      const { rows } = await pool.query<PassageRow>(PASSAGES, [
        query,
        scope.readableSpaceIds,
        scope.spaceId ?? null,
        scope.limit,
        HEADLINE,
        whole,
        after.score,
        after.passagesAtScore,
        after.documentId,
        after.position,
      ]);
      for (const row of rows) {
        hits.push(passageHit(row, row.score));
      }
    }
    return bestOf(hits, scope.limit);
  };
}

type ArgumentRow = ArgumentHitRow & { score: number };

type PassageRow = PassageHitRow & { score: number };
