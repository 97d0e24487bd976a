"use client";

import { useState } from "react";
import { TableScroll } from "./TableScroll";

type Direction = "ascending" | "descending";

export interface MemberColumn<Row> {
  key: string;
  label: string;
  value: (row: Row) => string | number;
}

const compare = (a: string | number, b: string | number) =>
  typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));

/**
 * A row per member, the first column their name; each column header is a button that sorts by
 * it (again: the other way). The first `wordColumns` columns sort A to Z on the first press, the
 * figures after them most first, since that is what a teacher looks for.
 */
export function MemberTable<Row extends { user: { id: string; name: string } }>({
  columns,
  rows,
  wordColumns = 1,
  caption,
  testId,
}: {
  columns: MemberColumn<Row>[];
  rows: Row[];
  wordColumns?: number;
  caption?: string;
  testId?: string;
}) {
  const [sort, setSort] = useState<{ column: number; direction: Direction }>({
    column: 0,
    direction: "ascending",
  });
  const by = (columns[sort.column] ?? columns[0]) as MemberColumn<Row>;
  const sign = sort.direction === "ascending" ? 1 : -1;
  const sorted = [...rows].sort(
    (a, b) => sign * compare(by.value(a), by.value(b)) || a.user.name.localeCompare(b.user.name),
  );
  const sortBy = (column: number) =>
    setSort((now) =>
      now.column === column
        ? { column, direction: now.direction === "ascending" ? "descending" : "ascending" }
        : { column, direction: column < wordColumns ? "ascending" : "descending" },
    );

  return (
    <>
      <p className="visually-hidden" role="status">
        Sorted by {by.label}, {sort.direction}.
      </p>
      <TableScroll>
        <table className="tally results-table" data-testid={testId}>
          {caption ? <caption className="visually-hidden">{caption}</caption> : null}
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
      </TableScroll>
    </>
  );
}
