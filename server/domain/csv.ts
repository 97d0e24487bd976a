import Papa from "papaparse";

/**
 * Papa Parse's own pattern (escapeFormulae: true) is anchored at the end of the text with a `.`
 * that stops at a line break, so "=HYPERLINK(…)\nx" would slip through; this one looks at the
 * first character alone: = + - @ tab CR.
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A table as RFC 4180 CSV (CRLF line ends, a header row). A cell that a spreadsheet would run as
 * a formula (a name such as "=1+1") starts with a quote instead.
 */
export function toCsv(fields: string[], rows: (string | number | null)[][]): string {
  return Papa.unparse(
    { fields, data: rows.map((row) => row.map((cell) => cell ?? "")) },
    { escapeFormulae: formulaStart, newline: "\r\n" },
  );
}
