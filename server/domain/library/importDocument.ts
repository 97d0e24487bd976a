import { createHash } from "node:crypto";
import { z } from "zod";
import type { Store } from "../../../db/store";
import { importPlainText } from "../../../lib/documents/import";
import { type Actor, authorize } from "../../policy";
import { ClientId, Id, newId } from "../ids";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { placeOf } from "../spaces/access";

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullish().default(null);

export const ImportDocumentInput = z.object({
  clientId: ClientId,
  spaceId: Id,
  title: z.string().trim().min(1, "title is empty").max(300),
  author: optionalText(300),
  publisher: optionalText(300),
  publishedAt: optionalText(40),
  sourceUrl: z.url().nullish().default(null),
  note: optionalText(2000),
  fileName: optionalText(255),
  mediaType: z.literal("text/plain"),
  raw: z.instanceof(Uint8Array, { message: "raw must be the file's bytes" }),
});

export type ImportedDocument = { documentId: string; versionId: string };

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** Imports a document's first version: the raw bytes as received, its canonical text and blocks. */
export async function importDocument(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<ImportedDocument>> {
  const cmd = ImportDocumentInput.safeParse(input);
  if (!cmd.success) return invalidInput(cmd.error);
  const { clientId, spaceId, raw, fileName, mediaType, ...metadata } = cmd.data;

  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return refuse("invalid_input", "The file is not UTF-8 text.");
  }
  const { text, blocks } = importPlainText(decoded);
  if (blocks.length === 0) return refuse("invalid_input", "The document has no text.");

  return store.transaction(async (tx) => {
    const denied = authorize(actor, "document.import", await placeOf(tx, actor, spaceId));
    if (denied) return refuse(denied.code, denied.message);
    return once(tx, actor, { command: "document.import", target: spaceId, clientId }, async () => {
      const documentId = newId();
      const versionId = newId();
      const createdAt = new Date();
      await tx.documents.insert({
        id: documentId,
        spaceId,
        ...metadata,
        currentVersionId: null,
        createdAt,
      });
      await tx.documents.insertVersion(
        {
          id: versionId,
          documentId,
          number: 1,
          fileName,
          mediaType,
          raw: Buffer.from(raw),
          rawHash: sha256(raw),
          text,
          contentHash: sha256(text),
          createdAt,
        },
        blocks.map((block, position) => ({ versionId, position, ...block })),
      );
      await tx.documents.setCurrentVersion(documentId, versionId);
      return done({ documentId, versionId });
    });
  });
}
