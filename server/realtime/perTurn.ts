/**
 * Collects what is handed over during one turn of the event loop and hands it all on together
 * once the turn's I/O callbacks have run (`setImmediate`), or when `schedule` says. An idle server
 * hands each on at once; a busy one, which read several commands in one turn, sends their events
 * to each socket as one message instead of one each, so it catches up faster instead of falling
 * further behind.
 */
export function perTurn<T>(
  handOn: (items: T[]) => void,
  schedule: (run: () => void) => void = setImmediate,
): (item: T) => void {
  let pending: T[] = [];
  const run = () => {
    const items = pending;
    pending = [];
    handOn(items);
  };
  return (item) => {
    pending.push(item);
    if (pending.length === 1) schedule(run);
  };
}
