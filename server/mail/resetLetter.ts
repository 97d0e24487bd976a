import { resetLinkFor } from "../../lib/passwordReset";
import type { ResetLetter } from "../domain/accounts/passwordReset";
import type { Mail } from "./mailer";

/** The mail that carries a password reset link. */
export function resetMail({ to, name, token }: ResetLetter, origin: string): Mail {
  return {
    to,
    subject: "Reset your Moot password",
    text: [
      `Hello ${name},`,
      "",
      "Somebody (we hope you) asked to reset the password of your Moot account. To choose a new",
      "password, open this link within the hour; it works once:",
      "",
      resetLinkFor(origin, token),
      "",
      "If you did not ask, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}
