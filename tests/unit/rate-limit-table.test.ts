import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config";
import {
  accountEventBudget,
  connectionBudget,
  defaultRateLimitSettings,
  effectiveLimits,
  limitTable,
} from "../../server/rateLimits/table";

const defaults = effectiveLimits(defaultRateLimitSettings);

describe("the rate limit table", () => {
  it("fits a real class: a student posting every few seconds is never limited", () => {
    const { perAccount, windowSeconds } = defaults?.families.posts ?? limitTable.posts;
    // One post every two seconds, all through the window, stays within it.
    expect(perAccount).toBeGreaterThanOrEqual(windowSeconds / 2);
  });

  it("gives an address several classes' worth, so one account cannot lock out its classmates", () => {
    for (const limit of Object.values(defaults?.families ?? {})) {
      if (limit.perAccount !== null)
        expect(limit.perAddress).toBeGreaterThanOrEqual(limit.perAccount * 10);
    }
    expect(defaults?.families.guestJoins.perAddress).toBeGreaterThanOrEqual(3 * 40);
  });

  it("lets one account's events over all its tabs be a couple of connections' worth, not fifty", () => {
    const { perConnection, perAccountEvents } = defaults ?? { perConnection: { points: 0 } };
    expect(perAccountEvents?.points).toBeGreaterThanOrEqual(perConnection.points * 2);
    expect(perAccountEvents?.points).toBeLessThan(perConnection.points * 50);
  });

  it("factor 0 turns every limit off", () => {
    expect(effectiveLimits({ factor: 0, counts: { posts: 5 } })).toBeNull();
  });

  it("factor 10 allows ten times as much of everything, over the same windows", () => {
    const tenfold = effectiveLimits({ factor: 10, counts: {} });
    for (const [family, limit] of Object.entries(limitTable)) {
      expect(tenfold?.families[family as keyof typeof limitTable]).toEqual({
        perAccount: limit.perAccount === null ? null : limit.perAccount * 10,
        perAddress: limit.perAddress * 10,
        windowSeconds: limit.windowSeconds,
      });
    }
    expect(tenfold?.perConnection).toEqual({
      points: connectionBudget.perConnection * 10,
      windowSeconds: connectionBudget.windowSeconds,
    });
    expect(tenfold?.perAccountEvents).toEqual({
      points: accountEventBudget.perAccount * 10,
      windowSeconds: accountEventBudget.windowSeconds,
    });
  });

  it("a family's own count sets its per-account limit, and its address limit keeps its proportion", () => {
    const limits = effectiveLimits({ factor: 1, counts: { posts: 20, signUps: 30, events: 50 } });
    expect(limits?.families.posts).toEqual({
      perAccount: 20,
      perAddress: limitTable.posts.perAddress * 2,
      windowSeconds: limitTable.posts.windowSeconds,
    });
    expect(limits?.families.signUps.perAddress).toBe(30);
    expect(limits?.families.votes).toEqual(defaults?.families.votes);
    expect(limits?.perConnection.points).toBe(50);
  });

  it("is read from the environment, and a bad value stops the start naming the variable", () => {
    expect(loadConfig({}).rateLimits).toEqual({ factor: 1, counts: {} });
    expect(
      loadConfig({ MOOT_RATE_LIMIT_FACTOR: "0", MOOT_RATE_LIMIT_POSTS: "12" }).rateLimits,
    ).toEqual({ factor: 0, counts: { posts: 12 } });
    expect(() => loadConfig({ MOOT_RATE_LIMIT_FACTOR: "-1" })).toThrow(
      /MOOT_RATE_LIMIT_FACTOR: must be a number from 0 up/,
    );
    expect(loadConfig({ MOOT_RATE_LIMIT_ACCOUNT_EVENTS: "80" }).rateLimits.counts).toEqual({
      accountEvents: 80,
    });
    expect(() => loadConfig({ MOOT_RATE_LIMIT_EVENTS: "many" })).toThrow(
      /MOOT_RATE_LIMIT_EVENTS: must be a whole number from 1 up/,
    );
  });
});
