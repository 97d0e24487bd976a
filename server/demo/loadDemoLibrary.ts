import { createHash } from "node:crypto";
import {
  demoDocuments,
  demoMotions,
  demoSettings,
  demoSpace,
  readDemoFile,
} from "../../db/demo/library";
import type { Store } from "../../db/store";
import { selectorForQuote } from "../../lib/anchoring";
import { createMotion } from "../domain/debate/createMotion";
import { importDocument } from "../domain/library/importDocument";
import type { Outcome } from "../domain/outcome";
import { createSpace } from "../domain/spaces/createSpace";
import { systemActor } from "../policy";

function unwrap<T>(what: string, outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`Demo library: ${what}: ${outcome.error.message}`);
  return outcome.value;
}

/**
 * Loads the demo library through the same commands as everything else. Every command carries a
 * fixed clientId, so a second load (every start runs it) finds each one done and adds nothing.
 */
export async function loadDemoLibrary(store: Store): Promise<{ spaceId: string }> {
  const { spaceId } = unwrap(
    "space",
    await createSpace(store, systemActor, {
      clientId: "demo:space",
      ...demoSpace,
      visibility: "public",
    }),
  );

  const texts = new Map<string, { documentId: string; text: string }>();
  for (const { file, sha256, ...metadata } of demoDocuments) {
    const raw = readDemoFile(file);
    if (createHash("sha256").update(raw).digest("hex") !== sha256) {
      throw new Error(`Demo library: ${file} is not the file as received (its SHA-256 differs)`);
    }
    const { documentId, versionId } = unwrap(
      file,
      await importDocument(store, systemActor, {
        clientId: `demo:document:${file}`,
        spaceId,
        ...metadata,
        fileName: file,
        mediaType: "text/plain",
        raw,
      }),
    );
    const version = await store.documents.version(versionId);
    texts.set(file, { documentId, text: version?.text ?? "" });
  }

  for (const motion of demoMotions) {
    const sources = motion.sources.map(({ file, quote }) => {
      const document = texts.get(file);
      const selector = selectorForQuote(document?.text ?? "", quote);
      if (!document || "problem" in selector) {
        throw new Error(
          `Demo library: motion ${motion.key}: ${file}: ${"problem" in selector ? selector.problem : "missing"}`,
        );
      }
      return { documentId: document.documentId, ...selector };
    });
    unwrap(
      motion.key,
      await createMotion(store, systemActor, {
        clientId: `demo:motion:${motion.key}`,
        spaceId,
        title: motion.title,
        description: motion.description,
        status: "open",
        settings: demoSettings,
        sources,
      }),
    );
  }
  return { spaceId };
}
