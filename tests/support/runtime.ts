import type { Store } from "../../db/store";
import { logMailer } from "../../server/mail/mailer";
import { rateLimits } from "../../server/rateLimits/limiter";
import { type Runtime, setRuntime } from "../../server/runtime";
import { testAuthSecret } from "./people";

/**
 * Sets the runtime the doors read, as server/main.ts does: `store`, the test secret and the
 * default limits, with nothing published, no session disconnected and mail only logged unless
 * `overrides` says otherwise (a suite that checks what reaches the rooms passes a real server's publish).
 */
export function setTestRuntime(store: Store, overrides: Partial<Omit<Runtime, "store">> = {}) {
  setRuntime({
    store,
    authSecret: testAuthSecret,
    publish: () => undefined,
    disconnectSessions: () => undefined,
    limits: rateLimits(),
    mailer: logMailer,
    ...overrides,
  });
}
