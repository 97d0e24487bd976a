import { createHash } from "node:crypto";
import { z } from "zod";
import type { Repos, Store } from "../../../db/store";
import { BlockEdits } from "../../../lib/documents/edits";
import type { Block } from "../../../lib/documents/import";
import type { Failure } from "../../../lib/result";
import { text, visible, webAddress } from "../../../lib/text";
import { type Actor, authorize } from "../../policy";
import { workPool } from "../../work/shared";
import { Id, newId, OptionalClientId } from "../ids";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { placeOf } from "../spaces/access";
import { type DocumentFormat, mediaTypeOf } from "./extractText";

const optionalText = (max: number) => text().trim().min(1).max(max).nullish().default(null);

/**
 * A document's content: a file (its bytes, with the name and media type it was sent with) or
 * pasted text with its format, and the moderator's edits to the blocks the preview showed. A
 * first version and every later one come the same way.
 */
export const documentContent = {
  fileName: optionalText(255),
  mediaType: text().trim().max(255).nullish().default(null),
  raw: z.instanceof(Uint8Array, { message: "raw must be the file's bytes" }).optional(),
  text: text().optional(),
  format: z.enum(["text", "markdown"]).default("text"),
  edits: BlockEdits.default([]),
};

/** A file or a text, one of the two. */
export const oneSource = (input: { raw?: Uint8Array; text?: string }) =>
  (input.raw === undefined) !== (input.text === undefined);
export const oneSourceProblem = {
  message: "send a file or a text, one of the two",
  path: ["text"],
};

/** A first version, with what is known of the document. */
export const ImportDocumentInput = z
  .object({
    clientId: OptionalClientId,
    spaceId: Id,
    title: visible(text().trim().min(1, "title is empty").max(300), "A title"),
    author: optionalText(300),
    publisher: optionalText(300),
    publishedAt: optionalText(40),
    sourceUrl: webAddress().nullish().default(null),
    note: optionalText(2000),
    ...documentContent,
  })
  .refine(oneSource, oneSourceProblem);
export type ImportDocumentInput = z.infer<typeof ImportDocumentInput>;

export type ImportedDocument = { documentId: string; versionId: string };

/** A document read and cut into blocks, ready to be shown or stored. */
export interface ReadDocument {
  format: DocumentFormat;
  fileName: string | null;
  mediaType: string;
  raw: Uint8Array;
  text: string;
  blocks: Block[];
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** Whether the actor may add documents to the space: null if so, else the refusal. */
export async function deniedImport(
  repos: Repos,
  actor: Actor,
  spaceId: string,
): Promise<Failure | null> {
  const denied = authorize(actor, "document.import", await placeOf(repos, actor, spaceId));
  return denied ? refuse(denied.code, denied.message) : null;
}

/**
 * Reads the file or text, imports it in its format and makes the edits, on a worker thread
 * within the work budget (too_complex past it): no store involved.
 */
export async function readDocument(input: ImportDocumentInput): Promise<Outcome<ReadDocument>> {
  const { raw, text, format, fileName, mediaType, edits } = input;
  const read = await workPool().run("readContent", {
    raw,
    text,
    format,
    fileName,
    mediaType,
    edits,
  });
  if (!read.ok) return read;
  return done({
    ...read.value,
    fileName,
    mediaType: mediaTypeOf[read.value.format],
    // Pasted text is kept as the UTF-8 bytes of what was pasted, as a file's bytes are.
    raw: raw ?? new TextEncoder().encode(text ?? ""),
  });
}

/**
 * Imports a document's first version: the raw bytes as received, its canonical text and blocks.
 * Everything is read and checked before the one transaction that stores it, so a refusal leaves
 * nothing behind.
 */
export async function importDocument(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<ImportedDocument>> {
  const cmd = ImportDocumentInput.safeParse(input);
  if (!cmd.success) return invalidInput(cmd.error);
  const { clientId, spaceId, title, author, publisher, publishedAt, sourceUrl, note } = cmd.data;
  // Asked first so that nobody who may not add documents has a file read for them.
  const denied = await deniedImport(store, actor, spaceId);
  if (denied) return denied;
  const read = await readDocument(cmd.data);
  if (!read.ok) return read;
  const { fileName, mediaType, raw, text, blocks } = read.value;

  return store.transaction(async (tx) => {
    // Asked again inside: a role may have changed while the file was read.
    const deniedNow = await deniedImport(tx, actor, spaceId);
    if (deniedNow) return deniedNow;
    return once(tx, actor, { command: "document.import", target: spaceId, clientId }, async () => {
      const documentId = newId();
      const versionId = newId();
      const createdAt = new Date();
      await tx.documents.insert({
        id: documentId,
        spaceId,
        title,
        author,
        publisher,
        publishedAt,
        sourceUrl,
        note,
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
