/** Where a password reset link leads, and what a request for one is told, whatever the email. */
export const RESET_PAGE_PATH = "/reset-password";

export const resetLinkSent =
  "If an account uses that email, a link is on its way; it works for one hour.";

/** What the /forgot-password page says instead where no mail goes out (no SMTP_URL). */
export const resetLinkNotMailed =
  "This Moot sends no mail, so no link is on its way to you: ask the owner of your space (your teacher) for help. Whoever runs this Moot finds the link in its log.";

export const resetLinkFor = (origin: string, token: string) =>
  `${origin}${RESET_PAGE_PATH}?token=${encodeURIComponent(token)}`;
