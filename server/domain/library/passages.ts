import type { Store } from "../../../db/store";
import { citedLabel } from "../../../lib/debate";
import type { PassageMark } from "../../../lib/views";
import type { Actor } from "../../policy";
import { citedIn } from "../debate/motionSummary";
import { listMotions } from "../debate/queries";

export const sourceMarkId = (motionId: string, position: number) =>
  `source-${motionId}-${position}`;

/** Every passage of a document that a motion the actor may read is drawn from, in text order. */
export async function documentPassages(
  store: Store,
  actor: Actor,
  documentId: string,
): Promise<PassageMark[]> {
  const rows = await store.motions.sourcesInDocument(documentId);
  // A draft's moderators find its passages marked while they word it.
  const motions = new Map(
    (await listMotions(store, actor, { withDrafts: true })).map((m) => [m.id, m]),
  );
  const sources = rows.flatMap((row) => {
    const motion = motions.get(row.motionId);
    // Marked where the passage stands now; an orphaned one is nowhere in the current text.
    if (!motion || row.anchorStart === null || row.anchorEnd === null) return [];
    return [
      {
        id: sourceMarkId(row.motionId, row.position),
        start: row.anchorStart,
        end: row.anchorEnd,
        label: `Source of “${motion.title}”`,
        href: `/motions/${row.motionId}`,
      },
    ];
  });
  return [...sources, ...(await citedMarks(store, documentId, motions))].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
}

export const citedMarkId = (motionId: string, start: number, end: number) =>
  `cited-${motionId}-${start}-${end}`;

/**
 * Each passage of the document cited in a readable motion, with how often for and against: as
 * the motion's page counts them, from its kept reading (a big debate is not read again).
 */
async function citedMarks(
  store: Store,
  documentId: string,
  motions: Map<string, { title: string }>,
): Promise<PassageMark[]> {
  const marks: PassageMark[] = [];
  for (const motionId of await store.arguments.motionsCiting(documentId)) {
    const motion = motions.has(motionId) ? await store.motions.get(motionId) : undefined;
    if (!motion) continue;
    for (const passage of (await citedIn(store, motion)).filter(
      (p) => p.documentId === documentId,
    )) {
      marks.push({
        id: citedMarkId(motionId, passage.start, passage.end),
        start: passage.start,
        end: passage.end,
        label: `${citedLabel(passage)}, in “${motions.get(motionId)?.title}”`,
        href: `/motions/${motionId}`,
      });
    }
  }
  return marks;
}
