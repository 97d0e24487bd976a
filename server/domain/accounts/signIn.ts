import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { Store, UserRow } from "../../../db/store";
import { failure } from "../../../lib/result";
import { done, type Outcome } from "../outcome";
import { passwordMatches, UNKNOWN_USER_HASH } from "./password";
import { afterFailure, blockedUntil, slowdownAfter, throttleKey } from "./throttle";

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1024),
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
  const blocked = await signInBlocked(store, attempt, now);
  if (blocked) {
    return failure(
      "too_many_requests",
      `Too many failed sign-ins. Try again in ${Math.ceil(blocked.retryAfterSeconds / 60)} minute(s).`,
    );
  }
  const user = attempt.email ? await store.users.byEmail(attempt.email) : undefined;
  const matches = await passwordMatches(user?.passwordHash ?? UNKNOWN_USER_HASH, attempt.password);
  const keys = keysOf(attempt);
  if (user?.passwordHash && matches) {
    await store.transaction(async (tx) => tx.signInThrottle.clear(keys.email));
    return done(user);
  }
  const emailFailures = await store.transaction(async (tx) => {
    const rows = await tx.signInThrottle.get([keys.email, keys.address]);
    const counted = (["email", "address"] as const).map((kind) =>
      afterFailure(
        kind,
        keys[kind],
        rows.find((row) => row.key === keys[kind]),
        now,
      ),
    );
    for (const row of counted) await tx.signInThrottle.put(row);
    return counted[0]?.failures ?? 0;
  });
  await sleep(slowdownAfter(emailFailures));
  return failure("unauthenticated", "Email or password is wrong.");
}
