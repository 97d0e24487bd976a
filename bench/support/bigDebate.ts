import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../db";
import type { Store } from "../../db/store";
import type { Citation } from "../../lib/commands";
import type { SpaceRole } from "../../lib/spaces";
import { projectRoot } from "../../server/config";
import { createMotion } from "../../server/domain/debate/createMotion";
import { rateArgument } from "../../server/domain/debate/judge";
import { spotlightArgument } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { type Actor, systemActor } from "../../server/policy";
import { benchMember, benchRoom, must, sessionCookie } from "./room";

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

/** Steps of this fraction spread the replies evenly over the arguments posted before them. */
const GOLDEN = 0.618033988749895;

/**
 * A debate of `size` arguments on a motion of its own, as members would post and rate it: a
 * third of them replies (to earlier arguments, replies included), every one citing a passage,
 * a fifth rated by three members, one in the spotlight. It goes through the domain commands
 * rather than the import, which takes at most 5,000 arguments.
 */
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
        parentId: reply ? (posted[Math.floor(((i * GOLDEN) % 1) * posted.length)] as string) : null,
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

export const BENCH_SECRET = "a-bench-secret-that-is-long-enough-for-authjs";

/**
 * A fresh SQLite database in a temporary folder with one motion per size, filled by `fill`, the
 * Cookie headers of a member's session and of the moderator's, and the passage the debates cite;
 * then a build of the pages if the sources changed since the last one, so that the server started
 * on it serves the current code.
 */
export async function bigDebates(name: string, sizes: number[]) {
  const dir = mkdtempSync(join(tmpdir(), `moot-bench-${name}-`));
  const path = join(dir, "moot.db");
  const store = await openStore({ dialect: "sqlite", path });
  const room = await benchRoom(store, `${name} bench`);
  const authors = await members(store, room.spaceId, 20);
  const [moderator] = await members(store, room.spaceId, 1, "moderator");
  const cookie = await sessionCookie(store, authors[0] as Actor, BENCH_SECRET);
  const moderatorCookie = await sessionCookie(store, moderator as Actor, BENCH_SECRET);
  const motions: [number, string][] = [];
  for (const size of sizes) {
    const started = performance.now();
    motions.push([size, await fill(store, room, authors, moderator as Actor, size)]);
    console.log(
      `  filled ${size} arguments in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  await store.close();

  const build = spawnSync("npx", ["tsx", "scripts/build-if-stale.ts"], {
    cwd: projectRoot,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("the build failed");
  return {
    dir,
    databaseUrl: `file:${path}`,
    cookie,
    moderatorCookie,
    motions,
    citation: room.citation,
  };
}

/** One GET: its status, the bytes of the body and the ms until its first byte and its last. */
export const fetched = (url: string, cookie: string) =>
  new Promise<{ status: number; bytes: number; firstByteMs: number; lastByteMs: number }>(
    (resolve, reject) => {
      const started = performance.now();
      let firstByteMs = 0;
      let bytes = 0;
      request(url, { headers: { cookie } }, (response) => {
        response.on("data", (chunk: Buffer) => {
          if (bytes === 0) firstByteMs = performance.now() - started;
          bytes += chunk.length;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            bytes,
            firstByteMs,
            lastByteMs: performance.now() - started,
          }),
        );
      })
        .on("error", reject)
        .end();
    },
  );

/** The value below which `share` (0.5 for the median) of the values lie. */
export const percentile = (values: number[], share: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor(values.length * share))
  ] ?? 0;
