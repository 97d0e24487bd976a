import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { DatabaseLocation } from "../db";
import {
  accountEventBudget,
  connectionBudget,
  factorEnv,
  type LimitFamily,
  limitTable,
  type RateLimitSettings,
} from "./rateLimits/table";

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

const smtpUrl = z
  .string()
  .optional()
  .refine(
    (url) => url === undefined || (/^smtps?:\/\//.test(url) && URL.canParse(url)),
    "must be smtp://user:pass@host:port (or smtps:// for TLS from the start)",
  );

const mailFrom = z
  .string()
  .trim()
  .optional()
  .refine(
    (from) =>
      from === undefined || /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(from),
    'must be an address mail is sent from: moot@school.example or "Moot <moot@school.example>"',
  );

const notAPort = { error: "must be a port number from 0 to 65535" };
const workBudget = { error: "must be a whole number of milliseconds from 100 to 600000" };

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
  AUTH_URL: z
    .url({
      protocol: /^https?$/,
      error: "must be the site's public address, e.g. https://moot.school.example",
    })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  WORK_BUDGET_MS: z.coerce
    .number(workBudget)
    .int(workBudget)
    .min(100, workBudget)
    .max(600_000, workBudget)
    .default(10_000),
  SMTP_URL: smtpUrl,
  MAIL_FROM: mailFrom,
});

const notAFactor = {
  error: "must be a number from 0 up (1: the defaults, 10: ten times as much, 0: no limits)",
};
const notACount = { error: "must be a whole number from 1 up" };
const limitCount = z.coerce.number(notACount).int(notACount).min(1, notACount).optional();
const countVariables: [keyof RateLimitSettings["counts"], string][] = [
  ...Object.entries(limitTable).map(([family, { env }]): [LimitFamily, string] => [
    family as LimitFamily,
    env,
  ]),
  ["events", connectionBudget.env],
  ["accountEvents", accountEventBudget.env],
];

/** MOOT_RATE_LIMIT_FACTOR and each limit family's own count (server/rateLimits/table.ts). */
const RateLimitEnv = z
  .object({
    [factorEnv]: z.coerce.number(notAFactor).min(0, notAFactor).default(1),
    ...Object.fromEntries(countVariables.map(([, name]) => [name, limitCount])),
  })
  .transform((vars): RateLimitSettings => {
    const counts: RateLimitSettings["counts"] = {};
    for (const [family, name] of countVariables) {
      const count = (vars as Record<string, unknown>)[name];
      if (typeof count === "number") counts[family] = count;
    }
    return { factor: Number(vars[factorEnv]), counts };
  });

const notAnIssuer = "must be the provider's http(s) URL, e.g. https://login.example.edu";
const oidcTogether =
  "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three or none";

/** The institution's OpenID Connect provider: all three of issuer, client id and secret, or none. */
const OidcEnv = z
  .object({
    OIDC_ISSUER: z
      .url({ protocol: /^https?$/, error: notAnIssuer })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_NAME: z.string().trim().max(80, "must be at most 80 characters").optional(),
  })
  .transform((vars, ctx): OidcConfig | undefined => {
    const {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
    } = vars;
    const given = {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
    };
    const missing = Object.entries(given).filter(([, value]) => !value);
    if (missing.length === 3) return undefined;
    if (missing.length > 0 || !issuer || !clientId || !clientSecret) {
      for (const [name] of missing)
        ctx.addIssue({ code: "custom", path: [name], message: oidcTogether });
      return z.NEVER;
    }
    return { issuer, clientId, clientSecret, name: vars.OIDC_NAME || "your institution" };
  });

/** Sign-in with the institution's OpenID Connect provider (Auth.js's provider "oidc"). */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the provider is to the people signing in: "Sign in with <name>". */
  name: string;
};

export type Config = {
  dev: boolean;
  port: number;
  host: string | undefined;
  database: DatabaseLocation;
  /** Redis for the Socket.IO adapter when several nodes serve one database. */
  redisUrl: string | undefined;
  /** AUTH_URL: the site's public address, which Auth.js builds its links from; else the Host's. */
  siteUrl: string | undefined;
  /** AUTH_SECRET, or else the file the generated one is kept in. */
  authSecret: string | undefined;
  authSecretFile: string;
  /** How long one piece of heavy work (reading a document, re-anchoring) may run on a worker. */
  workBudgetMs: number;
  /** How far the rate limits are scaled, and the counts set for single families. */
  rateLimits: RateLimitSettings;
  /** The institution's identity provider, when one is configured. */
  oidc: OidcConfig | undefined;
  /** The mail server password reset links go out through; null: they are logged instead. */
  mail: MailSettings | null;
};

export interface MailSettings {
  smtpUrl: string;
  from: string;
}

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.refine((vars) => !vars.SMTP_URL || vars.MAIL_FROM, {
    path: ["MAIL_FROM"],
    message: "is required with SMTP_URL: the address mail is sent from",
  }).safeParse(env);
  const limits = RateLimitEnv.safeParse(env);
  const oidc = OidcEnv.safeParse(env);
  if (!parsed.success || !limits.success || !oidc.success) {
    const issues = [
      ...(parsed.error?.issues ?? []),
      ...(limits.error?.issues ?? []),
      ...(oidc.error?.issues ?? []),
    ];
    const problems = issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join("; ")}`);
  }
  const { NODE_ENV, PORT, HOST, DATABASE_URL, AUTH_SECRET, AUTH_URL, REDIS_URL, WORK_BUDGET_MS } =
    parsed.data;
  const { SMTP_URL, MAIL_FROM } = parsed.data;
  return {
    dev: NODE_ENV === "development",
    port: PORT,
    host: HOST,
    database: DATABASE_URL,
    redisUrl: REDIS_URL,
    siteUrl: AUTH_URL,
    authSecret: AUTH_SECRET,
    authSecretFile: resolve(projectRoot, "data/auth-secret"),
    workBudgetMs: WORK_BUDGET_MS,
    rateLimits: limits.data,
    oidc: oidc.data,
    mail: SMTP_URL && MAIL_FROM ? { smtpUrl: SMTP_URL, from: MAIL_FROM } : null,
  };
}
