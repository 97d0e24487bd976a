import { createClient } from "redis";
import { closeRedis } from "../../server/closeRedis";

/** The Redis server scale tests share rooms through. */
export const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Whether Redis tests run. Outside CI they skip, saying why, when no server answers; in CI
 * (CI=true) a missing server is a failure, never a skip.
 */
export async function redisAvailable(): Promise<boolean> {
  const client = createClient({
    url: redisUrl,
    socket: { connectTimeout: 3000, reconnectStrategy: false },
  });
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    if (process.env.CI === "true")
      throw new Error(`CI needs Redis at ${redisUrl}: ${String(error)}`);
    console.warn(`Skipping scale tests: no Redis at ${redisUrl} (${String(error)})`);
    return false;
  } finally {
    if (client.isOpen) await closeRedis(client);
  }
}
