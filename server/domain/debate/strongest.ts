import { setImmediate as nextTurn } from "node:timers/promises";
import type { ArgumentRow, RatedArgument, Store } from "../../../db/store";
import { sideOf } from "../../../lib/debate";
import { type Side, STRONGEST_SHOWN } from "../../../lib/projector";
import { bystander } from "./audience";
import { readableRows } from "./queries";
import { meanOf } from "./views";

/**
 * How many ranked arguments the first read asks for; each further read asks for twice as many,
 * up to the most one read takes.
 */
const FIRST_READ = 32;
const MOST_READ = 512;

/** The most rows one read of the arguments above takes: each read holds the event loop. */
const ROWS_READ = 250;

/** An argument the room sees, with the arguments above it, from its top-level argument down. */
type Placed = { row: ArgumentRow; path: ArgumentRow[] };

/**
 * The room's strongest arguments on each side, as `strongestOn` ranks every argument the room
 * sees (by rounded mean, then by how many rated, ties in the tree's order), read from the
 * database's ranking instead of every row: the ranked arguments come in reads of growing size
 * until each side's last place is stronger than anything not yet read. Only the ranked
 * arguments and the arguments above them are read.
 */
export async function strongestInRoom(
  store: Store,
  motionId: string,
  count = STRONGEST_SHOWN,
): Promise<Record<Side, string[]>> {
  const rows = new Map<string, ArgumentRow>();
  const ranked: Record<Side, { rated: RatedArgument; placed: Placed }[]> = { for: [], against: [] };
  const seen = new Set<string>();
  let offset = 0;
  for (let limit = FIRST_READ; ; limit = Math.min(limit * 2, MOST_READ)) {
    // Other requests run between reads: a debate rated all alike is read to its end.
    if (offset > 0) await nextTurn();
    const read = await store.ratings.strongest(motionId, limit, offset);
    offset += read.length;
    const placed = await placeInRoom(
      store,
      rows,
      read.map((rated) => rated.argumentId),
    );
    for (const rated of read) {
      // Ratings go on arriving between reads: an argument that fell past the page read earlier
      // comes again, and is placed once.
      if (seen.has(rated.argumentId)) continue;
      seen.add(rated.argumentId);
      const found = placed.get(rated.argumentId);
      if (found) ranked[sideIn(found)].push({ rated, placed: found });
    }
    const last = read.at(-1);
    if (read.length < limit || !last) break;
    // Nothing after `last` ranks above it, whatever the rounding of a mean in hundredths.
    const settled = (side: Side) => {
      const place = ranked[side].map(({ rated }) => rated).sort(byStrength)[count - 1];
      return place !== undefined && beats(place, last);
    };
    if (settled("for") && settled("against")) break;
  }
  const strongest = (side: Side) =>
    ranked[side]
      .sort((a, b) => byStrength(a.rated, b.rated) || treeOrder(a.placed.path, b.placed.path))
      .slice(0, count)
      .map(({ rated }) => rated.argumentId);
  return { for: strongest("for"), against: strongest("against") };
}

/**
 * The arguments of `ids` the room sees, each with its path from the top: those whose every
 * argument above is one the room reads (a reply to a post it never saw is not on its screen).
 * `rows` keeps what was read, for the next call.
 */
export async function placeInRoom(
  store: Store,
  rows: Map<string, ArgumentRow>,
  ids: string[],
): Promise<Map<string, Placed>> {
  for (let wanted = ids; wanted.length > 0; ) {
    const missing = [...new Set(wanted)].filter((id) => !rows.has(id));
    for (let i = 0; i < missing.length; i += ROWS_READ) {
      if (i > 0) await nextTurn();
      for (const row of await store.arguments.byIds(missing.slice(i, i + ROWS_READ))) {
        rows.set(row.id, row);
      }
    }
    wanted = missing.flatMap((id) => {
      const parentId = rows.get(id)?.parentId;
      return parentId ? [parentId] : [];
    });
  }
  const placed = new Map<string, Placed>();
  for (const id of ids) {
    const path: ArgumentRow[] = [];
    for (let row = rows.get(id); row; row = row.parentId ? rows.get(row.parentId) : undefined) {
      path.unshift(row);
    }
    const top = path[0];
    const whole = top?.parentId === null && path.at(-1)?.id === id;
    if (whole && readableRows(path, bystander).length === path.length) {
      placed.set(id, { row: path.at(-1) as ArgumentRow, path });
    }
  }
  return placed;
}

function sideIn({ row, path }: Placed): Side {
  return sideOf(row, new Map(path.map((above) => [above.id, above])));
}

const strengthOf = (rated: RatedArgument) => ({
  mean: meanOf(rated.total, rated.count),
  count: rated.count,
});

/** As `byStrength` orders arguments: the higher rounded mean first, then the more ratings. */
const byStrength = (a: RatedArgument, b: RatedArgument) => {
  const [x, y] = [strengthOf(a), strengthOf(b)];
  return y.mean - x.mean || y.count - x.count;
};

/**
 * Whether `place` ranks above `last` and everything the database ranks after it: its ranking
 * rounds the exact mean half up, which is never below the mean `meanOf` rounds.
 */
function beats(place: RatedArgument, last: RatedArgument) {
  const ours = Math.round((place.total / place.count) * 100);
  const theirs = Math.floor((last.total * 200 + last.count) / (2 * last.count));
  return ours > theirs || (ours === theirs && place.count > last.count);
}

/** Where two arguments stand in the tree, parents before replies, each level oldest first. */
function treeOrder(a: ArgumentRow[], b: ArgumentRow[]) {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const [x, y] = [a[i] as ArgumentRow, b[i] as ArgumentRow];
    if (x.id !== y.id) return byAge(x, y);
  }
  return a.length - b.length;
}

/** The rows' order: oldest first, then by id. */
export const byAge = (a: ArgumentRow, b: ArgumentRow) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
