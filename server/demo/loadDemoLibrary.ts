import { createHash } from "node:crypto";
import {
  demoDocuments,
  demoMotionClientId,
  demoMotions,
  demoSettings,
  demoSpace,
  readDemoFile,
} from "../../db/demo/library";
import { sampleAuthors, sampleDebates } from "../../db/demo/sampleDebates";
import type { Store } from "../../db/store";
import { selectorForQuote } from "../../lib/anchoring";
import type { Citation } from "../../lib/commands";
import { createMotion } from "../domain/debate/createMotion";
import { postArgument } from "../domain/debate/postArgument";
import { importDocument } from "../domain/library/importDocument";
import type { Outcome } from "../domain/outcome";
import { addSampleMember } from "../domain/spaces/addSampleMember";
import { createSpace } from "../domain/spaces/createSpace";
import { type Actor, systemActor } from "../policy";

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

  /** The passages quoted, found in the imported texts: a quote that is not there stops the load. */
  const passages = (what: string, quotes: { file: string; quote: string }[]) =>
    quotes.map(({ file, quote }) => {
      const document = texts.get(file);
      const selector = selectorForQuote(document?.text ?? "", quote);
      if (!document || "problem" in selector) {
        throw new Error(
          `Demo library: ${what}: ${file}: ${"problem" in selector ? selector.problem : "missing"}`,
        );
      }
      return { documentId: document.documentId, ...selector };
    });

  const motionIds = new Map<string, string>();
  for (const motion of demoMotions) {
    const sources = passages(`motion ${motion.key}`, motion.sources);
    const { motionId } = unwrap(
      motion.key,
      await createMotion(store, systemActor, {
        clientId: demoMotionClientId(motion.key),
        spaceId,
        title: motion.title,
        description: motion.description,
        status: "open",
        settings: demoSettings,
        sources,
      }),
    );
    motionIds.set(motion.key, motionId);
  }
  await loadSampleDebates(store, spaceId, motionIds, passages);
  return { spaceId };
}

/**
 * The sample debates, by sample members of the demo space, posted as anyone posts: each
 * argument with a fixed clientId, so a second load finds it stored and adds nothing.
 */
async function loadSampleDebates(
  store: Store,
  spaceId: string,
  motionIds: Map<string, string>,
  passages: (what: string, quotes: { file: string; quote: string }[]) => Citation[],
) {
  const authors = new Map<string, Actor>();
  for (const { key, name } of sampleAuthors) {
    const { userId } = unwrap(
      `sample author ${key}`,
      await addSampleMember(store, systemActor, {
        clientId: `demo:sample-author:${key}`,
        spaceId,
        name,
      }),
    );
    authors.set(key, { kind: "user", id: userId, name, guestOf: null });
  }
  for (const debate of sampleDebates) {
    const posted = new Map<string, string>();
    for (const argument of debate.arguments) {
      const what = `sample argument ${debate.motion}/${argument.key}`;
      const author = authors.get(argument.author);
      if (!author) throw new Error(`Demo library: ${what}: no sample author ${argument.author}`);
      const { argument: stored } = unwrap(
        what,
        await postArgument(store, author, {
          motionId: motionIds.get(debate.motion),
          clientId: `demo:sample:${debate.motion}:${argument.key}`,
          parentId: argument.replyTo ? posted.get(argument.replyTo) : null,
          relation: argument.relation,
          body: argument.body,
          citations: passages(what, argument.cites),
        }),
      );
      posted.set(argument.key, stored.id);
    }
  }
}
