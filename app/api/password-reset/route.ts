import { clientAddress } from "@/server/auth/address";
import { PasswordResetRequest } from "@/server/domain/accounts/passwordReset";
import { invalidInput } from "@/server/domain/outcome";
import { errorResponse, json, jsonBody, originOf } from "@/server/http";
import { mailResetLink, resetRequestNotice } from "@/server/passwordResetMail";

export const dynamic = "force-dynamic";

/**
 * Asks for a password reset link by email. The answer is the same 202 whether an account uses
 * the email or not, and the mail goes out after it, so neither the answer nor its time tells.
 * Where no mail goes out, its message says so rather than promise a link.
 */
export async function POST(request: Request) {
  const input = await jsonBody(request);
  if (!input.ok) return errorResponse(input);
  const parsed = PasswordResetRequest.safeParse(input.body);
  if (!parsed.success) return errorResponse(invalidInput(parsed.error));
  const outcome = await mailResetLink(parsed.data.email, {
    address: clientAddress(request.headers),
    origin: originOf(request.headers, new URL(request.url).origin),
  });
  if (!outcome.ok) return errorResponse(outcome);
  return json({ message: resetRequestNotice() }, 202);
}
