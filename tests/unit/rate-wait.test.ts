import { describe, expect, it } from "vitest";
import type { Ack } from "../../lib/protocol";
import { holdAfter, holdNotice, isHeld } from "../../lib/rateWait";

const now = Date.parse("2026-12-02T09:00:00Z");
const limited = (retryAfterMs: number): Ack => ({
  ok: false,
  error: { code: "rate_limited", message: "Too many posts and edits", retryAfterMs },
});

describe("the page's wait after a rate limit (P-RATE-1)", () => {
  it("a rate_limited answer holds posts back for the time it names, and says so, counting down", () => {
    const until = holdAfter(null, limited(7_400), now);
    expect(until).toBe(now + 7_400);
    expect(holdNotice(until, now)).toBe("You can post again in 8 s");
    expect(holdNotice(until, now + 3_000)).toBe("You can post again in 5 s");
    expect(holdNotice(until, now + 7_000)).toBe("You can post again in 1 s");
  });

  it("once the time has passed, what waited may be sent and the notice goes", () => {
    const until = holdAfter(null, limited(2_000), now);
    expect(isHeld(until, now + 1_999)).toBe(true);
    expect(isHeld(until, now + 2_000)).toBe(false);
    expect(holdNotice(until, now + 2_000)).toBeNull();
  });

  it("a second refusal can only lengthen the wait; other answers leave it as it is", () => {
    const until = holdAfter(null, limited(5_000), now);
    expect(holdAfter(until, limited(1_000), now + 1_000)).toBe(until);
    expect(holdAfter(until, limited(9_000), now + 1_000)).toBe(now + 10_000);
    expect(holdAfter(until, { ok: true }, now)).toBe(until);
    const refused: Ack = { ok: false, error: { code: "wrong_phase", message: "Not now" } };
    expect(holdAfter(null, refused, now)).toBeNull();
  });
});
