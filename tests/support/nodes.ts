import { afterAll, beforeAll } from "vitest";
import { openPgStore } from "../../db/pg/store";
import type { Store } from "../../db/store";
import { startRealtime, type TestRealtime } from "./realtime";
import { redisUrl } from "./redis";
import { postgresTestStore } from "./stores";

export interface TwoNodes {
  /** The first node's Store: the one a test seeds its debate through. */
  store: Store;
  /** The second node's own Store on the same database. */
  storeB: Store;
  a: TestRealtime;
  b: TestRealtime;
}

/**
 * Two nodes as a load balancer would run them: each its own Store on one throw-away PostgreSQL
 * database, its own Socket.IO server, and the rooms shared through Redis. Started before the
 * describe block's tests and stopped after them.
 */
export function twoPostgresNodes(): TwoNodes {
  const nodes = {} as TwoNodes;
  let database: Awaited<ReturnType<typeof postgresTestStore>> | undefined;
  beforeAll(async () => {
    database = await postgresTestStore();
    nodes.store = database.store;
    nodes.storeB = await openPgStore(database.url);
    nodes.a = await startRealtime(nodes.store, redisUrl);
    nodes.b = await startRealtime(nodes.storeB, redisUrl);
  });
  afterAll(async () => {
    await nodes.a?.close();
    await nodes.b?.close();
    await nodes.storeB?.close();
    await database?.dispose();
  });
  return nodes;
}
