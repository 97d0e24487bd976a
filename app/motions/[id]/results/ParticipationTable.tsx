"use client";

import { useState } from "react";
import type { ParticipationRow } from "@/lib/results";
import { roleLabel } from "./labels";

type Direction = "ascending" | "descending";

interface Column {
  label: string;
  value: (row: ParticipationRow) => string | number;
}

const columns: Column[] = [
  { label: "Name", value: (r) => r.user.name },
  { label: "Role", value: (r) => roleLabel(r.role) },
  { label: "Arguments for", value: (r) => r.arguments.for },
  { label: "Arguments against", value: (r) => r.arguments.against },
  { label: "Replies supporting", value: (r) => r.replies.supports },
  { label: "Replies attacking", value: (r) => r.replies.attacks },
  { label: "Citations", value: (r) => r.citations },
  { label: "Ratings given", value: (r) => r.ratingsGiven },
  { label: "Ratings received", value: (r) => r.ratingsReceived },
  { label: "Votes", value: (r) => r.votes },
  { label: "Minutes active", value: (r) => r.minutesActive },
];

const compare = (a: string | number, b: string | number) =>
  typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));

/**
 * The participation table; each column header is a button that sorts by it (again: the other
 * way). Counts sort most first on the first press, since that is what a teacher looks for.
 */
export function ParticipationTable({ rows }: { rows: ParticipationRow[] }) {
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
        : { column, direction: column < 2 ? "ascending" : "descending" },
    );

  return (
    <>
      <p className="visually-hidden" role="status">
        Sorted by {by.label}, {sort.direction}.
      </p>
      <div className="table-scroll">
        <table className="tally results-table">
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th
                  key={column.label}
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
                  <td key={column.label}>{column.value(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
