import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { Store, UserRow } from "../../../db/store";
import { failure } from "../../../lib/result";
import { text } from "../../../lib/text";
import { done, type Outcome } from "../outcome";
import { passwordMatches, UNKNOWN_USER_HASH } from "./password";
import { afterFailure, blockedUntil, slowdownAfter, throttleKey, throttleRules } from "./throttle";

export const SignInInput = z.object({
  email: text().trim().toLowerCase().max(320),
  password: text().max(1024),
  /** The address the attempt comes from, as the door saw it. */
  address: z.string().max(100),
});

export type SignInRefusal = { retryAfterSeconds: number } | null;

const keysOf = ({ email, address }: { email: string; address: string }) => ({
  email: throttleKey("email", email),
  address: throttleKey("address", address),
});

/** Whether attempts for this email or from this address are refused now, and for how long. */
export async function signInBlocked(
  store: Store,
  attempt: { email: string; address: string },
  now = new Date(),
): Promise<SignInRefusal> {
  const keys = keysOf({ ...attempt, email: attempt.email.trim().toLowerCase() });
  const rows = await store.signInThrottle.get([keys.email, keys.address]);
  const until = rows.map((row) => blockedUntil(row, now)).filter((d): d is Date => d !== null);
  if (until.length === 0) return null;
  const latest = Math.max(...until.map((d) => d.getTime()));
  return { retryAfterSeconds: Math.ceil((latest - now.getTime()) / 1000) };
}

/**
 * Checks an email and password. A wrong one counts against the email and the address, and its
 * answer is held back longer each time; past the limit both are refused for a while.
 */
export async function signInWithPassword(
  store: Store,
  input: unknown,
  now = new Date(),
): Promise<Outcome<UserRow>> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return failure("unauthenticated", "Email or password is wrong.");
  const attempt = parsed.data;
  const keys = keysOf(attempt);
  // The attempt counts as a failure before the password is checked, in one locked step, so
  // guesses sent side by side cannot slip past the limit; a right password takes it back.
  const counted = await store.transaction(async (tx) => {
    await tx.signInThrottle.lock([keys.email, keys.address], now);
    const rows = await tx.signInThrottle.get([keys.email, keys.address]);
    const row = (kind: "email" | "address") => rows.find((r) => r.key === keys[kind]);
    const until = [blockedUntil(row("email"), now), blockedUntil(row("address"), now)];
    const latest = Math.max(...until.map((d) => d?.getTime() ?? 0));
    if (latest > now.getTime()) {
      return { blocked: true as const, seconds: Math.ceil((latest - now.getTime()) / 1000) };
    }
    const email = afterFailure("email", keys.email, row("email"), now);
    const address = afterFailure("address", keys.address, row("address"), now);
    await tx.signInThrottle.put(email);
    await tx.signInThrottle.put(address);
    return { blocked: false as const, emailFailures: email.failures, address };
  });
  if (counted.blocked) {
    const minutes = Math.ceil(counted.seconds / 60);
    return failure(
      "too_many_requests",
      `Too many failed sign-ins. Try again in ${minutes} minute(s).`,
    );
  }
  const user = attempt.email ? await store.users.byEmail(attempt.email) : undefined;
  const matches = await passwordMatches(user?.passwordHash ?? UNKNOWN_USER_HASH, attempt.password);
  if (user?.passwordHash && matches) {
    await store.transaction(async (tx) => {
      await tx.signInThrottle.clear(keys.email);
      const failures = Math.max(0, counted.address.failures - 1);
      const blocked = failures >= throttleRules.limit.address;
      await tx.signInThrottle.put({
        ...counted.address,
        failures,
        blockedUntil: blocked ? counted.address.blockedUntil : null,
      });
    });
    return done(user);
  }
  await sleep(slowdownAfter(counted.emailFailures));
  return failure("unauthenticated", "Email or password is wrong.");
}
