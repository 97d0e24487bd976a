import type { Store } from "../../../db/store";
import type { Actor } from "../../policy";
import { done, type Outcome, refuse } from "../outcome";
import { debateAnnotations } from "./annotations";
import { debateArgdown } from "./argdown";
import { debateCsv } from "./csv";
import { type DebateView, debateView } from "./debateView";
import { debateJson } from "./json";
import { debateMarkdown } from "./markdown";
import { fileStem } from "./numbering";

/** The export formats: each made from the one view of the debate the caller may read. */
const formats = {
  json: {
    contentType: "application/json",
    extension: "json",
    render: (view: DebateView) => JSON.stringify(debateJson(view), null, 2),
  },
  csv: {
    contentType: "text/csv; charset=utf-8",
    extension: "csv",
    // A byte order mark, so that Excel reads the text as UTF-8 rather than the local code page.
    render: (view: DebateView) => `\uFEFF${debateCsv(view)}`,
  },
  md: {
    contentType: "text/markdown; charset=utf-8",
    extension: "md",
    render: debateMarkdown,
  },
  argdown: {
    contentType: "text/plain; charset=utf-8",
    extension: "argdown",
    render: debateArgdown,
  },
  annotations: {
    contentType: "application/ld+json",
    extension: "jsonld",
    render: (view: DebateView) => JSON.stringify(debateAnnotations(view), null, 2),
  },
} as const;

export type ExportFormat = keyof typeof formats;
export const exportFormats = Object.keys(formats) as ExportFormat[];

export interface ExportFile {
  body: string;
  contentType: string;
  /** Safe ASCII, from the motion's title: "the-rail-line-was-worth-building.md". */
  filename: string;
}

const isFormat = (format: unknown): format is ExportFormat =>
  typeof format === "string" && Object.hasOwn(formats, format);

/** The motion as `format`, holding exactly what the caller may read of it (see debateView). */
export async function exportDebate(
  store: Store,
  actor: Actor,
  motionId: unknown,
  format: unknown,
  origin: string,
): Promise<Outcome<ExportFile>> {
  if (!isFormat(format)) {
    return refuse("invalid_input", `format: must be one of ${exportFormats.join(", ")}`);
  }
  const view = await debateView(store, actor, motionId, origin);
  if (!view.ok) return view;
  const { contentType, extension, render } = formats[format];
  return done({
    body: render(view.value),
    contentType,
    filename: `${fileStem(view.value.motion.title)}.${extension}`,
  });
}
