import { z } from "zod";
import type { Store } from "../../../db/store";
import type { Actor } from "../../policy";
import { Id, newId, OptionalClientId } from "../ids";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { deniedImport, type ImportedDocument } from "./importDocument";
import { readableDocument } from "./queries";

export const CopyDocumentInput = z.object({
  clientId: OptionalClientId,
  spaceId: Id,
  fromDocumentId: Id,
});

/**
 * Adds a document the actor may read (the public library's included) to a space they may add
 * documents to: its current version's file, text and blocks as they are, and what is known of
 * it, linked to the document it came from. A space holds one copy of a document: a second, or
 * one into a space holding a document with the same text now (a debate imported with it, say),
 * is refused as a conflict naming the one there, so passages and motions gather on one.
 */
export async function copyDocument(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<ImportedDocument>> {
  const cmd = CopyDocumentInput.safeParse(input);
  if (!cmd.success) return invalidInput(cmd.error);
  const { clientId, spaceId, fromDocumentId } = cmd.data;
  return store.transaction(async (tx) => {
    const denied = await deniedImport(tx, actor, spaceId);
    if (denied) return denied;
    return once(tx, actor, { command: "document.copy", target: spaceId, clientId }, async () => {
      const source = await readableDocument(tx, actor, fromDocumentId);
      const version = source?.currentVersionId
        ? await tx.documents.version(source.currentVersionId)
        : undefined;
      const raw = version ? await tx.documents.versionFile(version.id) : undefined;
      if (!source || !version || !raw) return refuse("not_found", "No such document.");
      if (source.spaceId === spaceId) {
        return refuse("conflict", `“${source.title}” is already in this space.`);
      }
      const existing = await tx.documents.copyIn(spaceId, {
        id: source.id,
        contentHash: version.contentHash,
      });
      if (existing) {
        return refuse(
          "conflict",
          existing.copiedFrom === source.id
            ? `This space already has a copy of “${source.title}”: /documents/${existing.id}`
            : `This space already has “${existing.title}”, with the same text: /documents/${existing.id}`,
        );
      }
      const blocks = await tx.documents.blocks(version.id);
      const documentId = newId();
      const versionId = newId();
      const createdAt = new Date();
      const { id: _, spaceId: __, currentVersionId: ___, createdAt: ____, ...about } = source;
      await tx.documents.insert({
        ...about,
        id: documentId,
        spaceId,
        currentVersionId: null,
        copiedFrom: source.id,
        createdAt,
      });
      await tx.documents.insertVersion(
        { ...version, id: versionId, documentId, number: 1, raw: Buffer.from(raw), createdAt },
        blocks.map((block) => ({ ...block, versionId })),
      );
      await tx.documents.setCurrentVersion(documentId, versionId);
      return done({ documentId, versionId });
    });
  });
}
