/** The port the e2e server serves on, and those of the mail and identity servers it talks to. */
export const e2ePort = Number(process.env.E2E_PORT ?? 3107);

/** Where the password reset spec listens with a real SMTP server; other specs leave it closed. */
export const e2eMailPort = e2ePort + 25;

/** The institution's identity provider the sign-in specs use (tests/support/oidcProvider.ts). */
export const e2eOidcPort = e2ePort + 30;

/**
 * What the browser calls 127.0.0.1 besides its own names (playwright.config.ts): a host that is
 * not localhost, so a page served from it over http is not a secure context.
 */
export const classroomHost = "classroom.test";
