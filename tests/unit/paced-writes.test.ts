import { setImmediate as turnEnds } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { pacedWrites, WRITE_BUDGET_MS } from "../../server/realtime/pacedWrites";

/**
 * Connections as Socket.IO's clients look to the pacing: each write goes through
 * `writeToEngine`. Each write here takes `msEach` of the clock the pacing reads.
 */
function connections(count: number, msEach: number) {
  let clock = 0;
  const written: number[] = [];
  const writes = pacedWrites({ now: () => clock });
  const sockets = Array.from({ length: count }, (_, i) => {
    const client = {
      writeToEngine: () => {
        clock += msEach;
        written.push(i);
      },
      conn: { close: () => {} },
    };
    writes.attach({ client });
    return client;
  });
  return { sockets, written, writes };
}

describe("a node's writes, paced by a budget of time (P-LIVE-1)", () => {
  it("writes a room at once while its writes fit the budget", () => {
    const { sockets, written } = connections(300, WRITE_BUDGET_MS / 400);
    for (const socket of sockets) socket.writeToEngine();
    expect(written).toHaveLength(300);
  });

  it("goes on with the rest a budget's worth a turn, in the order they were made", async () => {
    const { sockets, written } = connections(10, 1);
    for (const socket of sockets) socket.writeToEngine();
    // Four writes of 1 ms spend a budget of 4 ms: the rest wait for the next turns.
    expect(written).toEqual([0, 1, 2, 3]);
    await turnEnds();
    expect(written).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await turnEnds();
    expect(written).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("writes at least one a turn, however slow a write is", async () => {
    const { sockets, written } = connections(3, WRITE_BUDGET_MS * 10);
    for (const socket of sockets) socket.writeToEngine();
    expect(written).toEqual([0]);
    await turnEnds();
    expect(written).toEqual([0, 1]);
    await turnEnds();
    expect(written).toEqual([0, 1, 2]);
  });

  it("sends what waits for the writes before it once they are out", async () => {
    const { sockets, written, writes } = connections(10, 1);
    for (const socket of sockets) socket.writeToEngine();
    const sentAfter: number[] = [];
    writes.whenWritten(() => sentAfter.push(written.length));
    await turnEnds();
    expect(sentAfter).toEqual([]);
    await turnEnds();
    expect(sentAfter).toEqual([10]);
  });
});
