import { defineConfig, devices } from "@playwright/test";
import {
  classroomHost,
  e2eMailPort,
  e2eOidcPort as oidcPort,
  e2ePort as port,
} from "./tests/e2e/ports";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  // Two tests at a time: every spec makes its own accounts and spaces, and one that must run in
  // order says so (big-debate.spec.ts). On two cores the suite took 10.6-11.1 minutes so, 12.9
  // one at a time; four at a time were no quicker.
  workers: 2,
  // Journeys of several browsers on a shared 2-core machine, beside Vitest and each other
  // (scripts/test-all.sh): room for a slow moment, not a wait. So shared, the longest tests left
  // on the default took 31 s of its 60.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's headless shell (scripts/ensure-chromium.sh installs it).
      executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? "/usr/bin/chromium-headless-shell",
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        // A name for 127.0.0.1 that is not localhost: a page there is not a secure context, as a
        // class's phones are on a laptop's network address over http (local-network.spec.ts).
        `--host-resolver-rules=MAP ${classroomHost} 127.0.0.1`,
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // Started first: Moot discovers it when someone signs in with it.
      command: "npx tsx tests/support/oidcProvider.ts",
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { E2E_PORT: String(port) },
    },
    {
      // The real server as `npm start` runs it (building first if needed), on a fresh database.
      command: "rm -f test-results/e2e.db* && npm start",
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(port),
        DATABASE_URL: "file:test-results/e2e.db",
        HOST: "127.0.0.1",
        OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        OIDC_CLIENT_ID: "moot-e2e",
        OIDC_CLIENT_SECRET: "a-client-secret-for-the-e2e-tests",
        OIDC_NAME: "Northfield School",
        // Only the password reset spec listens there; for the others a mail fails and is logged.
        SMTP_URL: `smtp://127.0.0.1:${e2eMailPort}`,
        MAIL_FROM: "Moot <moot@e2e.test>",
      },
    },
  ],
});
