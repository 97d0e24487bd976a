import { createClient } from "redis";
import type { RedisClient } from "./limiter";

/** The Redis connection limits are counted on when several nodes serve one database. */
export async function rateLimitStore(url: string): Promise<RedisClient> {
  const client = createClient({ url });
  // While Redis is away each node counts in its own memory (the limiter's insurance); say why.
  client.on("error", (error: Error) => console.error(`rate limits: Redis: ${error.message}`));
  await client.connect();
  return client;
}
