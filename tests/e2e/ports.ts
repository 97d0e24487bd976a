/** The port the e2e server serves on, and the one its mail goes to (SMTP_URL). */
export const e2ePort = Number(process.env.E2E_PORT ?? 3107);

/** Where the password reset spec listens with a real SMTP server; other specs leave it closed. */
export const e2eMailPort = e2ePort + 25;
