import type { Store } from "../../../db/store";
import type { Actor } from "../../policy";
import { workPool } from "../../work/shared";
import { fileStem } from "../fileStem";
import { done, type Outcome, refuse } from "../outcome";
import { debateView } from "./debateView";
import type { ExportFormat } from "./render";

/** The export formats: each made from the one view of the debate the caller may read. */
const formats: Record<ExportFormat, { contentType: string; extension: string }> = {
  json: { contentType: "application/json", extension: "json" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  md: { contentType: "text/markdown; charset=utf-8", extension: "md" },
  argdown: { contentType: "text/plain; charset=utf-8", extension: "argdown" },
  annotations: { contentType: "application/ld+json", extension: "jsonld" },
};

export type { ExportFormat };
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
  const body = await workPool().run("renderExport", { format, view: view.value });
  if (typeof body !== "string") return body;
  const { contentType, extension } = formats[format];
  return done({
    body,
    contentType,
    filename: `${fileStem(view.value.motion.title)}.${extension}`,
  });
}
