/**
 * What a flood costs everyone else: members post at a class's pace (each every few seconds)
 * while, in a second phase, one account floods the same motion from 50 sockets as fast as they
 * can send. Prints the members' post ack p50/p99 without the flood and with it, and the ratio;
 * the limits are the defaults, nothing lifted for the flooder. The flooder runs in a process
 * of its own, as it would on another machine.
 *
 *   npm run bench -- flood [seconds per phase=30] [members=20]
 *   MOOT_RATE_LIMIT_FACTOR=0 npm run bench -- flood       (the same flood without limits)
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Server } from "socket.io";
import { openStore } from "../db";
import type { Citation } from "../lib/commands";
import { loadConfig } from "../server/config";
import { rateLimits } from "../server/rateLimits/limiter";
import { attachRealtime, type MootServer } from "../server/realtime";
import { type Client, connectMany, percentile, postInput, sleep } from "./support/audience";
import { report, times, within } from "./support/figures";
import { benchRoom, memberCookie } from "./support/room";

type Target = { url: string; cookie: string; motionId: string; citation: Citation };

const FLOOD_SOCKETS = 50;
const IN_FLIGHT_PER_SOCKET = 10;
const secret = "bench-secret-that-is-long-enough-for-authjs";

/** The flooder's process: 50 sockets of one account, each keeping posts in flight, until told. */
async function flood({ url, cookie, motionId, citation }: Target) {
  const sockets = await connectMany(url, FLOOD_SOCKETS, cookie);
  const counts = { sent: 0, stored: 0, limited: 0 };
  let running = true;
  const keepSending = (socket: Client) => {
    if (!running) return;
    counts.sent += 1;
    socket.emit("argument:post", postInput(motionId, citation, `Spam ${counts.sent}`), (answer) => {
      if (answer.ok) counts.stored += 1;
      else if (answer.error.code === "rate_limited") counts.limited += 1;
      keepSending(socket);
    });
  };
  for (const socket of sockets) for (let i = 0; i < IN_FLIGHT_PER_SOCKET; i++) keepSending(socket);
  process.send?.("flooding");
  process.once("message", () => {
    running = false;
    for (const socket of sockets) socket.disconnect();
    process.send?.(counts, () => process.exit(0));
  });
}

async function measure() {
  const [seconds, members] = [Number(process.argv[2] ?? 30), Number(process.argv[3] ?? 20)];
  const dir = mkdtempSync(join(tmpdir(), "moot-flood-"));
  const store = await openStore({ dialect: "sqlite", path: join(dir, "bench.db") });
  const { spaceId, motionId, citation } = await benchRoom(store, "Flood");

  const http = createServer();
  const io: MootServer = new Server(http);
  // The limits a server started here would have: the defaults unless the environment says
  // otherwise (MOOT_RATE_LIMIT_FACTOR=0 shows the same flood with no limits at all).
  const limits = rateLimits(loadConfig().rateLimits);
  attachRealtime(io, { store, authSecret: secret, limits });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const clients: Client[] = [];
  for (let i = 0; i < members; i++) {
    const cookie = await memberCookie(store, spaceId, `Member ${i}`, secret);
    clients.push(...(await connectMany(url, 1, cookie)));
  }
  for (const socket of clients) await socket.emitWithAck("motion:join", { motionId, sinceSeq: 0 });

  /** Each member posts every `pace` ms, staggered, for the phase: the ack times. */
  const phase = async () => {
    const pace = 4_000;
    const acks: number[] = [];
    const refusals: string[] = [];
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      clients.map(async (socket, i) => {
        await sleep((pace / members) * i);
        while (performance.now() < until) {
          const sent = performance.now();
          const answer = await socket.emitWithAck(
            "argument:post",
            postInput(motionId, citation, `A considered point ${i}`),
          );
          acks.push(performance.now() - sent);
          if (!answer.ok) refusals.push(answer.error.code);
          await sleep(Math.max(0, pace - (performance.now() - sent)));
        }
      }),
    );
    return { acks: acks.sort((a, b) => a - b), refusals };
  };

  const quiet = await phase();

  const flooder = fork(fileURLToPath(import.meta.url), ["flooder"], {
    execArgv: process.execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const target: Target = {
    url,
    cookie: await memberCookie(store, spaceId, "Flooder", secret),
    motionId,
    citation,
  };
  const flooding = new Promise((resolve) => flooder.once("message", resolve));
  flooder.send(target);
  await flooding;
  const flooded = await phase();
  const counts = new Promise<{ sent: number; stored: number; limited: number }>((resolve) =>
    flooder.once("message", (m) => resolve(m as never)),
  );
  flooder.send("stop");
  const flood = await counts;

  const f = (n: number) => `${n.toFixed(1)} ms`;
  const line = (label: string, { acks, refusals }: Awaited<ReturnType<typeof phase>>) =>
    console.log(
      `${label.padEnd(24)} p50 ${f(percentile(acks, 50))}  p99 ${f(percentile(acks, 99))}  ` +
        `(${acks.length} posts, ${refusals.length} refused)`,
    );
  console.log(
    `database sqlite; limits ${limits.on ? "on" : "off"}; ${members} members each posting every 4 s; ${seconds} s per phase; ` +
      `flood: one account, ${FLOOD_SOCKETS} sockets, ${IN_FLIGHT_PER_SOCKET} posts in flight each`,
  );
  line("member acks, no flood", quiet);
  line("member acks, flood", flooded);
  const ratio = (p: number) =>
    percentile(flooded.acks, p) / Math.max(percentile(quiet.acks, p), 0.1);
  console.log(
    `${"ratio flood / no flood".padEnd(24)} p50 ${ratio(50).toFixed(2)}x  p99 ${ratio(99).toFixed(2)}x`,
  );
  console.log(
    `${"flooder".padEnd(24)} ${flood.sent} posts sent, ${flood.stored} stored, ` +
      `${flood.limited} refused rate_limited`,
  );
  const p99 = (acks: number[]) => f(percentile(acks, 99));
  report("flood", [
    {
      figure: `member post ack p99 while one account floods from ${FLOOD_SOCKETS} sockets, limits ${limits.on ? "on" : "off"}`,
      moot: p99(flooded.acks),
      baseline: `no flood ${p99(quiet.acks)}`,
      ratio: times(ratio(99)),
      target: "<= 2x",
      met: within([ratio(99), 2]),
    },
    {
      figure: "the flooder's posts",
      moot: `${flood.sent} sent, ${flood.stored} stored`,
      baseline: `${flood.limited} refused`,
      ratio: "-",
      target: "-",
    },
  ]);

  for (const socket of clients) socket.disconnect();
  await io.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === "flooder") {
  process.once("message", (target) => void flood(target as Target));
} else {
  await measure();
}
