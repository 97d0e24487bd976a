import type { SignInThrottleRow } from "../../../db/store";

/**
 * How failed sign-ins are slowed and then refused. Failures are counted per email and per
 * address over a window; past the limit a key is refused for a while that doubles with each
 * further failure, up to a cap, and then the count starts over: nobody is locked out for good.
 */
export const throttleRules = {
  window: 15 * 60_000,
  answeredAtOnce: 2,
  slowdown: 1_000,
  // An address is shared by a whole classroom behind one router: it gets more room than an email.
  limit: { email: 5, address: 50 },
  firstBlock: 60_000,
  longestBlock: 15 * 60_000,
};

export type ThrottleKind = keyof typeof throttleRules.limit;

export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value}`;

/** Until when a key is refused, or null when it may try now. */
export function blockedUntil(row: SignInThrottleRow | undefined, now: Date): Date | null {
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

/** The key's count after one more failure at `now`, and whether that blocks it. */
export function afterFailure(
  kind: ThrottleKind,
  key: string,
  row: SignInThrottleRow | undefined,
  now: Date,
): SignInThrottleRow {
  const stale = !row || now.getTime() - row.firstFailureAt.getTime() > throttleRules.window;
  const failures = stale ? 1 : row.failures + 1;
  const firstFailureAt = stale ? now : row.firstFailureAt;
  const over = failures - throttleRules.limit[kind];
  const block =
    over < 0
      ? null
      : new Date(
          now.getTime() +
            Math.min(throttleRules.firstBlock * 2 ** over, throttleRules.longestBlock),
        );
  return { key, failures, firstFailureAt, blockedUntil: block };
}

/** How long to hold back the answer to a failure: nothing at first, then longer each time. */
export function slowdownAfter(failures: number): number {
  const slowed = failures - throttleRules.answeredAtOnce;
  return slowed <= 0 ? 0 : Math.min(throttleRules.slowdown * 2 ** (slowed - 1), 8_000);
}
