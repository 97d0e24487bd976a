import type { SearchHit, Store } from "../../../db/store";
import { writeCursor } from "../../../lib/cursor";
import {
  readSnippet,
  type SearchCursor,
  SearchInput,
  type SearchResult,
  searchWords,
} from "../../../lib/search";
import { type Actor, authorize } from "../../policy";
import { pseudonymName } from "../debate/audience";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { readableSpaces } from "../spaces/queries";

/**
 * Arguments and passages of the documents' current versions that match the words, best first,
 * from the spaces the actor may read: published arguments only, drafts' only for the space's
 * moderators, and in an anonymous motion no author the actor may not know. What the actor may
 * read is decided here and kept to in the store's search query. A page of `limit` results
 * answers with `next`, where the page after it starts (null on the last page).
 */
export async function search(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ results: SearchResult[]; next: string | null }>> {
  const parsed = SearchInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { q, limit, ...filters } = parsed.data;
  const { words, prefix } = searchWords(q);
  if (words.length === 0) {
    return refuse(
      "invalid_input",
      "q: type a word or two to search for, not only punctuation or symbols",
    );
  }
  const spaces = await readableSpaces(store, actor);
  const moderated = new Set(
    spaces
      .filter((place) => authorize(actor, "motion.moderate", place) === null)
      .map(({ space }) => space.id),
  );
  // One more than the page, to know whether another page follows.
  const hits = await store.search({
    ...filters,
    words,
    prefix,
    viewerId: actor.id,
    readableSpaceIds: spaces.map(({ space }) => space.id),
    moderatedSpaceIds: [...moderated],
    limit: limit + 1,
  });
  const page = hits.slice(0, limit);
  const last = page.at(-1);
  return done({
    results: page.map((hit) => resultOf(hit, actor, moderated)),
    next: hits.length > limit && last ? writeCursor(cursorAt(last)) : null,
  });
}

const cursorAt = (hit: SearchHit): SearchCursor =>
  hit.type === "argument"
    ? { type: "argument", score: hit.score, id: hit.id }
    : { type: "passage", score: hit.score, documentId: hit.documentId, position: hit.position };

function resultOf(hit: SearchHit, actor: Actor, moderated: Set<string>): SearchResult {
  const { snippet, highlights } = readSnippet(hit.snippet);
  if (hit.type === "passage") {
    return {
      type: "passage",
      id: `${hit.versionId}:${hit.position}`,
      documentId: hit.documentId,
      documentTitle: hit.documentTitle,
      spaceId: hit.spaceId,
      start: hit.start,
      end: hit.end,
      snippet,
      highlights,
      href: `/documents/${hit.documentId}#block-${hit.start}`,
    };
  }
  const named = !hit.anonymous || moderated.has(hit.spaceId) || hit.authorId === actor.id;
  return {
    type: "argument",
    id: hit.id,
    motionId: hit.motionId,
    motionTitle: hit.motionTitle,
    spaceId: hit.spaceId,
    side: hit.side,
    relation: hit.relation,
    author: named ? { id: hit.authorId, name: hit.authorName } : pseudonymOf(hit.pseudonym),
    hasCitations: hit.hasCitations,
    createdAt: hit.createdAt.toISOString(),
    snippet,
    highlights,
    href: `/motions/${hit.motionId}#argument-${hit.id}`,
  };
}

// As the motion page shows them (audience.ts): arguments from before pseudonyms name nobody.
const pseudonymOf = (n: number) =>
  n
    ? { id: `participant-${n}`, name: pseudonymName(n) }
    : { id: "participant", name: "A participant" };
