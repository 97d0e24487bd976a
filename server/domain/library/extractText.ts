import { extractTextItems, getDocumentProxy } from "unpdf";
import { joinPages, pageText, withoutRunningHeads } from "../../../lib/documents/pages";
import { type Failure, failure } from "../../../lib/result";

export type DocumentFormat = "text" | "markdown" | "pdf";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_TEXT_CHARACTERS = 2_000_000;

export const mediaTypeOf: Record<DocumentFormat, string> = {
  text: "text/plain",
  markdown: "text/markdown",
  pdf: "application/pdf",
};

const byMediaType: Record<string, DocumentFormat> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "application/pdf": "pdf",
};
const byExtension: Record<string, DocumentFormat> = {
  txt: "text",
  md: "markdown",
  markdown: "markdown",
  pdf: "pdf",
};
/** What browsers send when they do not know a file's type; the file's name then decides. */
const noTypeSaid = new Set(["", "application/octet-stream"]);

const unsupported = (said: string) =>
  failure(
    "unsupported_media_type",
    `Moot reads plain text (.txt), Markdown (.md) and PDF (.pdf) files, not ${said}.`,
  );
const unreadable = failure("invalid_input", "The file is not a readable PDF.");

export interface DocumentFile {
  bytes: Uint8Array;
  fileName?: string | null;
  mediaType?: string | null;
}

/** A file's text and the format it was read as; or why it cannot be read. */
export async function readDocumentFile({
  bytes,
  fileName,
  mediaType,
}: DocumentFile): Promise<{ text: string; format: DocumentFormat } | Failure> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return failure("payload_too_large", "The file is larger than 10 MB.");
  }
  const format = formatOf(fileName ?? "", mediaType ?? "");
  if (typeof format !== "string") return format;
  if (bytes.byteLength === 0) return failure("invalid_input", "The file is empty.");
  const text = format === "pdf" ? await readPdf(bytes) : decodeUtf8(bytes);
  if (typeof text !== "string") return text;
  return checkLength(text) ?? { text, format };
}

/** The longest text a document may have: a book, not a data dump. */
export function checkLength(text: string): Failure | null {
  return text.length > MAX_TEXT_CHARACTERS
    ? failure("payload_too_large", "The document's text is longer than 2,000,000 characters.")
    : null;
}

/**
 * The media type decides; when it says nothing useful, or only "text/plain" for a file named
 * .md (as some systems label Markdown), the file's extension does.
 */
function formatOf(fileName: string, mediaType: string): DocumentFormat | Failure {
  const type = (mediaType.split(";")[0] ?? "").trim().toLowerCase();
  const extension = /\.([a-z0-9]+)$/iu.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const fromName = byExtension[extension];
  const fromType = byMediaType[type];
  if (fromType === "text" && fromName === "markdown") return "markdown";
  if (fromType) return fromType;
  if (noTypeSaid.has(type) && fromName) return fromName;
  return unsupported(type ? type : fileName ? `a .${extension || "?"} file` : "this file");
}

function decodeUtf8(bytes: Uint8Array): string | Failure {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return failure("invalid_input", "The file is not UTF-8 text: save it as UTF-8 and try again.");
  }
}

async function readPdf(bytes: Uint8Array): Promise<string | Failure> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdfjs may take over (detach) the buffer it is given, and the bytes are stored after.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0 });
  } catch (error) {
    return (error as { name?: string } | null)?.name === "PasswordException"
      ? failure(
          "invalid_input",
          "The PDF is protected by a password: save a copy without one, or paste its text instead.",
        )
      : unreadable;
  }
  try {
    const { items } = await extractTextItems(pdf);
    const text = joinPages(withoutRunningHeads(items.map(pageText)));
    if (text.trim() === "" && pdf.numPages > 0) {
      return failure(
        "invalid_input",
        "The PDF has no text layer (a scanned document?): paste its text instead.",
      );
    }
    return text;
  } catch {
    return unreadable;
  } finally {
    await pdf.destroy();
  }
}
