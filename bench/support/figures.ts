import { appendFileSync, readFileSync } from "node:fs";

/** One figure a bench measured, as it prints it and as `npm run bench` gathers it. */
export interface Figure {
  figure: string;
  /** What Moot measured. */
  moot: string;
  /** What it is set beside ("-" for nothing). */
  baseline: string;
  ratio: string;
  target: string;
  /** Whether Moot met every target of the row; undefined where the row has none. */
  met?: boolean;
}

export type Reported = Figure & { bench: string };

/** The file `npm run bench` names for the benches it runs to hand their figures back. */
export const FIGURES_FILE_VARIABLE = "MOOT_BENCH_FIGURES";

/** Every value at most its limit; a value not measured (NaN) meets nothing. */
export const within = (...pairs: [value: number, limit: number][]) =>
  pairs.every(([value, limit]) => value <= limit);

export const ratioOf = (value: number, baseline: number) => value / Math.max(baseline, 0.1);
export const times = (ratio: number) => `${ratio.toFixed(2)}x`;

const verdict = (met: boolean | undefined) => (met === undefined ? "-" : met ? "yes" : "NO");

/** A Markdown table, each column as wide as its widest cell. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((row) => row[i]?.length ?? 0)),
  );
  const line = (row: string[]) =>
    `| ${header.map((_, i) => (row[i] ?? "").padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
    "\n",
  );
}

const columns = ["figure", "Moot", "baseline", "ratio", "target", "met"];
const cells = (f: Figure) => [f.figure, f.moot, f.baseline, f.ratio, f.target, verdict(f.met)];

/**
 * Prints a bench's figures as a table and, run by `npm run bench`, hands them on for the one
 * table it prints at the end.
 */
export function report(bench: string, figures: Figure[]) {
  console.log(`\n${markdownTable(columns, figures.map(cells))}`);
  const file = process.env[FIGURES_FILE_VARIABLE];
  if (!file) return;
  appendFileSync(file, figures.map((f) => `${JSON.stringify({ bench, ...f })}\n`).join(""));
}

/** The figures the benches handed on, in the order they reported them. */
export function reported(file: string): Reported[] {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Reported);
}

/** The one table of a whole run: every bench's figures, and how many targets were met. */
export function summary(figures: Reported[]): string {
  const judged = figures.filter((f) => f.met !== undefined);
  const met = judged.filter((f) => f.met).length;
  const table = markdownTable(
    ["bench", ...columns],
    figures.map((f) => [f.bench, ...cells(f)]),
  );
  const verdicts = judged.length
    ? `${met} of the ${judged.length} rows with a target met it.`
    : "No row has a target.";
  return `${table}\n\n${verdicts}`;
}
