import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import type { Store } from "../../db/store";
import type { NotificationView } from "../../lib/notifications";
import {
  type ClientToServerEvents,
  MAX_MESSAGE_BYTES,
  type MotionEvent,
  type Presence,
  type ServerToClientEvents,
} from "../../lib/protocol";
import { closeRedis } from "../../server/closeRedis";
import { toMotionEvent } from "../../server/domain/events";
import { rateLimits } from "../../server/rateLimits/limiter";
import { rateLimitStore } from "../../server/rateLimits/redis";
import { defaultRateLimitSettings, type RateLimitSettings } from "../../server/rateLimits/table";
import { attachRealtime, type MootServer } from "../../server/realtime";
import { redisAdapter } from "../../server/realtime/redis";
import { testAuthSecret } from "./people";
import { sqliteTestStore, type TestStore } from "./stores";

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The real Socket.IO server on a random port of 127.0.0.1, and real clients for it. With a
 * Redis URL it shares rooms and rate limits with every other node on that Redis, as
 * `server/main.ts` does. The limits are the defaults unless a load generator scales them.
 */
export async function startRealtime(
  store: Store,
  redisUrl?: string,
  limitSettings: RateLimitSettings = defaultRateLimitSettings,
  { writeBudgetMs }: { writeBudgetMs?: number } = {},
) {
  const http = createServer();
  const io: MootServer = new Server(http, { maxHttpBufferSize: MAX_MESSAGE_BYTES });
  const redis = redisUrl ? await redisAdapter(redisUrl) : null;
  if (redis) io.adapter(redis.adapter);
  const limitStore = redisUrl ? await rateLimitStore(redisUrl) : null;
  const limits = rateLimits(limitSettings, limitStore);
  const realtime = attachRealtime(io, { store, authSecret: testAuthSecret, limits, writeBudgetMs });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clients: Client[] = [];
  return {
    ...realtime,
    io,
    url,
    /**
     * A connected client, signed in with `who`'s session cookie or a visitor without one, from
     * `address` as a reverse proxy on this machine would say (127.0.0.1 itself without one).
     */
    async client(who?: { cookie: string }, address?: string): Promise<Client> {
      const socket: Client = connect(url, {
        transports: ["websocket"],
        forceNew: true,
        extraHeaders: {
          ...(who ? { cookie: who.cookie } : {}),
          ...(address ? { "x-forwarded-for": address } : {}),
        },
      });
      clients.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      return socket;
    },
    async close() {
      for (const socket of clients) socket.disconnect();
      await io.close();
      await redis?.close();
      if (limitStore) await closeRedis(limitStore);
    },
    /** Stops the node as the server does, its clients still connected (server/main.ts). */
    async stop() {
      await realtime.close();
      await redis?.close();
      if (limitStore) await closeRedis(limitStore);
    },
  };
}

export type TestRealtime = Awaited<ReturnType<typeof startRealtime>>;

/** Stores a spotlight event (any event will do) in a motion's log, without publishing it. */
export async function storeTestEvent(store: Store, motionId: string) {
  const row = await store.transaction((tx) =>
    tx.events.append({
      motionId,
      type: "argument.spotlighted",
      data: { argumentId: null },
      actorId: "system",
      at: new Date(),
    }),
  );
  return toMotionEvent(row);
}

/** Appends a bare event to a motion's log and publishes it, as a command would: its seq. */
export async function appendTestEvent(store: Store, server: TestRealtime, motionId: string) {
  const event = await storeTestEvent(store, motionId);
  server.publish([event]);
  return event.seq;
}

/**
 * A suite's real Socket.IO server on a fresh database (SQLite unless `open` makes another),
 * started before its tests and closed after them; read `db` and `server` inside the tests.
 */
export function liveSuite(open: () => Promise<TestStore> = sqliteTestStore) {
  const suite = {} as { db: TestStore; server: TestRealtime };
  beforeAll(async () => {
    suite.db = await open();
    suite.server = await startRealtime(suite.db.store);
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.db?.dispose();
  });
  return suite;
}

/**
 * What a client hears, one message at a time: `event` stands for each event of a `motion:events`
 * on its own, `presence:update`, `notification:push` and `membership:update` for those messages.
 */
export interface Heard {
  event: MotionEvent;
  "presence:update": Presence;
  "notification:push": NotificationView;
  "membership:update": { spaceId: string };
}

/** Calls `listener` with each `name` the client hears from now on, in order; returns its end. */
export function hear<N extends keyof Heard>(
  socket: Client,
  name: N,
  listener: (message: Heard[N]) => void,
): () => void {
  if (name === "event") {
    const each = (events: MotionEvent[]) => {
      for (const event of events) (listener as (event: MotionEvent) => void)(event);
    };
    socket.on("motion:events", each);
    return () => socket.off("motion:events", each);
  }
  const other = name as Exclude<N, "event">;
  socket.on(other, listener as never);
  return () => socket.off(other, listener as never);
}

/** The first `name` the client hears that matches, within `ms`. */
export function nextHeard<N extends keyof Heard>(
  socket: Client,
  name: N,
  match: (message: Heard[N]) => boolean = () => true,
  ms = 10_000,
): Promise<Heard[N]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no matching ${name} within ${ms} ms`));
    }, ms);
    const stop = hear(socket, name, (message) => {
      if (!match(message)) return;
      clearTimeout(timer);
      stop();
      resolve(message);
    });
  });
}

/** The next motion event a client hears, of `type` if one is named. */
export const nextEvent = (socket: Client, type?: string) =>
  nextHeard(socket, "event", (event) => type === undefined || event.type === type);
