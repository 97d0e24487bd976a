import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { openPgStore } from "../../db/pg/store";
import { openSqliteStore } from "../../db/sqlite/store";
import type { Store } from "../../db/store";
import { projectRoot } from "../../server/config";
import { postArgument } from "../../server/domain/debate/postArgument";
import { actorOf, argumentInput, debate } from "../support/debate";
import { postgresAdminUrl, postgresAvailable } from "../support/stores";

/**
 * `npm run backup` copies the database while the server writes it; the copy, restored as the
 * README says, holds every post acknowledged before the backup began, each with its event.
 */

type Run = { code: number | null; stdout: string; stderr: string };

function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the backup script as an operator would, against `databaseUrl`. */
const runBackup = (databaseUrl: string, target: string) =>
  run("npx", ["tsx", "scripts/backup.ts", "--", target], { DATABASE_URL: databaseUrl });

const lastLine = (text: string) => text.trim().split("\n").at(-1);

async function adminQuery(query: string) {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** A database of one dialect: where it is, its Store, and how to restore a backup of it. */
interface Place {
  url: string;
  store: Store;
  /** A fresh database made from the backup file, as the README's restore steps do. */
  restore(backup: string): Promise<Store>;
  dispose(): Promise<void>;
}

async function sqlitePlace(dir: string): Promise<Place> {
  const path = join(dir, "moot.db");
  const opened: Store[] = [];
  const store = openSqliteStore(path);
  opened.push(store);
  return {
    url: `file:${path}`,
    store,
    async restore(backup) {
      // The server is stopped and the copy takes the database's place.
      const restored = join(dir, "restored.db");
      copyFileSync(backup, restored);
      const copy = openSqliteStore(restored);
      opened.push(copy);
      return copy;
    },
    async dispose() {
      for (const each of opened) await each.close();
    },
  };
}

async function postgresPlace(): Promise<Place> {
  const name = () => `moot_test_${crypto.randomUUID().replaceAll("-", "")}`;
  const urlOf = (database: string) => {
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const databases = [name()];
  const opened: Store[] = [];
  await adminQuery(`create database ${databases[0]}`);
  const url = urlOf(databases[0] as string);
  const store = await openPgStore(url);
  opened.push(store);
  return {
    url,
    store,
    async restore(backup) {
      const fresh = name();
      databases.push(fresh);
      await adminQuery(`create database ${fresh}`);
      const restored = spawnSync(
        "pg_restore",
        ["--clean", "--if-exists", "--no-owner", `--dbname=${urlOf(fresh)}`, backup],
        { encoding: "utf8" },
      );
      expect(restored.status, restored.stderr).toBe(0);
      const copy = await openPgStore(urlOf(fresh));
      opened.push(copy);
      return copy;
    },
    async dispose() {
      for (const each of opened) await each.close();
      for (const database of databases) {
        await adminQuery(`drop database if exists ${database} with (force)`);
      }
    },
  };
}

const postgres = await postgresAvailable();
const places = [
  { name: "SQLite", skip: false, open: (dir: string) => sqlitePlace(dir) },
  { name: "PostgreSQL", skip: !postgres, open: () => postgresPlace() },
];

describe("npm run backup", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "moot-backup-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const place of places) {
    describe.skipIf(place.skip)(`on ${place.name}`, () => {
      it("a backup taken under steady posts restores every post acknowledged before it began", async () => {
        const db = await place.open(dir);
        onTestFinished(() => db.dispose());
        const { store } = db;
        const d = await debate(store);
        const alice = actorOf(await d.member("Alice", "participant"));
        const post = async () => {
          const outcome = await postArgument(
            store,
            alice,
            argumentInput(d.motionId, d.cite("Trade moved inland by rail.")),
          );
          if (!outcome.ok) throw new Error(outcome.error.message);
          return outcome.value.argument.id;
        };
        for (let i = 0; i < 100; i++) await post();

        // Posts go on, one after another, before, while and after the backup runs.
        type Phase = "before" | "during" | "after";
        let phase = "before" as Phase;
        const acknowledged: Record<Phase, string[]> = { before: [], during: [], after: [] };
        let warm = () => {};
        const warmedUp = new Promise<void>((resolve) => {
          warm = resolve;
        });
        const writing = (async () => {
          while (phase !== "after") {
            // Each post is a request of its own: the event loop turns between them, as a server's does.
            await setImmediate();
            const id = await post();
            acknowledged[phase].push(id);
            if (acknowledged.before.length === 20) warm();
          }
        })();
        await warmedUp;

        const target = join(dir, `${place.name}.backup`);
        phase = "during";
        const run = await runBackup(db.url, target);
        phase = "after";
        await writing;

        expect(run.code, run.stderr).toBe(0);
        expect(lastLine(run.stdout)).toBe(target);
        expect(acknowledged.during.length).toBeGreaterThan(0);

        const restored = await db.restore(target);
        const kept = (await restored.motions.arguments(d.motionId)).map((row) => row.id);
        const everyAcknowledged = new Set(
          (await store.motions.arguments(d.motionId)).map((a) => a.id),
        );
        expect(kept).toEqual(expect.arrayContaining(acknowledged.before));
        expect(kept.every((id) => everyAcknowledged.has(id))).toBe(true);
        // Each post came back whole: its argument and its event, the log gap-free to its seq.
        const log = await restored.events.after(d.motionId, 0, 100_000);
        expect(log.map((event) => event.seq)).toEqual(log.map((_, n) => n + 1));
        expect((await restored.motions.get(d.motionId))?.lastSeq).toBe(log.length);
        const postedIds = log
          .filter((event) => event.type === "argument.posted")
          .map((event) => (event.data.argument as { id: string }).id);
        expect(postedIds.sort()).toEqual([...kept].sort());
      }, 120_000);
    });
  }

  it("a backup to a file that exists is refused, and the file is left as it was", async () => {
    const db = await sqlitePlace(mkdtempSync(join(dir, "exists-")));
    try {
      const target = join(dir, "taken.db");
      copyFileSync(join(projectRoot, "package.json"), target);

      const run = await runBackup(db.url, target);

      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Backup failed: ${target} exists already: name a new file.`);
      expect(existsSync(target)).toBe(true);
    } finally {
      await db.dispose();
    }
  });

  it("without pg_dump, a PostgreSQL backup fails saying what to install", async () => {
    const target = join(dir, "no-pg-dump.dump");
    // Node runs the script by its own path; nothing on the PATH, so no pg_dump either.
    const tsx = join(projectRoot, "node_modules/tsx/dist/cli.mjs");
    const answer = await run(process.execPath, [tsx, "scripts/backup.ts", "--", target], {
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres",
      PATH: join(dir, "nothing-here"),
    });

    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain("Backup failed: pg_dump was not found");
    expect(existsSync(target)).toBe(false);
  });
});
