import { setImmediate as nextTurn } from "node:timers/promises";
import type { AnchorColumns, CitationRow, Repos } from "../../../db/store";
import { type QuoteSelector, selectorAt } from "../../../lib/anchoring";
import type { CitationView } from "../../../lib/debate";
import { squash } from "../../../lib/documents/blocks";
import type { MotionEventData, OutgoingEvent } from "../../../lib/protocol";
import type { Anchor } from "../../../lib/reanchor";
import type { Failure } from "../../../lib/result";
import { workPool } from "../../work/shared";
import { byIdsInTurns } from "../byIdsInTurns";
import { citedByEach, sidesOf } from "../debate/argumentPages";
import { outgoing } from "../events";
import { citationsIn } from "./citationsIn";
import { anchorTexts, passageView } from "./passageView";

type Passage = Omit<CitationRow, "argumentId" | "position">;

/**
 * What a passage is looked for as in a new version: the text read where it stood last (so a
 * passage moved twice, or one a moderator settled, is followed), or its quote when it was
 * nowhere. A detached one is not looked for: it stays so.
 */
function wanted(passage: Passage, texts: Map<string, string>): QuoteSelector | null {
  if (passage.anchorStatus === "detached") return null;
  const last = passage.anchorVersionId ? texts.get(passage.anchorVersionId) : undefined;
  const placed =
    last !== undefined && passage.anchorStart !== null && passage.anchorEnd !== null
      ? selectorAt(last, passage.anchorStart, passage.anchorEnd)
      : null;
  const { exact, prefix, suffix, start, end } = passage;
  return placed ?? { exact, prefix, suffix, start, end };
}

/**
 * Where a passage stands in a new version, from where it was found. A change nobody has
 * reviewed stays to review however well it is found again, and a place whose words are not the
 * quote is never called exact.
 */
function anchorOf(
  passage: Passage,
  found: Anchor,
  version: { id: string; text: string },
): AnchorColumns {
  let { status, confidence } = found;
  const settled = status === "exact" || status === "moved";
  if (settled && passage.anchorStatus === "fuzzy") {
    status = "fuzzy";
    confidence = passage.anchorConfidence;
  } else if (status === "exact" && found.start !== null && found.end !== null) {
    const words = version.text.slice(found.start, found.end);
    if (squash(words) !== squash(passage.exact)) status = "moved";
  }
  return {
    anchorStatus: status,
    anchorConfidence: confidence,
    anchorVersionId: found.start === null ? null : version.id,
    anchorStart: found.start,
    anchorEnd: found.end,
  };
}

/**
 * The most published arguments of one motion whose passages' new places its `evidence.reanchored`
 * lists: past it the event lists none and says `readAgain`, and each page of the motion reads it
 * again (P-LIVE-6), rather than every connection to a big debate being sent where each of its
 * citations stands (10,000 arguments citing one document made an event of 5 MB).
 */
export const REANCHORED_LISTED = 100;

/**
 * How many citations one turn of the event loop keys, writes or makes views of: a document cited
 * across a big debate has thousands, and the transaction gives other requests turns between.
 */
const TURN = 250;

/** `make` of each of `items`, a TURN's worth a turn. */
async function mapInTurns<T, U>(items: T[], make: (item: T) => U): Promise<U[]> {
  const made: U[] = [];
  for (const [i, item] of items.entries()) {
    if (i > 0 && i % TURN === 0) await nextTurn();
    made.push(make(item));
  }
  return made;
}

type Source = Awaited<ReturnType<Repos["motions"]["sourcesInDocument"]>>[number];
type Cited = Awaited<ReturnType<typeof citationsIn>>[number];

/** What a passage is known by, and everything its new place is found from. */
const keyOf = (owner: string, passage: Passage & { position: number }) =>
  JSON.stringify([
    owner,
    passage.position,
    passage.exact,
    passage.prefix,
    passage.suffix,
    passage.start,
    passage.end,
    passage.anchorStatus,
    passage.anchorConfidence,
    passage.anchorVersionId,
    passage.anchorStart,
    passage.anchorEnd,
  ]);
const isPublished = (citation: Cited) => citation.status === "published";
const sourceKey = (source: Source) => keyOf(`motion:${source.motionId}`, source);
const citationKey = (citation: Cited) => keyOf(`argument:${citation.argumentId}`, citation);

/**
 * Every passage's new place in a version, found before the version is written: the document's
 * current version when they were read, and each passage's new place (null for a detached one)
 * by what it was found from.
 */
export interface FoundAnchors {
  currentVersionId: string | null;
  anchors: Map<string, AnchorColumns | null>;
}

/**
 * Finds where every motion source and citation of a document stands in its new version, on a
 * worker thread (a document of millions of characters with many passages is work enough to stall
 * the event loop), outside any transaction: the search may wait for a thread and run for the
 * whole work budget, and no room's writes should wait for it. Refuses too_complex past the
 * budget, rate_limited when the pool's queue is full. No thread is asked when no passage is
 * looked for.
 */
export async function findAnchors(
  repos: Repos,
  documentId: string,
  version: { id: string; text: string },
): Promise<FoundAnchors | Failure> {
  const currentVersionId = (await repos.documents.get(documentId))?.currentVersionId ?? null;
  const sources = await repos.motions.sourcesInDocument(documentId);
  const cited = await citationsIn(repos, documentId);
  const passages = [...sources, ...cited];
  const keys = [...sources.map(sourceKey), ...(await mapInTurns(cited, citationKey))];
  const texts = await anchorTexts(repos, passages);
  const selectors = await mapInTurns(passages, (passage) => wanted(passage, texts));
  const sought = selectors.filter((selector) => selector !== null);
  const found =
    sought.length === 0
      ? []
      : await workPool().run("reanchor", { selectors: sought, text: version.text });
  if ("ok" in found) return found;
  let next = 0;
  const anchors = new Map<string, AnchorColumns | null>();
  for (const [i, passage] of passages.entries()) {
    if (i > 0 && i % TURN === 0) await nextTurn();
    const anchor = selectors[i] === null ? null : (found[next++] as Anchor);
    anchors.set(keys[i] as string, anchor && anchorOf(passage, anchor, version));
  }
  return { currentVersionId, anchors };
}

/**
 * Stores where every motion source and citation of a document stands in its new version, as
 * `found` says, and appends to each motion concerned one event saying where its passages stand
 * now. Null, with nothing written, when the passages are no longer those `found` was computed
 * from (one was cited, removed or settled since): the caller finds them again.
 */
export async function reanchorDocument(
  tx: Repos,
  documentId: string,
  version: { id: string; text: string },
  found: FoundAnchors,
  actorId: string,
): Promise<OutgoingEvent[] | null> {
  type Changes = {
    sources: { position: number; passage: CitationView }[];
    arguments: Map<string, true>;
    /** Pending posts' arguments, by author: each hears of their own alone. */
    pending: Map<string, Set<string>>;
  };
  const byMotion = new Map<string, Changes>();
  const entry = (motionId: string) => {
    const found: Changes = byMotion.get(motionId) ?? {
      sources: [],
      arguments: new Map(),
      pending: new Map(),
    };
    byMotion.set(motionId, found);
    return found;
  };
  const sources = await tx.motions.sourcesInDocument(documentId);
  const cited = await citationsIn(tx, documentId);
  const keys = [...sources.map(sourceKey), ...(await mapInTurns(cited, citationKey))];
  const unchanged =
    keys.length === found.anchors.size && keys.every((key) => found.anchors.has(key));
  if (!unchanged) return null;
  for (const source of sources) {
    const anchor = found.anchors.get(sourceKey(source));
    if (!anchor) continue;
    await tx.motions.setSourceAnchor(source.motionId, source.position, anchor);
    entry(source.motionId).sources.push({
      position: source.position,
      passage: passageView({ ...source, ...anchor }, new Map([[version.id, version.text]])),
    });
  }
  // The published arguments citing the document, by motion: a motion with too many to list is
  // read again by its pages (P-LIVE-6).
  const published = new Map<string, Set<string>>();
  for (const citation of cited.filter(isPublished)) {
    const theirs = published.get(citation.motionId) ?? new Set<string>();
    published.set(citation.motionId, theirs.add(citation.argumentId));
  }
  const listed = (motionId: string) => (published.get(motionId)?.size ?? 0) <= REANCHORED_LISTED;
  // Where the listed arguments' passages stood, and their sides: a page that neither holds nor
  // counts one apart moves it in its counts of cited passages (P-LIVE-4).
  const citing = [...published].flatMap(([motionId, ids]) => (listed(motionId) ? [...ids] : []));
  const was = new Map(
    await byIdsInTurns(citing, async (some) => [...(await citedByEach(tx, some))]),
  );
  const sides = new Map(await byIdsInTurns(citing, async (some) => [...(await sidesOf(tx, some))]));
  for (const [i, citation] of cited.entries()) {
    if (i > 0 && i % TURN === 0) await nextTurn();
    const anchor = found.anchors.get(citationKey(citation));
    if (!anchor) continue;
    await tx.arguments.setCitationAnchor(citation.argumentId, citation.position, anchor);
    // The room hears about published arguments only: the others' words are not theirs to see.
    if (isPublished(citation)) {
      entry(citation.motionId).arguments.set(citation.argumentId, true);
    } else if (citation.status === "pending") {
      const authorId = (await tx.arguments.get(citation.argumentId))?.authorId;
      const pending = entry(citation.motionId).pending;
      if (authorId)
        pending.set(authorId, (pending.get(authorId) ?? new Set()).add(citation.argumentId));
    }
  }
  const view = (c: CitationRow) => passageView(c, new Map([[version.id, version.text]]));
  const withCitations = async (argumentIds: string[]) => {
    const citations = new Map<string, CitationRow[]>(argumentIds.map((id) => [id, []]));
    for (const citation of await byIdsInTurns(argumentIds, (some) =>
      tx.arguments.citations(some),
    )) {
      if (citation.anchorStatus !== "detached") citations.get(citation.argumentId)?.push(citation);
    }
    const views = [];
    for (const [i, argumentId] of argumentIds.entries()) {
      if (i > 0 && i % TURN === 0) await nextTurn();
      const side = sides.get(argumentId);
      const before = was.get(argumentId);
      views.push({
        argumentId,
        citations: (citations.get(argumentId) ?? []).map(view),
        ...(side && before ? { side, was: before } : {}),
      });
    }
    return views;
  };
  const events: OutgoingEvent[] = [];
  for (const [motionId, changed] of byMotion) {
    const motion = await tx.motions.get(motionId);
    if (!motion) continue;
    const data = { documentId, versionId: version.id };
    const append = async (
      extra: Omit<MotionEventData["evidence.reanchored"], keyof typeof data>,
    ) => {
      const row = await tx.events.append({
        motionId,
        type: "evidence.reanchored",
        data: { ...data, ...extra },
        actorId,
        at: new Date(),
      });
      events.push(outgoing(row, motion));
    };
    await append(
      listed(motionId)
        ? {
            sources: changed.sources,
            arguments: await withCitations([...changed.arguments.keys()]),
          }
        : { sources: changed.sources, arguments: [], readAgain: true },
    );
    for (const [authorId, argumentIds] of changed.pending) {
      await append({
        sources: [],
        arguments: await withCitations([...argumentIds]),
        onlyFor: authorId,
      });
    }
  }
  return events;
}
