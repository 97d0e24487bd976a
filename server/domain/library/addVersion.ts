import { createHash } from "node:crypto";
import { z } from "zod";
import type { Store } from "../../../db/store";
import type { Actor } from "../../policy";
import { Id, newId, OptionalClientId } from "../ids";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import {
  deniedImport,
  documentContent,
  oneSource,
  oneSourceProblem,
  readDocument,
} from "./importDocument";
import { findAnchors, reanchorDocument } from "./reanchorDocument";

/** A new version comes as the first did: a file, or pasted text with its format, and edits. */
export const AddVersionInput = z
  .object({ clientId: OptionalClientId, documentId: Id, ...documentContent })
  .refine(oneSource, oneSourceProblem);

export type AddedVersion = { documentId: string; versionId: string; number: number };

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** The answer when the document changed while its passages' new places were found, twice. */
/** A new version that reads as the current one would change nothing a reader sees. */
const sameText = (number: number) =>
  refuse(
    "conflict",
    `The text is the same as version ${number}, the current one: nothing was added.`,
  );

const passagesChanged = refuse(
  "conflict",
  "This document changed while the new version was read (a passage was cited or moved, or another version added): nothing was stored. Add the version again.",
);

/**
 * Adds a new version of a document and makes it the current one. The earlier versions stay, so
 * a passage cited on one can always be read there; every source and citation is re-anchored to
 * the new text, and each motion concerned hears where its passages stand now. Their new places
 * are found before the write transaction (it would hold every room's writes while a worker
 * thread searches); if the passages changed meanwhile, they are found once more, then refused.
 */
export async function addVersion(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<AddedVersion>> {
  const cmd = AddVersionInput.safeParse(input);
  if (!cmd.success) return invalidInput(cmd.error);
  const { clientId, documentId } = cmd.data;
  const document = await store.documents.get(documentId);
  const denied = document ? await deniedImport(store, actor, document.spaceId) : null;
  if (!document || denied?.error.code === "not_found")
    return refuse("not_found", "No such document.");
  if (denied) return denied;
  // The version is read as the document's first was; what is known of the document stays.
  const read = await readDocument({
    ...cmd.data,
    spaceId: document.spaceId,
    title: document.title,
    author: null,
    publisher: null,
    publishedAt: null,
    sourceUrl: null,
    note: null,
  });
  if (!read.ok) return read;
  const { fileName, mediaType, raw, text, blocks } = read.value;

  const versionId = newId();
  const version = { id: versionId, text };
  const contentHash = sha256(text);
  for (let attempt = 1; ; attempt++) {
    const found = await findAnchors(store, documentId, version);
    if ("ok" in found) return found;
    const added = await store.transaction(async (tx) => {
      const deniedNow = await deniedImport(tx, actor, document.spaceId);
      if (deniedNow) return deniedNow;
      return once(
        tx,
        actor,
        { command: "document.version", target: documentId, clientId },
        async () => {
          // Locks in the order posting takes them (documents, then motions), so a post and a new
          // version wait for each other instead of deadlocking; then read again under the lock.
          await tx.documents.lock(documentId);
          const concerned = new Set([
            ...(await tx.motions.sourcesInDocument(documentId)).map((s) => s.motionId),
            ...(await tx.arguments.motionsCiting(documentId)),
          ]);
          for (const motionId of [...concerned].sort()) await tx.motions.lock(motionId);
          const now = await tx.documents.get(documentId);
          const current = now?.currentVersionId
            ? await tx.documents.version(now.currentVersionId)
            : undefined;
          if ((now?.currentVersionId ?? null) !== found.currentVersionId) return passagesChanged;
          if (current?.contentHash === contentHash) return sameText(current.number);
          const number = (current?.number ?? 0) + 1;
          await tx.documents.insertVersion(
            {
              id: versionId,
              documentId,
              number,
              fileName,
              mediaType,
              raw: Buffer.from(raw),
              rawHash: sha256(raw),
              text,
              contentHash,
              createdAt: new Date(),
            },
            blocks.map((block, position) => ({ versionId, position, ...block })),
          );
          await tx.documents.setCurrentVersion(documentId, versionId);
          const events = await reanchorDocument(tx, documentId, version, found, actor.id);
          if (!events) return passagesChanged;
          return done({ documentId, versionId, number }, events);
        },
      );
    });
    if (added !== passagesChanged || attempt === 2) return added;
  }
}
