/**
 * How fast search answers: seeds N arguments (half of them replies, so the side is worked out
 * through the tree) over a few motions and spaces, and a long document, then times queries of
 * different selectivity and filters through the domain query, as the page and API call it.
 *
 *   npx tsx bench/search.ts [arguments=20000] [runs=30]      (SQLite in a temp file)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/moot_bench npx tsx bench/search.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../db";
import type { ArgumentRow } from "../db/store";
import { defaultMotionSettings } from "../lib/debate";
import { createMotion } from "../server/domain/debate/createMotion";
import { importDocument } from "../server/domain/library/importDocument";
import { search } from "../server/domain/search/search";
import { createSpace } from "../server/domain/spaces/createSpace";
import { type Actor, systemActor } from "../server/policy";
import { report } from "./support/figures";

const [count, runs] = [Number(process.argv[2] ?? 20_000), Number(process.argv[3] ?? 30)];
const spacesCount = 4;
const motionsPerSpace = 5;

const must = <T>(outcome: { ok: true; value: T } | { ok: false; error: { message: string } }) => {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
};

// A vocabulary with a long tail: named words first (the first in most arguments, "carriage" in
// some), then made-up ones that each turn up rarely, as most words of real text do.
const named =
  "evidence harbour railway freight winter trade town cost burden passenger timetable locomotive inland closure council budget ledger tariff canal bridge quarry mill wharf shipping customs levy ferry signal junction viaduct tunnel depot siding platform gauge engine boiler coal steam fare ticket porter guard shunt wagon carriage brake lamp".split(
    " ",
  );
const syllables =
  "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu".split(" ");
const made = Array.from(
  { length: 3000 },
  (_, i) => `${syllables[i % 25]}${syllables[Math.floor(i / 25) % 25]}${syllables[(i * 7) % 25]}n`,
);
const vocabulary = [...named, ...made];
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)] as string;
const sentence = (n: number) => Array.from({ length: n }, word).join(" ");

const dir = mkdtempSync(join(tmpdir(), "moot-bench-search-"));
const store = await openStore(
  process.env.DATABASE_URL
    ? { dialect: "postgres", url: process.env.DATABASE_URL }
    : { dialect: "sqlite", path: join(dir, "bench.db") },
);

try {
  const reader: Actor = {
    kind: "user",
    id: crypto.randomUUID(),
    name: "Rita Reader",
    guestOf: null,
  };
  await store.transaction((tx) =>
    tx.users.insert({
      id: reader.id,
      name: reader.name,
      email: `${reader.id}@example.test`,
      passwordHash: "not-a-real-hash",
      guestSpaceId: null,
      createdAt: new Date(),
    }),
  );
  const authors = Array.from({ length: 50 }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `Author ${i}`,
  }));
  const motions: string[] = [];
  let started = performance.now();
  for (let s = 0; s < spacesCount; s++) {
    const { spaceId } = must(
      await createSpace(store, systemActor, {
        clientId: crypto.randomUUID(),
        name: `Seminar ${s}`,
        visibility: s === 0 ? "public" : "private",
      }),
    );
    await store.transaction((tx) =>
      tx.memberships.insert({
        spaceId,
        userId: reader.id,
        role: "participant",
        joinedAt: new Date(),
      }),
    );
    const paragraphs = Array.from({ length: 500 }, () => `${sentence(40)}.`).join("\n\n");
    must(
      await importDocument(store, systemActor, {
        clientId: crypto.randomUUID(),
        spaceId,
        title: `Report ${s}`,
        mediaType: "text/plain",
        raw: new TextEncoder().encode(paragraphs),
      }),
    );
    for (let m = 0; m < motionsPerSpace; m++) {
      const { motionId } = must(
        await createMotion(store, systemActor, {
          clientId: crypto.randomUUID(),
          spaceId,
          title: `Motion ${s}.${m}`,
          status: "open",
          settings: { ...defaultMotionSettings, anonymous: m === 0 },
          sources: [],
        }),
      );
      motions.push(motionId);
    }
  }
  const byMotion = new Map<string, ArgumentRow[]>(motions.map((id) => [id, []]));
  const batch = 1000;
  for (let done = 0; done < count; done += batch) {
    await store.transaction(async (tx) => {
      for (let i = done; i < Math.min(count, done + batch); i++) {
        const motionId = motions[i % motions.length] as string;
        const earlier = byMotion.get(motionId) as ArgumentRow[];
        const parent =
          earlier.length > 0 && random() < 0.5
            ? earlier[Math.floor(random() * earlier.length)]
            : undefined;
        const author = authors[i % authors.length] as { id: string; name: string };
        const row: ArgumentRow = {
          id: crypto.randomUUID(),
          motionId,
          parentId: parent?.id ?? null,
          relation: parent
            ? random() < 0.5
              ? "supports"
              : "attacks"
            : random() < 0.5
              ? "for"
              : "against",
          body: `${sentence(10 + Math.floor(random() * 40))}.`,
          authorId: author.id,
          authorName: author.name,
          pseudonym: (i % authors.length) + 1,
          status: random() < 0.95 ? "published" : "hidden",
          rejectionReason: null,
          createdAt: new Date(),
          editedAt: null,
          publishedSeq: null,
        };
        await tx.arguments.insert(row, []);
        earlier.push(row);
      }
    });
  }
  console.log(
    `${store.dialect}: seeded ${count} arguments in ${motions.length} motions and ${spacesCount} documents of 500 blocks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const queries: [string, Record<string, unknown>][] = [
    ["a common word", { q: "evidence" }],
    ["a rare word", { q: "carriage" }],
    ["two words", { q: "harbour freight" }],
    ["a prefix", { q: "loco" }],
    ["syntax characters", { q: '"freight* OR -NEAR(' }],
    ["side: against", { q: "railway", side: "against" }],
    ["an author", { q: "winter", authorId: authors[3]?.id }],
    ["one motion", { q: "trade", motionId: motions[7] }],
    ["with citations", { q: "cost", hasCitations: false }],
    ["passages only", { q: "timetable", type: "passage" }],
    ["limit 50", { q: "town", limit: 50 }],
  ];
  console.log(`query                  results   median     p95   (${runs} runs each)`);
  const slowest = { label: "", median: 0, p95: 0 };
  for (const [label, input] of queries) {
    const times: number[] = [];
    let found = 0;
    for (let r = 0; r < runs; r++) {
      started = performance.now();
      found = must(await search(store, reader, input)).results.length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) =>
      (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
    console.log(
      `${label.padEnd(22)} ${String(found).padStart(7)} ${at(0.5).padStart(7)} ms ${at(0.95).padStart(6)} ms`,
    );
    if (Number(at(0.5)) > slowest.median) {
      Object.assign(slowest, { label, median: Number(at(0.5)), p95: Number(at(0.95)) });
    }
  }
  report("search", [
    {
      figure: `the slowest of ${queries.length} searches over ${count.toLocaleString("en")} arguments, ${store.dialect}`,
      moot: `p50 ${slowest.median} ms, p95 ${slowest.p95} ms`,
      baseline: slowest.label,
      ratio: "-",
      target: "-",
    },
  ]);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
