import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { createClient } from "redis";
import { type Failure, failure } from "../../lib/result";
import type { Actor } from "../policy";
import {
  attemptFamilies,
  defaultRateLimitSettings,
  effectiveLimits,
  failedAttempts,
  type LimitFamily,
  limitTable,
  type RateLimitSettings,
} from "./table";

export type RedisClient = ReturnType<typeof createClient>;

/** A refusal for going over a limit: rate_limited, saying when the next try can succeed. */
export type RateLimited = Failure & { error: { code: "rate_limited"; retryAfterMs: number } };

/** A refusal, and whether the address's shared count refused rather than the sender's own. */
export interface Refusal {
  refusal: RateLimited;
  shared: boolean;
}

export interface RateLimits {
  /** Whether anything is limited (MOOT_RATE_LIMIT_FACTOR=0 turns it all off). */
  readonly on: boolean;
  /**
   * Counts one request of `family` by the actor from this address: null when it may go ahead,
   * else the refusal. The address counts only requests the account's own limit let through;
   * a request the address refuses is given back to the account.
   * A family of attemptFamilies is only checked here: settle counts the try once it is known.
   */
  consume(family: LimitFamily, actor: Actor, address: string): Promise<RateLimited | null>;
  /**
   * consume for a request whose own count is kept under `key` rather than an account's (the
   * email a password reset is asked for), or under no key but the address's (null).
   */
  consumeFor(family: LimitFamily, key: string | null, address: string): Promise<RateLimited | null>;
  /** consume, saying which count refused. */
  check(family: LimitFamily, actor: Actor, address: string): Promise<Refusal | null>;
  /**
   * Counts a try of an attempt family (sign-ups, guest joins) once it is over: against the
   * family's address limit if it succeeded, else against the address's failed tries.
   */
  settle(family: LimitFamily, address: string, succeeded: boolean): Promise<void>;
  /**
   * Counts one event of a Socket.IO connection against its own budget and against the budget of
   * all the connections of its account (a visitor's: of its address), both on this node.
   */
  consumeEvent(connectionId: string, accountKey: string): Promise<RateLimited | null>;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function rateLimited(retryAfterMs: number, message: string): RateLimited {
  const refusal = failure("rate_limited", message);
  return { ...refusal, error: { ...refusal.error, code: "rate_limited", retryAfterMs } };
}

/** Ms until the key may try again, or null when this try is allowed. */
async function take(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (refused) {
    if (refused instanceof RateLimiterRes) return Math.max(1, refused.msBeforeNext);
    // A limiter that cannot count (its store failed with no insurance) lets the class through.
    console.error("rate limit could not be counted", refused);
    return null;
  }
}

/** Takes back one try counted against the key. */
async function giveBack(limiter: RateLimiterAbstract, key: string) {
  try {
    await limiter.reward(key, 1);
  } catch (failed) {
    console.error("rate limit could not be given back", failed);
  }
}

/** Ms until the key may try again, without counting this look: null while it has points left. */
async function waitOf(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    const used = await limiter.get(key);
    return used && used.consumedPoints >= limiter.points ? Math.max(1, used.msBeforeNext) : null;
  } catch (failed) {
    console.error("rate limit could not be read", failed);
    return null;
  }
}

const off: RateLimits = {
  on: false,
  consume: async () => null,
  consumeFor: async () => null,
  check: async () => null,
  settle: async () => {},
  consumeEvent: async () => null,
};

/**
 * The limits of the table (scaled by the settings), counted in this process's memory or, given
 * a Redis client, in Redis so that every node behind the load balancer shares the counts. If
 * Redis fails, each node falls back to counting in its own memory until it is back.
 */
export function rateLimits(
  settings: RateLimitSettings = defaultRateLimitSettings,
  redis: RedisClient | null = null,
): RateLimits {
  const limits = effectiveLimits(settings);
  if (!limits) return off;
  const limiter = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    if (!redis) return memory;
    return new RateLimiterRedis({
      storeClient: redis,
      // node-redis v4 and later: commands take options objects, not positional strings.
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
      keyPrefix: `moot-rate:${keyPrefix}`,
      points,
      duration,
      // Once a key is over, further tries are refused here without asking Redis again.
      inMemoryBlockOnConsumed: points + 1,
    });
  };
  const byFamily = new Map(
    (Object.keys(limitTable) as LimitFamily[]).map((family) => {
      const { perAccount, perAddress, windowSeconds } = limits.families[family];
      return [
        family,
        {
          account:
            perAccount === null ? null : limiter(`${family}-account`, perAccount, windowSeconds),
          address: limiter(`${family}-address`, perAddress, windowSeconds),
        },
      ];
    }),
  );
  // The per-second event budgets guard the event loop of the node that reads the events, so they
  // are counted on it: in Redis each event would wait a round trip before its handler (under load,
  // most of a post's time), and a flood spread over nodes costs each node only its own share.
  const connections = new RateLimiterMemory({
    keyPrefix: "connection",
    points: limits.perConnection.points,
    duration: limits.perConnection.windowSeconds,
  });
  const accountEvents = new RateLimiterMemory({
    keyPrefix: "events-account",
    points: limits.perAccountEvents.points,
    duration: limits.perAccountEvents.windowSeconds,
  });
  const failures = limiter(
    "failed-address",
    limits.failedAttempts.perAddress,
    limits.failedAttempts.windowSeconds,
  );
  const fromNetwork = (wait: number, what: string): Refusal => ({
    refusal: rateLimited(
      wait,
      `Too many ${what} from your network just now: try again in ${seconds(wait)} s.`,
    ),
    shared: true,
  });

  /** The address's shared count's refusal, if it refuses (counting this try if it does not). */
  const fromAddressRefusal = async (family: LimitFamily, address: string) => {
    const what = limitTable[family].what;
    const fromAddress = byFamily.get(family)?.address;
    if (!fromAddress) return null;
    if (attemptFamilies.has(family)) {
      const failing = await waitOf(failures, address);
      if (failing !== null) return fromNetwork(failing, failedAttempts.what);
      const full = await waitOf(fromAddress, address);
      return full === null ? null : fromNetwork(full, what);
    }
    const wait = await take(fromAddress, address);
    return wait === null ? null : fromNetwork(wait, what);
  };

  const checkFor = async (family: LimitFamily, key: string | null, address: string) => {
    const entry = limitTable[family];
    const { what } = entry;
    const whose = "whose" in entry ? entry.whose : "from you";
    const account = key === null ? null : (byFamily.get(family)?.account ?? null);
    // Both counts are asked at once: on Redis that is one round trip a request, not two in turn.
    const [own, shared] = await Promise.all([
      account && key !== null ? take(account, key) : null,
      fromAddressRefusal(family, address),
    ]);
    if (own !== null) {
      // Refused for the account, the address did nothing: its shared count gets the try back.
      const fromAddress = byFamily.get(family)?.address;
      if (fromAddress && !attemptFamilies.has(family)) await giveBack(fromAddress, address);
      return {
        refusal: rateLimited(
          own,
          `Too many ${what} ${whose} just now: try again in ${seconds(own)} s.`,
        ),
        shared: false,
      };
    }
    // Refused for the address, the account did nothing: its own count gets the try back.
    if (shared && account && key !== null) await giveBack(account, key);
    return shared;
  };
  const check = (family: LimitFamily, actor: Actor, address: string) =>
    checkFor(family, actor.kind === "user" ? actor.id : null, address);

  return {
    on: true,
    check,
    async consume(family, actor, address) {
      return (await check(family, actor, address))?.refusal ?? null;
    },
    async consumeFor(family, key, address) {
      return (await checkFor(family, key, address))?.refusal ?? null;
    },
    async settle(family, address, succeeded) {
      if (!attemptFamilies.has(family)) return;
      const counted = succeeded ? byFamily.get(family)?.address : failures;
      if (counted) await take(counted, address);
    },
    async consumeEvent(connectionId, accountKey) {
      const wait = await take(connections, connectionId);
      if (wait !== null) {
        return rateLimited(
          wait,
          `Too many requests on this connection: try again in ${seconds(wait)} s.`,
        );
      }
      const accountWait = await take(accountEvents, accountKey);
      if (accountWait === null) return null;
      return rateLimited(
        accountWait,
        `Too many requests from you just now: try again in ${seconds(accountWait)} s.`,
      );
    },
  };
}
