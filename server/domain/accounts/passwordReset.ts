import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Store } from "../../../db/store";
import { requiredAs, text } from "../../../lib/text";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { hashPassword } from "./password";
import { SignUpInput } from "./signUp";
import { throttleKey } from "./throttle";

/** How long a reset link works: long enough to find the mail, short enough to go stale. */
export const RESET_LINK_LIFETIME_MS = 60 * 60_000;

export const PasswordResetRequest = z.object({ email: SignUpInput.shape.email });

export const PasswordResetConfirm = z.object({
  token: text(requiredAs("text")).min(1, "is required").max(200, "is too long"),
  password: SignUpInput.shape.password,
});

/** What the mail carries: who it goes to and the token its link holds. */
export interface ResetLetter {
  to: string;
  name: string;
  token: string;
}

/** Only this goes into the database: a token read from it opens nothing. */
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Makes a link that resets the password of the account using this email, valid for an hour and
 * for one use: the letter to mail, or null when no account uses the email. Both take the same
 * steps (a token made and hashed, one transaction), so the time taken does not tell them apart.
 */
export async function requestPasswordReset(
  store: Store,
  input: unknown,
  now = new Date(),
): Promise<Outcome<ResetLetter | null>> {
  const parsed = PasswordResetRequest.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashOf(token);
  return store.transaction(async (tx) => {
    await tx.passwordResets.removeExpired(now);
    const user = await tx.users.byEmail(parsed.data.email);
    // A guest has no email and no password: only an account can be reset.
    if (!user?.email || !user.passwordHash) return done(null);
    const expiresAt = new Date(now.getTime() + RESET_LINK_LIFETIME_MS);
    await tx.passwordResets.insert({ tokenHash, userId: user.id, expiresAt });
    return done({ to: user.email, name: user.name, token });
  });
}

/** Whether a reset link would still set a password: its page says so before anyone types one. */
export function resetLinkWorks(store: Store, token: string, now = new Date()): Promise<boolean> {
  return store.passwordResets.isLive(hashOf(token), now);
}

/**
 * Sets a new password with a reset link's token. The link then stops working, and so do the
 * account's other links and every session it had: whoever knew the old password is signed out.
 * Answers the sessions ended, whose open connections close once it has committed.
 */
export async function confirmPasswordReset(
  store: Store,
  input: unknown,
  now = new Date(),
): Promise<Outcome<{ ended: string[] }>> {
  const parsed = PasswordResetConfirm.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const passwordHash = await hashPassword(parsed.data.password);
  return store.transaction(async (tx) => {
    const userId = await tx.passwordResets.use(hashOf(parsed.data.token), now);
    const user = userId ? await tx.users.get(userId) : undefined;
    if (!user) {
      return refuse(
        "invalid_token",
        "This link was used already or is more than an hour old: ask for a new one.",
      );
    }
    await tx.users.update(user.id, { passwordHash });
    await tx.passwordResets.removeAll(user.id);
    // Failed sign-ins before the reset were guesses at the old password.
    if (user.email) await tx.signInThrottle.clear(throttleKey("email", user.email));
    const ended = await tx.sessions.removeAll(user.id);
    return done({ ended }, [], [{ type: "sessions.ended", sessionIds: ended }]);
  });
}
