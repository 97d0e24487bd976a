import { describe, expect, it } from "vitest";
import {
  afterFailure,
  blockedUntil,
  slowdownAfter,
  throttleRules,
} from "../../server/domain/accounts/throttle";

const start = new Date("2026-11-23T09:00:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);
const minute = 60_000;

function failRepeatedly(times: number, kind: "email" | "address" = "email", gap = 1_000) {
  let row: ReturnType<typeof afterFailure> | undefined;
  for (let i = 0; i < times; i++) row = afterFailure(kind, `${kind}:x`, row, later(i * gap));
  return row;
}

describe("slowing and refusing failed sign-ins", () => {
  it("answers the first failures at once and then holds each answer back longer", () => {
    expect([1, 2, 3, 4, 5, 6].map(slowdownAfter)).toEqual([0, 0, 1000, 2000, 4000, 8000]);
    expect(slowdownAfter(40)).toBe(8000);
  });

  it("refuses an email for a minute after five failures, not before", () => {
    expect(failRepeatedly(4)?.blockedUntil).toBeNull();
    const fifth = failRepeatedly(5);
    expect(fifth?.blockedUntil).toEqual(later(4_000 + minute));
    expect(blockedUntil(fifth, later(4_000 + minute - 1))).not.toBeNull();
    expect(blockedUntil(fifth, later(4_000 + minute))).toBeNull();
  });

  it("doubles the refusal with each further failure, up to fifteen minutes", () => {
    const blocks = [5, 6, 7, 8, 9, 10].map((n) => {
      const row = failRepeatedly(n, "email", 0);
      return ((row?.blockedUntil?.getTime() ?? 0) - start.getTime()) / minute;
    });
    expect(blocks).toEqual([1, 2, 4, 8, 15, 15]);
  });

  it("gives one address, a classroom behind one router, more room than one email", () => {
    expect(failRepeatedly(throttleRules.limit.address - 1, "address")?.blockedUntil).toBeNull();
    expect(failRepeatedly(throttleRules.limit.address, "address")?.blockedUntil).not.toBeNull();
  });

  it("forgets failures older than the window, so nobody is locked out for good", () => {
    const blocked = failRepeatedly(9, "email", 0);
    const afterWindow = afterFailure("email", "email:x", blocked, later(16 * minute));
    expect(afterWindow).toMatchObject({ failures: 1, blockedUntil: null });
  });
});
