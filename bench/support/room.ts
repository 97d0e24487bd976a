import type { Store } from "../../db/store";
import { selectorAt } from "../../lib/anchoring";
import { createMotion } from "../../server/domain/debate/createMotion";
import { importDocument } from "../../server/domain/library/importDocument";
import { createSpace } from "../../server/domain/spaces/createSpace";
import { systemActor } from "../../server/policy";

const text = "The harbour was closed in winter. Trade moved inland by rail.";
const quote = "Trade moved inland by rail.";

export const must = <T>(
  outcome: { ok: true; value: T } | { ok: false; error: { message: string } },
) => {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
};

/** A private space with one short document and one open motion: a citation posts can carry. */
export async function benchRoom(store: Store, spaceName: string) {
  const { spaceId } = must(
    await createSpace(store, systemActor, { name: spaceName, visibility: "private" }),
  );
  const document = must(
    await importDocument(store, systemActor, {
      spaceId,
      title: "Harbour report",
      mediaType: "text/plain",
      raw: new TextEncoder().encode(text),
    }),
  );
  const canonical = (await store.documents.version(document.versionId))?.text ?? "";
  const start = canonical.indexOf(quote);
  const citation = {
    documentId: document.documentId,
    ...selectorAt(canonical, start, start + quote.length),
  };
  const { motionId } = must(
    await createMotion(store, systemActor, { spaceId, title: "Rail paid off", status: "open" }),
  );
  return { spaceId, motionId, citation };
}
