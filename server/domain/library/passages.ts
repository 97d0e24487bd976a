import type { Store } from "../../../db/store";
import type { PassageMark } from "../../../lib/views";
import type { Actor } from "../../policy";
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
  const motions = new Map((await listMotions(store, actor)).map((m) => [m.id, m]));
  return rows.flatMap((row) => {
    const motion = motions.get(row.motionId);
    if (!motion) return [];
    return [
      {
        id: sourceMarkId(row.motionId, row.position),
        start: row.start,
        end: row.end,
        label: motion.title,
        href: `/motions/${row.motionId}`,
      },
    ];
  });
}
