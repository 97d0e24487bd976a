import Papa from "papaparse";
import type { ParticipationRow } from "../../../lib/results";

const columns: [string, (row: ParticipationRow) => string | number][] = [
  ["name", (r) => r.user.name],
  ["role", (r) => r.role ?? "not a member"],
  ["arguments for", (r) => r.arguments.for],
  ["arguments against", (r) => r.arguments.against],
  ["replies supporting", (r) => r.replies.supports],
  ["replies attacking", (r) => r.replies.attacks],
  ["citations", (r) => r.citations],
  ["ratings given", (r) => r.ratingsGiven],
  ["ratings received", (r) => r.ratingsReceived],
  ["votes", (r) => r.votes],
  ["minutes active", (r) => r.minutesActive],
  // Two people may share a name; the id tells them apart across exports.
  ["user id", (r) => r.user.id],
];

/**
 * Papa Parse's own pattern (escapeFormulae: true) is anchored at the end of the text with a `.`
 * that stops at a line break, so "=HYPERLINK(…)\nx" would slip through; this one looks at the
 * first character alone: = + - @ tab CR.
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * The participation table as RFC 4180 CSV (CRLF line ends, a header row). A cell that a
 * spreadsheet would run as a formula (a name such as "=1+1") starts with a quote instead.
 */
export function participationCsv(rows: ParticipationRow[]): string {
  return Papa.unparse(
    {
      fields: columns.map(([name]) => name),
      data: rows.map((row) => columns.map(([, value]) => value(row))),
    },
    { escapeFormulae: formulaStart, newline: "\r\n" },
  );
}
