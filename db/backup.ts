import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import type { DatabaseLocation } from "./index";

/** What a backup of each dialect is written as: a SQLite file, or pg_dump's custom format. */
export const backupExtension = { sqlite: "db", postgres: "dump" } as const;

export class BackupError extends Error {}

/**
 * Writes a consistent copy of the database to `target` (a new file) while the server goes on
 * reading and writing it: every transaction committed before the copy's snapshot is in it,
 * whole, and none after.
 */
export async function backupDatabase(location: DatabaseLocation, target: string): Promise<void> {
  if (existsSync(target)) throw new BackupError(`${target} exists already: name a new file.`);
  try {
    if (location.dialect === "sqlite") await backupSqlite(location.path, target);
    else await backupPostgres(location.url, target);
  } catch (error) {
    // Half a backup must not pass for one.
    rmSync(target, { force: true });
    throw error;
  }
}

/**
 * SQLite's online backup, through its own connection. All pages are copied in one step, inside
 * one read transaction: with WAL the server's writers go on meanwhile, and the copy is the
 * database as of that step's start. (Copying a little at a time would start over whenever the
 * server wrote in between, which under steady writes could go on for ever.)
 */
async function backupSqlite(path: string, target: string) {
  if (!existsSync(path)) throw new BackupError(`There is no SQLite database at ${path}.`);
  const source = new Database(path, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
}

/**
 * pg_dump in its custom format (pg_restore reads it). It dumps from one snapshot, so the copy
 * is consistent however busy the server is.
 */
function backupPostgres(url: string, target: string) {
  return new Promise<void>((resolve, reject) => {
    // The password travels in the environment, never on a command line that `ps` shows.
    const address = new URL(url);
    const password = decodeURIComponent(address.password);
    address.password = "";
    const dump = spawn(
      "pg_dump",
      ["--format=custom", `--file=${target}`, `--dbname=${address.href}`],
      {
        stdio: ["ignore", "inherit", "pipe"],
        env: password ? { ...process.env, PGPASSWORD: password } : process.env,
      },
    );
    let errors = "";
    dump.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    dump.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new BackupError(
              "pg_dump was not found: install PostgreSQL's client tools of the server's major version or newer (on Debian: apt-get install postgresql-client), or put pg_dump on the PATH.",
            )
          : error,
      ),
    );
    dump.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`pg_dump failed (exit code ${code}): ${errors.trim()}`));
    });
  });
}
