/**
 * How much of a request's body the custom server reads before it refuses it, and which writes a
 * visitor without a session may send at all. Pure, so the table can be checked on its own.
 */

const KB = 1024;
const MB = 1024 * KB;

/** A JSON command: an argument of 5,000 characters with ten cited passages fits many times. */
export const COMMAND_BODY_BYTES = 64 * KB;
/** A document file of up to 10 MB (the importer's own limit) and the form fields around it. */
export const UPLOAD_BODY_BYTES = 11 * MB;
/** A debate export taken back, as large as the import command accepts. */
export const IMPORT_BODY_BYTES = 30 * MB;

export interface BodyRule {
  /** The most bytes of body this route reads. */
  limit: number;
  /** Whoever exceeds the limit is told this (413 payload_too_large). */
  tooLarge: string;
  /** Whether a request without a session may reach the route (sign-in, sign-up, joining, a password reset). */
  visitors: boolean;
  /**
   * A large body (a file, an export): the uploads limit is counted and a place held before it
   * is read, so many at once cannot fill the memory.
   */
  large?: boolean;
}

/** Set by the gate (never by a client) on a request whose uploads limit it has counted. */
export const UPLOAD_COUNTED_HEADER = "x-moot-uploads-counted";

const command = (visitors: boolean): BodyRule => ({
  limit: COMMAND_BODY_BYTES,
  tooLarge: "The request is larger than 64 KB.",
  visitors,
});
const upload: BodyRule = {
  limit: UPLOAD_BODY_BYTES,
  tooLarge: "The file is larger than 10 MB.",
  visitors: false,
  large: true,
};
const debateImport: BodyRule = {
  limit: IMPORT_BODY_BYTES,
  tooLarge: "The export is larger than 30 MB.",
  visitors: false,
  large: true,
};

const segment = "[^/]+";
const routes: [method: string, path: RegExp, rule: BodyRule][] = [
  ["POST", new RegExp(`^/api/spaces/${segment}/documents(/preview)?$`), upload],
  ["POST", new RegExp(`^/api/documents/${segment}/versions$`), upload],
  ["POST", new RegExp(`^/api/spaces/${segment}/import$`), debateImport],
  ["POST", /^\/api\/users$/, command(true)],
  ["POST", /^\/api\/spaces\/join$/, command(true)],
  ["POST", /^\/api\/password-reset(\/confirm)?$/, command(true)],
];

const writes = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The rule for a request. Auth.js (/api/auth/*) and the pages' server actions (a POST to a page)
 * take visitors: signing in, signing up and joining happen there. Every other write under /api
 * needs a session, and reads never need one here (their routes decide).
 */
export function bodyRuleFor(method: string, pathname: string): BodyRule {
  const known = routes.find(([m, path]) => m === method && path.test(pathname));
  if (known) return known[2];
  const guarded = writes.has(method) && pathname.startsWith("/api/");
  return command(!guarded || pathname.startsWith("/api/auth/"));
}
