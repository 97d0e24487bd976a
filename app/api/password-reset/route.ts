import { resetLinkSent } from "@/lib/passwordReset";
import { clientAddress } from "@/server/auth/address";
import { PasswordResetRequest, requestPasswordReset } from "@/server/domain/accounts/passwordReset";
import { invalidInput } from "@/server/domain/outcome";
import { errorResponse, json, jsonBody, requestOrigin } from "@/server/http";
import { resetMail } from "@/server/mail/resetLetter";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/**
 * Asks for a password reset link by email. The answer is the same 202 whether an account uses
 * the email or not, and the mail goes out after it, so neither the answer nor its time tells.
 */
export async function POST(request: Request) {
  const parsed = PasswordResetRequest.safeParse(await jsonBody(request));
  if (!parsed.success) return errorResponse(invalidInput(parsed.error));
  const { store, limits, mailer } = runtime();
  const email = parsed.data.email;
  const refused = await limits.consumeFor("passwordResets", email, clientAddress(request.headers));
  if (refused) return errorResponse(refused);
  const outcome = await requestPasswordReset(store, parsed.data);
  if (!outcome.ok) return errorResponse(outcome);
  if (outcome.value) void mailer.send(resetMail(outcome.value, requestOrigin(request)));
  return json({ message: resetLinkSent }, 202);
}
