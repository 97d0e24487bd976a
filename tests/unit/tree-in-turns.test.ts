import { describe, expect, it } from "vitest";
import { type ArgumentView, buildArgumentTree } from "../../lib/debate";
import { treeInTurns } from "../../server/domain/debate/shapeCache";
import { argumentView } from "../support/views";

const statuses = ["published", "published", "hidden", "withdrawn", "published", "pending"] as const;

/** A debate of `size` arguments, newest first: replies spread over earlier ones, some orphaned. */
function debate(size: number): ArgumentView[] {
  const rows: ArgumentView[] = [];
  for (let i = 0; i < size; i += 1) {
    const reply = i % 3 === 2;
    const parent = rows[Math.floor(((i * 0.618033988749895) % 1) * rows.length)];
    rows.push(
      argumentView(`a${i}`, {
        parentId: reply && parent ? parent.id : i % 97 === 5 ? "gone" : null,
        relation: reply ? "supports" : i % 2 ? "for" : "against",
        status: statuses[i % statuses.length],
        ...(i % 11 === 0 ? { replies: { direct: i % 2, all: i % 2 } } : {}),
      }),
    );
  }
  return rows.reverse();
}

describe("the tree built in turns", () => {
  it.each([10, 1000, 1001, 3500])(
    "is the argument tree, node for node, at %i arguments",
    async (size) => {
      const rows = debate(size);
      for (const keepHidden of [false, true]) {
        expect(await treeInTurns(rows, { keepHidden })).toEqual(
          buildArgumentTree(rows, { keepHidden }),
        );
      }
    },
  );
});
