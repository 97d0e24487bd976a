import type { Store } from "../../../db/store";
import type { Block } from "../../../lib/documents/import";
import type { Actor } from "../../policy";
import { done, invalidInput, type Outcome } from "../outcome";
import type { DocumentFormat } from "./extractText";
import { deniedImport, ImportDocumentInput, readDocument } from "./importDocument";

export interface DocumentPreview {
  text: string;
  blocks: Block[];
  format: DocumentFormat;
  characters: number;
}

/**
 * What importing would store, shown before anything is: the canonical text and blocks, with the
 * edits made so far, so that the moderator can correct the blocks and then save the same input.
 */
export async function previewDocument(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<DocumentPreview>> {
  const cmd = ImportDocumentInput.safeParse(input);
  if (!cmd.success) return invalidInput(cmd.error);
  const denied = await deniedImport(store, actor, cmd.data.spaceId);
  if (denied) return denied;
  const read = await readDocument(cmd.data);
  if (!read.ok) return read;
  const { text, blocks, format } = read.value;
  return done({ text, blocks, format, characters: text.length });
}
