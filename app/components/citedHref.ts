import type { CitationView } from "@/lib/debate";

/** The passage as it read where it was cited: its version of the document, marked. */
export const citedHref = (c: Pick<CitationView, "documentId" | "versionId" | "start" | "end">) =>
  `/documents/${c.documentId}?version=${c.versionId}&from=${c.start}&to=${c.end}#cited`;
