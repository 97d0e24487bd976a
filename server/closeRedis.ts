import { setTimeout as sleep } from "node:timers/promises";
import type { createClient } from "redis";

/** How long a stopping node waits for Redis to answer what it sent before it lets go anyway. */
export const REDIS_CLOSE_WAIT_MS = 1_000;

/**
 * Closes a Redis connection once what was sent on it is answered, REDIS_CLOSE_WAIT_MS at most.
 * A QUIT sent while Redis is away never settles (the client stops reconnecting to send it), and
 * a node that waited for it would never stop.
 */
export async function closeRedis(
  client: Pick<ReturnType<typeof createClient>, "close" | "destroy" | "isOpen">,
) {
  await Promise.race([
    client.close().catch(() => undefined),
    sleep(REDIS_CLOSE_WAIT_MS, undefined, { ref: false }),
  ]);
  if (client.isOpen) client.destroy();
}
