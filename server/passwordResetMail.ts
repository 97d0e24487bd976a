import { resetLinkNotMailed, resetLinkSent } from "../lib/passwordReset";
import { type ResetLetter, requestPasswordReset } from "./domain/accounts/passwordReset";
import type { Outcome } from "./domain/outcome";
import { resetMail } from "./mail/resetLetter";
import { runtime } from "./runtime";

/**
 * Asks for a reset link as POST /api/password-reset and the /forgot-password page both do:
 * counted per email and per address, then mailed without waiting for the mail server, so the
 * answer neither waits on it nor tells whether the email has an account.
 */
export async function mailResetLink(
  email: string,
  from: { address: string; origin: string },
): Promise<Outcome<ResetLetter | null>> {
  const { store, limits, mailer } = runtime();
  const refused = await limits.consumeFor("passwordResets", email, from.address);
  if (refused) return refused;
  const outcome = await requestPasswordReset(store, { email });
  if (outcome.ok && outcome.value) void mailer.send(resetMail(outcome.value, from.origin));
  return outcome;
}

/**
 * What a request for a link is told, the same whether an account uses the email or not: that a
 * link is on its way, or, where this Moot sends no mail (no SMTP_URL), that none is and whom to ask.
 */
export const resetRequestNotice = () =>
  runtime().mailer.sends ? resetLinkSent : resetLinkNotMailed;
