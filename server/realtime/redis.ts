import { createAdapter, RedisAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { Server } from "socket.io";
import { closeRedis } from "../closeRedis";

/** Whether this node shares its rooms with other nodes, through Redis (else it is alone). */
export const sharesRooms = (io: Server) => io.of("/").adapter instanceof RedisAdapter;

/**
 * The Socket.IO adapter that lets several nodes share rooms through Redis: an event published
 * on one node reaches the clients of every node. The database keeps the log, so a client that
 * reconnects to another node still replays from its seq.
 */
export async function redisAdapter(url: string) {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  // While Redis is away, node-redis reconnects by itself; say why rather than leave the adapter's
  // bare "missing 'error' handler" warning.
  for (const [role, client] of [
    ["publisher", publisher],
    ["subscriber", subscriber],
  ] as const) {
    client.on("error", (error: Error) =>
      console.error(`live rooms: Redis ${role}: ${error.message}`),
    );
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  return {
    adapter: createAdapter(publisher, subscriber),
    /** Call after the Socket.IO server closed: the presence updates its disconnects set off go out first. */
    close: async () => {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await Promise.all([closeRedis(publisher), closeRedis(subscriber)]);
    },
  };
}
