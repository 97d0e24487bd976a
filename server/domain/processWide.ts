/**
 * One value for the whole process, made on first use and kept on globalThis under `name`. Next
 * bundles the route handlers and the pages into modules of their own, apart from the server's,
 * and each bundle holds its own copy of a module's state: what must be one for the process, as
 * what was read and is kept, would otherwise be kept once per bundle, and read once per bundle.
 */
export function processWide<T>(name: string, make: () => T): T {
  const holder = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`moot.${name}`);
  if (!(key in holder)) holder[key] = make();
  return holder[key] as T;
}
