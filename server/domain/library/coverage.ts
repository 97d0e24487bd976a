import type { Store } from "../../../db/store";
import {
  type BlockCoverage,
  type CitedSpan,
  coverageByBlock,
  type Span,
  uncitedPieces,
} from "../../../lib/coverage";
import { sidesOf } from "../../../lib/debate";
import type { MotionSummary } from "../../../lib/views";
import type { Actor } from "../../policy";
import { listMotions, readableMotion, withSources } from "../debate/queries";
import { argumentShapesOf, citedSpansOf } from "../debate/shapeCache";
import { Id } from "../ids";
import { done, type Outcome, refuse } from "../outcome";
import { readableDocument } from "./queries";

/**
 * Per block of a document's current version, how many arguments cite it for the motion and how
 * many against, across every motion the actor may read (drafts only where they moderate). Only
 * published arguments count, each where its quote stands now, so the counts follow a new version.
 */
export async function documentCoverage(
  store: Store,
  actor: Actor,
  documentId: unknown,
): Promise<Outcome<BlockCoverage[]>> {
  const parsed = Id.safeParse(documentId);
  if (!parsed.success) return refuse("invalid_input", "That is not a valid document id.");
  const document = await readableDocument(store, actor, parsed.data);
  if (!document?.currentVersionId) return refuse("not_found", "No such document.");
  const current = document.currentVersionId;
  const readable = new Set(
    (await listMotions(store, actor, { withDrafts: true })).map((m) => m.id),
  );
  const cited: CitedSpan[] = [];
  for (const motionId of await store.arguments.motionsCiting(document.id)) {
    const motion = readable.has(motionId) ? await store.motions.get(motionId) : undefined;
    if (!motion) continue;
    // From the motion's kept reading, which its pages share: a big debate is not read again.
    const shapes = await argumentShapesOf(store, motion);
    const published = new Set(
      shapes.filter((shape) => shape.status === "published").map((shape) => shape.id),
    );
    // A reply's side depends on its parents, which need not cite this document.
    const side = sidesOf(shapes);
    for (const span of await citedSpansOf(store, motion)) {
      const { argumentId, anchorStart: start, anchorEnd: end } = span;
      if (span.documentId !== document.id || span.anchorVersionId !== current) continue;
      if (!published.has(argumentId) || start === null || end === null) continue;
      cited.push({ argumentId, side: side(argumentId), start, end });
    }
  }
  return done(coverageByBlock(await store.documents.blocks(current), cited));
}

/** A piece of a motion's source that no published argument of the motion cites yet. */
export interface UncitedPassage extends Span {
  documentId: string;
  documentTitle: string;
  /** Which of the motion's sources it is part of, counting from 0. */
  source: number;
  text: string;
}

/**
 * The passages a motion is drawn from, cut into their paragraphs, that no published argument of
 * the motion cites yet, as the motion's page lets the actor read it. A source no longer in its
 * document's current version has nothing left to cite there.
 */
export async function uncitedPassages(
  store: Store,
  actor: Actor,
  motionId: unknown,
): Promise<Outcome<UncitedPassage[]>> {
  const found = await readableMotion(store, actor, motionId);
  if (!found.ok) return found;
  const [motion] = (await withSources(store, [found.value])) as [MotionSummary];
  // Every published argument is there for every reader: the stored citations say where each stands.
  const published = new Set(
    (await argumentShapesOf(store, found.value))
      .filter((shape) => shape.status === "published")
      .map((shape) => shape.id),
  );
  const citations = (await citedSpansOf(store, found.value)).filter((span) =>
    published.has(span.argumentId),
  );
  const uncited: UncitedPassage[] = [];
  for (const [position, source] of motion.sources.entries()) {
    const { versionId, start, end } = source.anchor;
    if (!versionId || start === null || end === null) continue;
    const version = await store.documents.version(versionId);
    if (!version) continue;
    const cited = citations.flatMap((c) =>
      c.anchorVersionId === versionId && c.anchorStart !== null && c.anchorEnd !== null
        ? [{ start: c.anchorStart, end: c.anchorEnd }]
        : [],
    );
    const blocks = await store.documents.blocks(versionId);
    for (const piece of uncitedPieces(blocks, { start, end }, cited)) {
      const text = version.text.slice(piece.start, piece.end).trim();
      if (text === "") continue;
      uncited.push({
        ...piece,
        documentId: source.documentId,
        documentTitle: source.documentTitle,
        source: position,
        text,
      });
    }
  }
  return done(uncited);
}
