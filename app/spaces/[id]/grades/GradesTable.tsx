"use client";

import { useState } from "react";
import type { GradebookMotion, GradebookRow } from "@/lib/grades";

type Direction = "ascending" | "descending";

interface Column {
  key: string;
  label: string;
  value: (row: GradebookRow) => string | number;
}

const compare = (a: string | number, b: string | number) =>
  typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));

/**
 * The gradebook at a glance: a row per member, a score per motion and the total. Each header is
 * a button that sorts by its column (again: the other way); scores sort highest first.
 */
export function GradesTable({
  motions,
  rows,
}: {
  motions: GradebookMotion[];
  rows: GradebookRow[];
}) {
  const columns: Column[] = [
    { key: "name", label: "Name", value: (r) => r.user.name },
    ...motions.map((motion, i) => ({
      key: motion.id,
      label: motion.title,
      value: (r: GradebookRow) => r.grades[i]?.score ?? 0,
    })),
    { key: "total", label: "Total", value: (r) => r.total ?? 0 },
  ];
  const [sort, setSort] = useState<{ column: number; direction: Direction }>({
    column: 0,
    direction: "ascending",
  });
  const by = (columns[sort.column] ?? columns[0]) as Column;
  const sign = sort.direction === "ascending" ? 1 : -1;
  const sorted = [...rows].sort(
    (a, b) => sign * compare(by.value(a), by.value(b)) || a.user.name.localeCompare(b.user.name),
  );
  const sortBy = (column: number) =>
    setSort((now) =>
      now.column === column
        ? { column, direction: now.direction === "ascending" ? "descending" : "ascending" }
        : { column, direction: column === 0 ? "ascending" : "descending" },
    );

  return (
    <>
      <p className="visually-hidden" role="status">
        Sorted by {by.label}, {sort.direction}.
      </p>
      <div className="table-scroll">
        <table className="tally results-table" data-testid="grades-table">
          <caption className="visually-hidden">Scores out of 100, per motion and in total</caption>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sort.column === index ? sort.direction : undefined}
                >
                  <button type="button" className="link sort-button" onClick={() => sortBy(index)}>
                    {column.label}
                    {sort.column === index ? (
                      <span aria-hidden="true">{sort.direction === "ascending" ? " ▲" : " ▼"}</span>
                    ) : null}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.user.id}>
                <th scope="row">{row.user.name}</th>
                {columns.slice(1).map((column) => (
                  <td key={column.key}>{column.value(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
