import { setImmediate as nextTurn } from "node:timers/promises";

/** How many ids one read takes: the rows of a few hundred arguments read and made at once. */
const IDS_PER_READ = 500;

/**
 * `read` of every one of `ids`, IDS_PER_READ at a time with other requests' turns between: the
 * citations or ratings of a big debate's arguments, read at once, hold the event loop.
 */
export async function byIdsInTurns<T>(
  ids: string[],
  read: (some: string[]) => Promise<T[]>,
): Promise<T[]> {
  const all: T[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_READ) {
    if (i > 0) await nextTurn();
    for (const row of await read(ids.slice(i, i + IDS_PER_READ))) all.push(row);
  }
  return all;
}
