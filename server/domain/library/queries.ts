import type { DocumentRow, Repos, Store } from "../../../db/store";
import type { CopyTarget, DocumentSummary, DocumentView } from "../../../lib/views";
import { type Actor, authorize } from "../../policy";
import { Id } from "../ids";
import { done, type Outcome, refuse } from "../outcome";
import { placeOf, spaceFor } from "../spaces/access";
import { readableSpaceIds } from "../spaces/queries";

function summary(row: DocumentRow, blockCount: number): DocumentSummary {
  return {
    id: row.id,
    spaceId: row.spaceId,
    title: row.title,
    author: row.author,
    publisher: row.publisher,
    publishedAt: row.publishedAt,
    blockCount,
  };
}

export async function listDocuments(store: Store, actor: Actor): Promise<DocumentSummary[]> {
  return summariesIn(store, await readableSpaceIds(store, actor));
}

/** The documents of these spaces, each with its passage count. */
async function summariesIn(store: Store, spaceIds: string[]): Promise<DocumentSummary[]> {
  const rows = await store.documents.list(spaceIds);
  const counts = await store.documents.blockCounts(
    rows.flatMap((row) => (row.currentVersionId ? [row.currentVersionId] : [])),
  );
  return rows.map((row) => summary(row, counts.get(row.currentVersionId ?? "") ?? 0));
}

/** The documents of one space, for whoever may read it. */
export async function listSpaceDocuments(
  store: Store,
  actor: Actor,
  spaceId: unknown,
): Promise<Outcome<DocumentSummary[]>> {
  const found = await spaceFor(store, actor, spaceId, "space.read");
  if (!found.ok) return found;
  return done(await summariesIn(store, [found.value.space.id]));
}

/** A document the actor may read, or undefined (also for one in a space they may not read). */
export async function readableDocument(
  repos: Repos,
  actor: Actor,
  id: string,
): Promise<DocumentRow | undefined> {
  const row = await repos.documents.get(id);
  if (!row) return undefined;
  return authorize(actor, "space.read", await placeOf(repos, actor, row.spaceId)) ? undefined : row;
}

/**
 * A document as it reads now, or as it read in an earlier version (`versionId`): a citation
 * made on a version can always be read there.
 */
export async function getDocument(
  store: Store,
  actor: Actor,
  id: unknown,
  versionId?: unknown,
): Promise<Outcome<DocumentView>> {
  const parsed = Id.safeParse(id);
  if (!parsed.success) return refuse("invalid_input", "That is not a valid document id.");
  const row = await readableDocument(store, actor, parsed.data);
  const asked = versionId === undefined ? null : Id.safeParse(versionId);
  if (asked && !asked.success) return refuse("invalid_input", "That is not a valid version id.");
  const wanted = asked ? asked.data : row?.currentVersionId;
  const version = row && wanted ? await store.documents.version(wanted) : undefined;
  if (!row || !version || version.documentId !== row.id) {
    return refuse("not_found", "No such document.");
  }
  const blocks = await store.documents.blocks(version.id);
  const source = row.copiedFrom ? await readableDocument(store, actor, row.copiedFrom) : undefined;
  return done({
    ...summary(row, blocks.length),
    sourceUrl: row.sourceUrl,
    note: row.note,
    copiedFrom: source ? { id: source.id, title: source.title } : null,
    versionId: version.id,
    versionNumber: version.number,
    current: version.id === row.currentVersionId,
    contentHash: version.contentHash,
    text: version.text,
    blocks: blocks.map(({ kind, level, start, end }) => ({ kind, level, start, end })),
  });
}

/** Every document of a space, whole, for a reader who may read the space (else none). */
export async function spaceDocuments(
  store: Store,
  actor: Actor,
  spaceId: string,
): Promise<DocumentView[]> {
  const found = await spaceFor(store, actor, spaceId, "space.read");
  if (!found.ok) return [];
  const rows = await store.documents.list([spaceId]);
  const views = await Promise.all(rows.map((row) => getDocument(store, actor, row.id)));
  return views.flatMap((view) => (view.ok ? [view.value] : []));
}

/**
 * The spaces, other than the document's own, that the actor may add documents to (the same rule
 * as an upload), each with its copy of the document if it holds one (`copyIn`: one with the
 * same text counts).
 */
export async function copyTargets(
  store: Store,
  actor: Actor,
  document: { id: string; spaceId: string; contentHash: string },
): Promise<CopyTarget[]> {
  if (actor.kind !== "user") return [];
  const rows = await store.spaces.listReadable(actor.id);
  const managed = rows.filter(
    ({ space, role }) =>
      space.id !== document.spaceId && !authorize(actor, "document.import", { space, role }),
  );
  return Promise.all(
    managed.map(async ({ space }) => ({
      id: space.id,
      name: space.name,
      copyId: (await store.documents.copyIn(space.id, document))?.id ?? null,
    })),
  );
}
