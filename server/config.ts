import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { DatabaseLocation } from "../db";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));

const databaseLocation = z
  .string()
  .optional()
  .transform((url, ctx): DatabaseLocation => {
    if (!url) return { dialect: "sqlite", path: resolve(projectRoot, "data/moot.db") };
    if (url.startsWith("file:")) {
      const path = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
      if (path) return { dialect: "sqlite", path: resolve(path) };
    }
    if (/^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", url };
    ctx.addIssue({
      code: "custom",
      message: "must be file:/path/to/moot.db (SQLite) or postgres://user@host/db (PostgreSQL)",
    });
    return z.NEVER;
  });

const notAPort = { error: "must be a port number from 0 to 65535" };

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce
    .number(notAPort)
    .int(notAPort)
    .min(0, notAPort)
    .max(65_535, notAPort)
    .default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: databaseLocation,
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be redis://host:port (or rediss:// for TLS)")
    .optional(),
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (make one with: openssl rand -base64 32)")
    .optional(),
});

export type Config = {
  dev: boolean;
  port: number;
  host: string | undefined;
  database: DatabaseLocation;
  /** Redis for the Socket.IO adapter when several nodes serve one database. */
  redisUrl: string | undefined;
  /** AUTH_SECRET, or else the file the generated one is kept in. */
  authSecret: string | undefined;
  authSecretFile: string;
};

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid environment: ${problems.join("; ")}`);
  }
  const { NODE_ENV, PORT, HOST, DATABASE_URL, AUTH_SECRET, REDIS_URL } = parsed.data;
  return {
    dev: NODE_ENV === "development",
    port: PORT,
    host: HOST,
    database: DATABASE_URL,
    redisUrl: REDIS_URL,
    authSecret: AUTH_SECRET,
    authSecretFile: resolve(projectRoot, "data/auth-secret"),
  };
}
