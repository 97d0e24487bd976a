import { selectorAt } from "@/lib/anchoring";
import { selectedRange } from "./selection";

/** A passage picked for a motion's sources: a quote selector into a document, with its title. */
export interface Picked {
  documentId: string;
  documentTitle: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

type Picking = { id: string; title: string; text: string };

/** The passage between two offsets of the document's text, as a motion's source. */
export const pickRange = (document: Picking, start: number, end: number): Picked => ({
  documentId: document.id,
  documentTitle: document.title,
  ...selectorAt(document.text, start, end),
});

/** What the reader has selected in `container` (the document's text), or null. */
export function pickSelection(container: HTMLElement | null, document: Picking): Picked | null {
  const range = container ? selectedRange(container, document.text) : null;
  return range ? pickRange(document, range.start, range.end) : null;
}

/** A picked passage as createMotion takes it in `sources`. */
export const asSource = ({ documentTitle: _, ...source }: Picked) => source;
