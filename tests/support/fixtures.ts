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
  const upload = {
    spaceId: space.value.spaceId,
    title: "Harbour report",
    mediaType: "text/plain",
    raw: new TextEncoder().encode(sampleText),
  };
  // As a client would: the work pool refuses what it cannot queue while the machine is busy
  // (beside the other suites, say), and the same upload goes again after the wait it names.
  for (let tries = 1; ; tries++) {
    const document = await importDocument(store, systemActor, {
      clientId: crypto.randomUUID(),
      ...upload,
    });
    if (document.ok) return { spaceId: space.value.spaceId, ...document.value };
    if (document.error.code !== "rate_limited" || tries === 10) {
      throw new Error(document.error.message);
    }
    await new Promise((resolve) => setTimeout(resolve, document.error.retryAfterMs ?? 1_000));
  }
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
