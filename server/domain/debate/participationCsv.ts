import type { Store } from "../../../db/store";
import type { ParticipationRow } from "../../../lib/results";
import type { Actor } from "../../policy";
import { toCsv } from "../csv";
import { fileStem } from "../fileStem";
import { done, type Outcome } from "../outcome";
import { moderatedMotion } from "./guards";
import { participationIn } from "./results";

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

/** The participation table as a CSV file named after the motion: "participation-rail-paid-off.csv". */
export async function participationFile(
  store: Store,
  actor: Actor,
  motionId: unknown,
): Promise<Outcome<{ filename: string; csv: string }>> {
  const found = await moderatedMotion(store, actor, motionId);
  if (!found.ok) return found;
  const rows = await participationIn(store, found.value);
  return done({
    filename: `participation-${fileStem(found.value.title)}.csv`,
    csv: participationCsv(rows),
  });
}
