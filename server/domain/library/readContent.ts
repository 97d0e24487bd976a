import { applyBlockEdits, type BlockEdit } from "../../../lib/documents/edits";
import { type Block, importPlainText } from "../../../lib/documents/import";
import { importMarkdown } from "../../../lib/documents/markdown";
import { done, type Outcome, refuse } from "../outcome";
import { checkLength, type DocumentFormat, readDocumentFile } from "./extractText";

/** What a document is read from: a file's bytes, or pasted text in its format; and the edits. */
export interface ContentInput {
  raw?: Uint8Array;
  text?: string;
  format: "text" | "markdown";
  fileName: string | null;
  mediaType: string | null;
  edits: BlockEdit[];
}

/** A document's canonical text and blocks, and the format it was read as. */
export interface ReadContent {
  format: DocumentFormat;
  text: string;
  blocks: Block[];
}

/**
 * Reads the file or text, imports it in its format and makes the edits. Pure computation, and
 * the heaviest a request can ask for, so it runs on a worker thread (server/work).
 */
export async function readContent(input: ContentInput): Promise<Outcome<ReadContent>> {
  const source = input.raw
    ? await readDocumentFile({
        bytes: input.raw,
        fileName: input.fileName,
        mediaType: input.mediaType,
      })
    : { text: input.text ?? "", format: input.format };
  if ("ok" in source) return source;
  const tooLong = checkLength(source.text);
  if (tooLong) return tooLong;

  const imported =
    source.format === "markdown" ? importMarkdown(source.text) : importPlainText(source.text);
  if (imported.blocks.length === 0) return refuse("invalid_input", "The document has no text.");
  const edited = applyBlockEdits(imported, input.edits);
  if ("problem" in edited) return refuse("invalid_input", edited.problem);
  return done({ format: source.format, text: edited.text, blocks: edited.blocks });
}
