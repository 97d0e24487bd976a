"use client";

import { type MemberColumn, MemberTable } from "@/app/components/MemberTable";
import type { GradebookMotion, GradebookRow } from "@/lib/grades";

/** The gradebook at a glance: a row per member, a score per motion and the total. */
export function GradesTable({
  motions,
  rows,
}: {
  motions: GradebookMotion[];
  rows: GradebookRow[];
}) {
  const columns: MemberColumn<GradebookRow>[] = [
    { key: "name", label: "Name", value: (r) => r.user.name },
    ...motions.map((motion, i) => ({
      key: motion.id,
      label: motion.title,
      value: (r: GradebookRow) => r.grades[i]?.score ?? 0,
    })),
    { key: "total", label: "Total", value: (r) => r.total ?? 0 },
  ];
  return (
    <MemberTable
      columns={columns}
      rows={rows}
      caption="Scores out of 100, per motion and in total"
      testId="grades-table"
    />
  );
}
