import { debateAnnotations } from "./annotations";
import { debateArgdown } from "./argdown";
import { debateCsv } from "./csv";
import type { DebateView } from "./debateView";
import { debateJson } from "./json";
import { debateMarkdown } from "./markdown";

/** Each export format's text, made from the one view of the debate the caller may read. */
const renderers = {
  json: (view: DebateView) => JSON.stringify(debateJson(view), null, 2),
  // A byte order mark, so that Excel reads the text as UTF-8 rather than the local code page.
  csv: (view: DebateView) => `\uFEFF${debateCsv(view)}`,
  md: debateMarkdown,
  argdown: debateArgdown,
  annotations: (view: DebateView) => JSON.stringify(debateAnnotations(view), null, 2),
} as const;

export type ExportFormat = keyof typeof renderers;

/** A big debate's file takes a while to write: it is written on a worker thread (server/work). */
export function renderExport({ format, view }: { format: ExportFormat; view: DebateView }): string {
  return renderers[format](view);
}
