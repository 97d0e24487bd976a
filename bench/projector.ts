/**
 * The projector page of a big debate: fills a motion with 1,000 arguments and one with 10,000
 * (a third of them replies, every one citing a passage, a fifth rated by three members, one in
 * the spotlight) through the domain commands, starts the real server on that database (building
 * the pages first if the sources changed) and fetches /motions/:id/projector as a member: the
 * page's bytes (goal: 100 KB at most, at any size) and its time to first byte, the median of 11;
 * and the same for GET /api/motions/:id/projector, which the page reads again after events.
 *
 *   npm run bench -- projector [sizes=1000,10000]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../db";
import type { Store } from "../db/store";
import type { Citation } from "../lib/commands";
import type { SpaceRole } from "../lib/spaces";
import { projectRoot } from "../server/config";
import { createMotion } from "../server/domain/debate/createMotion";
import { rateArgument } from "../server/domain/debate/judge";
import { spotlightArgument } from "../server/domain/debate/moderate";
import { postArgument } from "../server/domain/debate/postArgument";
import { type Actor, systemActor } from "../server/policy";
import { benchMember, benchRoom, must, sessionCookie } from "./support/room";
import { startMoot } from "./support/servers";

const sizes = (process.argv[2] ?? "1000,10000").split(",").map(Number);
const secret = "a-bench-secret-that-is-long-enough-for-authjs";
const RUNS = 11;
const KB = 1024;

/** Members of the space, set straight into the store, as the actors the commands take. */
async function members(
  store: Store,
  spaceId: string,
  count: number,
  role: SpaceRole = "participant",
) {
  const actors: Actor[] = [];
  for (let i = 0; i < count; i += 1) {
    actors.push(await benchMember(store, spaceId, `Member ${i + 1}`, role));
  }
  return actors;
}

/** A debate of `size` arguments on a motion of its own, as members would post and rate it. */
async function fill(
  store: Store,
  room: { spaceId: string; citation: Citation },
  authors: Actor[],
  moderator: Actor,
  size: number,
) {
  const { motionId } = must(
    await createMotion(store, systemActor, {
      spaceId: room.spaceId,
      title: `A debate of ${size} arguments`,
      status: "open",
    }),
  );
  const posted: string[] = [];
  for (let i = 0; i < size; i += 1) {
    const author = authors[i % authors.length] as Actor;
    const reply = i % 3 === 2 && posted.length > 0;
    const { argument } = must(
      await postArgument(store, author, {
        motionId,
        clientId: crypto.randomUUID(),
        parentId: reply ? (posted[(i * 7919) % posted.length] as string) : null,
        relation: reply ? (i % 2 ? "supports" : "attacks") : i % 2 ? "for" : "against",
        body: `Argument ${i + 1}: the rail line carried the harbour's trade inland through the winter, and the town kept its market while the quay was closed.`,
        citations: [room.citation],
      }),
    );
    posted.push(argument.id);
    if (i % 5 === 0) {
      for (let r = 1; r <= 3; r += 1) {
        const rater = authors[(i + r) % authors.length] as Actor;
        must(
          await rateArgument(store, rater, {
            argumentId: argument.id,
            score: (i + r) % 5,
            clientId: crypto.randomUUID(),
          }),
        );
      }
    }
  }
  must(
    await spotlightArgument(store, moderator, {
      motionId,
      clientId: crypto.randomUUID(),
      argumentId: posted[Math.floor(size / 2)] as string,
    }),
  );
  return motionId;
}

/** One GET: the bytes of the body and the ms until its first byte. */
const fetched = (url: string, cookie: string) =>
  new Promise<{ status: number; bytes: number; firstByteMs: number }>((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = 0;
    let bytes = 0;
    request(url, { headers: { cookie } }, (response) => {
      response.on("data", (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes, firstByteMs }));
    })
      .on("error", reject)
      .end();
  });

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function measure(url: string, cookie: string) {
  await fetched(url, cookie); // the first read of a route compiles nothing, but warms its caches
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await fetched(url, cookie));
  const [first] = runs;
  if (first?.status !== 200) throw new Error(`${url} answered ${first?.status}`);
  return { bytes: first.bytes, firstByteMs: median(runs.map((run) => run.firstByteMs)) };
}

const dir = mkdtempSync(join(tmpdir(), "moot-bench-projector-"));
const path = join(dir, "moot.db");
const store = await openStore({ dialect: "sqlite", path });
const room = await benchRoom(store, "Projector bench");
const authors = await members(store, room.spaceId, 20);
const [moderator] = await members(store, room.spaceId, 1, "moderator");
const cookie = await sessionCookie(store, authors[0] as Actor, secret);
const motions: [number, string][] = [];
for (const size of sizes) {
  const started = performance.now();
  motions.push([size, await fill(store, room, authors, moderator as Actor, size)]);
  console.log(
    `  filled ${size} arguments in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
await store.close();

// The server serves the last build: make one of the current sources if there is none.
const build = spawnSync("npx", ["tsx", "scripts/build-if-stale.ts"], {
  cwd: projectRoot,
  stdio: "inherit",
});
if (build.status !== 0) throw new Error("the build failed");
const moot = await startMoot({
  DATABASE_URL: `file:${path}`,
  AUTH_SECRET: secret,
  MOOT_RATE_LIMIT_FACTOR: "1",
});
try {
  console.log(
    `  arguments  projector page: bytes, first byte (median of ${RUNS})  refresh GET /api/motions/:id/projector`,
  );
  for (const [size, motionId] of motions) {
    const page = await measure(`${moot.url}/motions/${motionId}/projector`, cookie);
    const api = await measure(`${moot.url}/api/motions/${motionId}/projector`, cookie);
    console.log(
      `  ${String(size).padStart(9)}  ${(page.bytes / KB).toFixed(1).padStart(8)} KB, ${page.firstByteMs.toFixed(0).padStart(4)} ms${page.bytes > 100 * KB ? " (over 100 KB)" : ""}          ${(api.bytes / KB).toFixed(1)} KB, ${api.firstByteMs.toFixed(0)} ms`,
    );
  }
} finally {
  await moot.stop();
  rmSync(dir, { recursive: true, force: true });
}
