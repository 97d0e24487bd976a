import type { ParticipationRow } from "../../../lib/results";
import { toCsv } from "../csv";

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
 * The participation table as CSV, formula cells neutralised (see toCsv): a name such as "=1+1"
 * reaches the spreadsheet as text.
 */
export function participationCsv(rows: ParticipationRow[]): string {
  return toCsv(
    columns.map(([name]) => name),
    rows.map((row) => columns.map(([, value]) => value(row))),
  );
}
