import type { Store } from "../../db/store";
import { createMotion } from "../../server/domain/debate/createMotion";
import { importDocument } from "../../server/domain/library/importDocument";
import { createSpace } from "../../server/domain/spaces/createSpace";
import { systemActor } from "../../server/policy";

export const sampleText =
  "1. Findings\n\nThe harbour was closed in winter. Trade moved inland by rail.\n\nNobody expected the rail line to pay for itself.";

/** A space with one small document, for tests that need their own rather than the demo's. */
export async function spaceWithDocument(store: Store, visibility: "public" | "private") {
  const space = await createSpace(store, systemActor, {
    clientId: crypto.randomUUID(),
    name: `A ${visibility} seminar`,
    visibility,
  });
  if (!space.ok) throw new Error(space.error.message);
  const document = await importDocument(store, systemActor, {
    clientId: crypto.randomUUID(),
    spaceId: space.value.spaceId,
    title: "Harbour report",
    mediaType: "text/plain",
    raw: new TextEncoder().encode(sampleText),
  });
  if (!document.ok) throw new Error(document.error.message);
  return { spaceId: space.value.spaceId, ...document.value };
}

export async function motionOn(store: Store, spaceId: string, documentId: string, text: string) {
  const exact = "Trade moved inland by rail.";
  const start = text.indexOf(exact);
  const motion = await createMotion(store, systemActor, {
    clientId: crypto.randomUUID(),
    spaceId,
    title: "The rail line was worth building",
    status: "open",
    settings: { evidenceRequired: true },
    sources: [
      {
        documentId,
        exact,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + exact.length, start + exact.length + 32),
        start,
        end: start + exact.length,
      },
    ],
  });
  if (!motion.ok) throw new Error(motion.error.message);
  return motion.value.motionId;
}
