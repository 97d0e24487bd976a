import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, projectRoot } from "../../server/config";

describe("configuration", () => {
  it("defaults to port 3000 and data/moot.db under the project", () => {
    expect(loadConfig({})).toEqual({
      dev: false,
      port: 3000,
      host: undefined,
      database: { dialect: "sqlite", path: resolve(projectRoot, "data/moot.db") },
      redisUrl: undefined,
      siteUrl: undefined,
      authSecret: undefined,
      authSecretFile: resolve(projectRoot, "data/auth-secret"),
      workBudgetMs: 10_000,
      rateLimits: { factor: 1, counts: {} },
      mail: null,
    });
  });

  it("DATABASE_URL selects another SQLite file or PostgreSQL", () => {
    expect(loadConfig({ DATABASE_URL: "file:/tmp/other.db" }).database).toEqual({
      dialect: "sqlite",
      path: "/tmp/other.db",
    });
    expect(loadConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1/moot" }).database).toEqual({
      dialect: "postgres",
      url: "postgres://postgres@127.0.0.1/moot",
    });
  });

  it("a bad value stops the start with a message naming the variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(
      "Invalid environment: PORT: must be a port number from 0 to 65535",
    );
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT: must be a port number/);
    expect(() => loadConfig({ REDIS_URL: "localhost:6379" })).toThrow(
      "Invalid environment: REDIS_URL: must be redis://host:port",
    );
    expect(() => loadConfig({ AUTH_SECRET: "secret" })).toThrow(
      "Invalid environment: AUTH_SECRET: must be at least 32 characters",
    );
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must be file:\/path\/to\/moot.db/,
    );
  });

  it("AUTH_URL is the site's public address, and must be one", () => {
    expect(loadConfig({ AUTH_URL: "https://moot.school.example" }).siteUrl).toBe(
      "https://moot.school.example",
    );
    expect(() => loadConfig({ AUTH_URL: "moot.school.example" })).toThrow(
      "Invalid environment: AUTH_URL: must be the site's public address, e.g. https://moot.school.example",
    );
    expect(() => loadConfig({ AUTH_URL: "ftp://moot.school.example" })).toThrow(/AUTH_URL/);
    expect(loadConfig({ AUTH_URL: "" }).siteUrl).toBeUndefined();
  });

  it("WORK_BUDGET_MS sets how long one piece of heavy work may run, in milliseconds", () => {
    expect(loadConfig({ WORK_BUDGET_MS: "2500" }).workBudgetMs).toBe(2500);
    expect(() => loadConfig({ WORK_BUDGET_MS: "ten seconds" })).toThrow(
      "Invalid environment: WORK_BUDGET_MS: must be a whole number of milliseconds",
    );
    expect(() => loadConfig({ WORK_BUDGET_MS: "5" })).toThrow(/WORK_BUDGET_MS/);
  });

  it("SMTP_URL and MAIL_FROM send mail through that server, from that address", () => {
    expect(
      loadConfig({
        SMTP_URL: "smtp://moot:secret@mail.school.example:587",
        MAIL_FROM: "Moot <moot@school.example>",
      }).mail,
    ).toEqual({
      smtpUrl: "smtp://moot:secret@mail.school.example:587",
      from: "Moot <moot@school.example>",
    });
    expect(
      loadConfig({ SMTP_URL: "smtps://mail.school.example", MAIL_FROM: "moot@school.example" })
        .mail,
    ).toEqual({ smtpUrl: "smtps://mail.school.example", from: "moot@school.example" });
  });

  it("a bad SMTP_URL or MAIL_FROM stops the start with a message naming the variable", () => {
    expect(() =>
      loadConfig({ SMTP_URL: "mail.school.example:25", MAIL_FROM: "moot@school.example" }),
    ).toThrow("Invalid environment: SMTP_URL: must be smtp://user:pass@host:port");
    expect(() =>
      loadConfig({ SMTP_URL: "https://mail.school.example", MAIL_FROM: "moot@school.example" }),
    ).toThrow(/SMTP_URL: must be smtp:/);
    expect(() => loadConfig({ SMTP_URL: "smtp://mail.school.example" })).toThrow(
      "Invalid environment: MAIL_FROM: is required with SMTP_URL",
    );
    expect(() =>
      loadConfig({ SMTP_URL: "smtp://mail.school.example", MAIL_FROM: "the school" }),
    ).toThrow("Invalid environment: MAIL_FROM: must be an address mail is sent from");
  });
});

describe("the institution's identity provider (OIDC_*)", () => {
  const provider = {
    OIDC_ISSUER: "https://login.example.edu/realms/students",
    OIDC_CLIENT_ID: "moot",
    OIDC_CLIENT_SECRET: "a-client-secret",
  };

  it("is off unless configured", () => {
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it("is on with issuer, client id and secret, named 'your institution' unless OIDC_NAME says", () => {
    expect(loadConfig(provider).oidc).toEqual({
      issuer: "https://login.example.edu/realms/students",
      clientId: "moot",
      clientSecret: "a-client-secret",
      name: "your institution",
    });
    expect(loadConfig({ ...provider, OIDC_NAME: "Northfield School" }).oidc?.name).toBe(
      "Northfield School",
    );
  });

  it("refuses a partial setting, naming the missing variable", () => {
    expect(() => loadConfig({ ...provider, OIDC_CLIENT_SECRET: undefined })).toThrow(
      "Invalid environment: OIDC_CLIENT_SECRET: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together",
    );
    expect(() => loadConfig({ OIDC_ISSUER: provider.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID: .*go together.*; OIDC_CLIENT_SECRET: .*go together/,
    );
  });

  it("refuses an issuer that is not an http(s) URL", () => {
    expect(() => loadConfig({ ...provider, OIDC_ISSUER: "login.example.edu" })).toThrow(
      "Invalid environment: OIDC_ISSUER: must be the provider's http(s) URL",
    );
    expect(() => loadConfig({ ...provider, OIDC_ISSUER: "ftp://login.example.edu" })).toThrow(
      /OIDC_ISSUER: must be the provider's http\(s\) URL/,
    );
  });
});
