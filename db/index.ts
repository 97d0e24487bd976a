import { openPgStore } from "./pg/store";
import { openSqliteStore } from "./sqlite/store";
import type { Store } from "./store";

export type DatabaseLocation =
  | { dialect: "sqlite"; path: string }
  | { dialect: "postgres"; url: string };

/** Opens the configured database and brings its schema up to date. */
export async function openStore(location: DatabaseLocation): Promise<Store> {
  return location.dialect === "sqlite" ? openSqliteStore(location.path) : openPgStore(location.url);
}
