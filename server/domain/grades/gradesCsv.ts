import type { Gradebook } from "../../../lib/grades";
import { toCsv } from "../csv";
import { fileStem } from "../fileStem";

/**
 * The gradebook as a CSV an LMS gradebook imports: one row per member with name, email (empty
 * for a guest), one column per motion holding its score out of 100, the total, and the user id.
 * Formula cells are neutralised by toCsv: a name such as "=HYPERLINK(…)" arrives as text.
 */
export function gradesCsv({ motions, rows }: Gradebook): string {
  return toCsv(
    ["name", "email", ...motions.map((m) => m.title), "total", "user id"],
    rows.map((row) => [
      row.user.name,
      row.user.email,
      ...row.grades.map((g) => g.score),
      row.total,
      row.user.id,
    ]),
  );
}

/** The gradebook as a CSV file named after its space: "grades-seminar-on-central-asia.csv". */
export function gradesFile(gradebook: Gradebook): { filename: string; csv: string } {
  return {
    filename: `grades-${fileStem(gradebook.space.name, "space")}.csv`,
    csv: gradesCsv(gradebook),
  };
}
