import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { BackupError, backupDatabase, backupExtension } from "../db/backup";
import { ConfigError, loadConfig, projectRoot } from "../server/config";

/**
 * `npm run backup [-- path]`: a consistent copy of the database the server is configured with
 * (DATABASE_URL, as the server reads it), taken while the server runs. Without a path it goes to
 * data/backups/ under a timestamped name. The last line printed is the backup's path.
 */

/** 2026-12-02T06:30:00.123Z as 20261202-063000: sorts by time, safe in any file system. */
const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replaceAll(/[-:]/g, "")
    .replace("T", "-");

async function main() {
  // `npm run backup -- path` passes the path alone; `tsx scripts/backup.ts -- path` keeps the --.
  const args = process.argv.slice(2);
  const [given, ...extra] = args[0] === "--" ? args.slice(1) : args;
  if (extra.length > 0) throw new BackupError("Give at most one path to back up to.");
  const { database } = loadConfig();
  const target = given
    ? resolve(given)
    : join(
        projectRoot,
        "data/backups",
        `moot-${stamp(new Date())}.${backupExtension[database.dialect]}`,
      );
  mkdirSync(dirname(target), { recursive: true });
  const source = database.dialect === "sqlite" ? database.path : "PostgreSQL (DATABASE_URL)";
  console.log(`Backing up ${source}…`);
  await backupDatabase(database, target);
  console.log(target);
}

main().catch((error: unknown) => {
  const known = error instanceof BackupError || error instanceof ConfigError;
  console.error(known ? `Backup failed: ${error.message}` : error);
  process.exit(1);
});
