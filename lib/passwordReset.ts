/** Where a password reset link leads, and what a request for one is told, whatever the email. */
export const RESET_PAGE_PATH = "/reset-password";

export const resetLinkSent =
  "If an account uses that email, a link is on its way; it works for one hour.";

export const resetLinkFor = (origin: string, token: string) =>
  `${origin}${RESET_PAGE_PATH}?token=${encodeURIComponent(token)}`;
