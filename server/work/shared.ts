import { WorkPool } from "./pool";

/** How long one task may run unless the server says otherwise (WORK_BUDGET_MS). */
export const DEFAULT_WORK_BUDGET_MS = 10_000;

const KEY = Symbol.for("moot.work");
type Holder = { [KEY]?: WorkPool };

/**
 * The process's one work pool. The custom server starts it with the configured budget before
 * anything else runs; route handlers are bundled by Next apart from it and find it here on
 * globalThis. Tests, benches and scripts that call the domain directly get one on first use.
 */
export function workPool(): WorkPool {
  const holder = globalThis as Holder;
  holder[KEY] ??= new WorkPool({ budgetMs: DEFAULT_WORK_BUDGET_MS });
  return holder[KEY];
}

/** Makes `pool` the process's pool (the server's, or a test's with its own budget). */
export function setWorkPool(pool: WorkPool): void {
  (globalThis as Holder)[KEY] = pool;
}
