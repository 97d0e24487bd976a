import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { openSqliteStore } from "../../db/sqlite/store";
import type { Store } from "../../db/store";
import { errorCodes } from "../../lib/result";
import { defaultRateLimitSettings, type RateLimitSettings } from "../../server/rateLimits/table";

/**
 * How many generated payloads each fuzz suite sends in every run: together at least 10,000
 * (issue 14). Each suite counts what it sent and fails when it falls short of its share.
 */
export const FUZZ_BUDGET = { socket: 6_000, rest: 4_200 } as const;
export const FUZZ_TOTAL = 10_000;

/**
 * Fuzzing is a load generator: it sends thousands of commands as a handful of people within a
 * minute. Rate limits answer `rate_limited`, which the properties accept as a documented refusal,
 * but they would cut the fuzz short of the handlers behind them. This is the one place the fuzz
 * suites set the limiter: a factor of 0 lifts every limit, as MOOT_RATE_LIMIT_FACTOR=0 does.
 */
export const fuzzLimitSettings: RateLimitSettings = { ...defaultRateLimitSettings, factor: 0 };

/** A refusal's code is one of lib/result.ts's, and never `internal` (that is a handler that threw). */
export function isDocumentedRefusal(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    typeof code === "string" &&
    (errorCodes as readonly string[]).includes(code) &&
    code !== "internal" &&
    typeof message === "string" &&
    message.trim() !== ""
  );
}

/**
 * A fresh SQLite database for a fuzz suite, and a witness of every write: SQLite's data_version,
 * read on a connection of our own, moves whenever the store's writer commits anything at all.
 */
export function fuzzStore() {
  const dir = mkdtempSync(join(tmpdir(), "moot-fuzz-"));
  const path = join(dir, "moot.db");
  const store: Store = openSqliteStore(path);
  const witness = new Database(path, { readonly: true });
  return {
    store,
    /** Changes whenever a transaction committed since the last reading. */
    writes: () => witness.pragma("data_version", { simple: true }) as number,
    async dispose() {
      witness.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type FuzzStore = ReturnType<typeof fuzzStore>;

/** What a motion's log holds now, through the Store: its length and its last seq. */
export async function logOf(store: Store, motionId: string) {
  const events = await store.events.after(motionId, 0, 100_000);
  return { length: events.length, lastSeq: events.at(-1)?.seq ?? 0 };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Whatever arrives as JSON: the value a server parses, so a failure shows what it received. */
function asJson(value: unknown): Json | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as Json);
  } catch {
    return undefined;
  }
}

/** Wholly random JSON: fast-check's JSON values, and anything at all that survives JSON. */
export const randomJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc
    .anything({
      maxDepth: 5,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    })
    .map(asJson)
    .filter((value) => value !== undefined),
);

const invisible = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E", "\u3164"];
const loneSurrogates = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF"];
const pollutingKeys = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

/** Nested `depth` levels deep, in arrays or objects. */
const nested = (depth: number, inObjects: boolean): Json => {
  let value: Json = "bottom";
  for (let i = 0; i < depth; i++) value = inObjects ? { a: value } : [value];
  return value;
};

/** A value that is wrong for almost any field, or right-looking and wrong in a subtle way. */
function oddValue(original: unknown, realIds: string[]): fc.Arbitrary<unknown> {
  const text = typeof original === "string" ? original : "text";
  return fc.oneof(
    // The wrong type.
    fc.constantFrom(null, true, false, 0, [], {}, "", [text], { value: text }),
    fc.integer(),
    fc.string(),
    // Huge strings, well past every field's limit; two of them still fit one Socket.IO message
    // (MAX_MESSAGE_BYTES), whose own cap closes the connection by design (P-SIZE-1).
    fc.constantFrom(12_000, 30_000).map((n) => "x".repeat(n)),
    fc.constantFrom(5_001, 10_001).map((n) => `${text} `.repeat(n).slice(0, n)),
    // Lone surrogates and invisible characters, alone and inside the right value.
    fc.constantFrom(...loneSurrogates).map((s) => `${text}${s}`),
    fc.constantFrom(...loneSurrogates),
    fc
      .array(fc.constantFrom(...invisible), { minLength: 1, maxLength: 8 })
      .map((chars) => chars.join("")),
    fc.constantFrom(...invisible).map((c) => `${c}${text}${c}`),
    fc.constantFrom(" ", "\t\n", "\u00A0\u2003"),
    // Numbers at the edges: negative, fractional, not finite (JSON sends NaN as null).
    fc.constantFrom(-1, -0, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e308, 2 ** 53 + 1),
    fc.double(),
    // Deep nesting.
    fc
      .tuple(fc.constantFrom(64, 512), fc.boolean())
      .map(([depth, inObjects]) => nested(depth, inObjects)),
    // Another real id of the same fixture: a motion's id where an argument's belongs, and so on.
    realIds.length > 0 ? fc.constantFrom(...realIds) : fc.uuid(),
    fc.uuid(),
    // A prototype polluter as a value.
    fc.constant(JSON.parse('{"__proto__": {"polluted": "yes"}}')),
  );
}

type Path = (string | number)[];

/** Every place in a payload a value sits, down to `depth`. */
function pathsOf(value: unknown, depth = 4, at: Path = []): Path[] {
  if (depth === 0 || typeof value !== "object" || value === null) return [at];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value);
  const inner = keys.flatMap((key) =>
    pathsOf((value as Record<string | number, unknown>)[key], depth - 1, [...at, key]),
  );
  return at.length > 0 ? [at, ...inner] : inner;
}

function read(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (inner, key) =>
      typeof inner === "object" && inner !== null
        ? (inner as Record<string | number, unknown>)[key]
        : undefined,
    value,
  );
}

/**
 * Sets an own property, even one named `__proto__`, as JSON.parse would. An array carries its
 * items alone: JSON has no other key on one (and its `length` cannot be redefined so), so an
 * extra key on an array is left out, as it would be on the wire.
 */
function put(target: object, key: string | number, value: unknown) {
  if (Array.isArray(target) && !/^\d+$/.test(String(key))) return;
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

type Mutation =
  | { kind: "replace"; path: Path; value: unknown }
  | { kind: "remove"; path: Path }
  | { kind: "extra"; path: Path; key: string; value: unknown };

function apply(base: object, mutation: Mutation): unknown {
  const copy = structuredClone(base);
  const { path } = mutation;
  if (mutation.kind === "extra") {
    const holder = read(copy, path);
    if (typeof holder === "object" && holder !== null) put(holder, mutation.key, mutation.value);
    return copy;
  }
  const key = path.at(-1);
  if (key === undefined) return mutation.kind === "replace" ? mutation.value : undefined;
  const holder = read(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  if (mutation.kind === "remove") {
    if (Array.isArray(holder)) holder.splice(Number(key), 1);
    else delete holder[key];
  } else put(holder, key, mutation.value);
  return copy;
}

/**
 * "Almost valid": a valid payload with one thing wrong. A field gets a value of the wrong type,
 * a huge string, a lone surrogate, invisible characters, an odd number, deep nesting or another
 * real id; or it goes missing; or an extra key appears, prototype polluters among them.
 */
export function almostValid(base: object, realIds: string[] = []): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const holders = [[], ...paths.filter((p) => typeof read(base, p) === "object")] as Path[];
  const extra = fc
    .record({
      path: fc.constantFrom(...holders),
      key: fc.oneof(fc.constantFrom(...pollutingKeys), fc.string({ minLength: 1, maxLength: 12 })),
      value: fc.oneof(fc.constant({ polluted: "yes" }), fc.jsonValue({ maxDepth: 2 })),
    })
    .map((extraKey): Mutation => ({ kind: "extra", ...extraKey }));
  // A payload with no fields ({}) can only gain one.
  if (paths.length === 0) return extra.map((mutation) => apply(base, mutation));
  const replace = fc
    .constantFrom(...paths)
    .chain((path) =>
      oddValue(read(base, path), realIds).map(
        (value): Mutation => ({ kind: "replace", path, value }),
      ),
    );
  const remove = fc.constantFrom(...paths).map((path): Mutation => ({ kind: "remove", path }));
  return fc
    .oneof(
      { weight: 6, arbitrary: replace },
      { weight: 1, arbitrary: remove },
      { weight: 2, arbitrary: extra },
    )
    .map((mutation) => apply(base, mutation));
}

/** Random and almost-valid payloads in equal measure, and now and then the valid one itself. */
export function payloads(base: fc.Arbitrary<object>, realIds: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: randomJson },
    { weight: 5, arbitrary: base.chain((valid) => almostValid(valid, realIds)) },
    { weight: 1, arbitrary: base },
  );
}

/** Whether anything reached Object.prototype (a polluting key merged into a plain object). */
export function prototypePolluted(): boolean {
  const probe: Record<string, unknown> = {};
  return probe.polluted !== undefined || Object.keys(Object.prototype).length > 0;
}
