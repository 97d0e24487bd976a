import { type ChildProcess, fork, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MotionEvent } from "../../lib/protocol";
import { projectRoot } from "../../server/config";

export interface Running {
  url: string;
  pid: number;
  /** The process's resident memory now, from /proc (the server's own, not a wrapper's). */
  rssKiB(): number;
  /** The CPU time the process has used so far (user and system), in ms. */
  cpuMs(): number;
  /** What its objects hold after a full collection (bench/support/memoryProbe.ts), in KiB. */
  heldKiB(): Promise<number>;
  stop(): Promise<void>;
}

const probe = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const probeArgs = [
  "--expose-gc",
  ...["--import", probe("./memoryProbe.ts")],
  ...["--import", probe("./loopProbe.ts")],
];

const rssOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
};

// utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
const cpuOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    // A server that does not finish its shutdown in time is ended all the same.
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });

/** Waits for the line a server prints once it listens, and reads its address from it. */
const listening = (child: ChildProcess, pattern: RegExp, name: string) =>
  new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = pattern.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
    child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    child.once("exit", (code) =>
      reject(new Error(`${name} ended (exit ${code}) before it listened:\n${output}`)),
    );
  });

function running(child: ChildProcess, port: string): Running {
  const pid = child.pid ?? 0;
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    rssKiB: () => rssOf(pid),
    cpuMs: () => cpuOf(pid),
    heldKiB: () =>
      new Promise((resolve) => {
        const read = (chunk: Buffer) => {
          const bytes = /memory in use (\d+) bytes/.exec(chunk.toString())?.[1];
          if (!bytes) return;
          child.stdout?.off("data", read);
          resolve(Number(bytes) / 1024);
        };
        child.stdout?.on("data", read);
        child.kill("SIGUSR2");
      }),
    stop: () => stopped(child),
  };
}

/** A port of 127.0.0.1 that nothing listens on just now. */
export const freePort = () =>
  new Promise<string>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(String(typeof address === "object" && address?.port)));
    });
  });

/**
 * The longest event-loop delay (and p99) a server started with MOOT_BENCH_LOOP_PORT=`port` saw
 * since the last time this was asked, in ms (bench/support/loopProbe.ts).
 */
export const loopDelay = async (port: string) =>
  (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as { maxMs: number; p99Ms: number };

/**
 * The real server as `npm start` runs it (server/main.ts: Next, Socket.IO, one database handle),
 * on 127.0.0.1 and a free port, in a process of its own. It serves the last `next build`; only
 * the pages need one, and the sockets run the current sources.
 */
export async function startMoot(env: {
  DATABASE_URL: string;
  AUTH_SECRET: string;
  REDIS_URL?: string;
  MOOT_RATE_LIMIT_FACTOR: string;
  /** A port of its own (a free one if not given). */
  PORT?: string;
  /** Where bench/support/loopProbe.ts answers with the event loop's delay (off if not given). */
  MOOT_BENCH_LOOP_PORT?: string;
}): Promise<Running> {
  if (!existsSync(join(projectRoot, ".next", "BUILD_ID"))) {
    throw new Error("No build of the pages: run `npm run build` first.");
  }
  // `node --import tsx` rather than the tsx command: the pid is then the server's own.
  const child = spawn(process.execPath, ["--import", "tsx", ...probeArgs, "server/main.ts"], {
    cwd: projectRoot,
    // Redis only where asked for (an undefined variable is left out of the child's environment).
    env: {
      ...process.env,
      REDIS_URL: undefined,
      ...env,
      NODE_ENV: "production",
      PORT: env.PORT ?? "0",
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return running(child, await listening(child, /serving http:\/\/localhost:(\d+)/, "Moot"));
}

/**
 * A plain Socket.IO server (bench/support/bareServer.ts) in a process of its own, sending
 * `template` (an event Moot sent) for each post; its event loop's delay answered at `loopPort`
 * if one is given, as Moot's.
 */
export async function startBare(template: MotionEvent, loopPort?: string): Promise<Running> {
  const file = fileURLToPath(new URL("./bareServer.ts", import.meta.url));
  const child = fork(file, [JSON.stringify(template)], {
    env: { ...process.env, MOOT_BENCH_LOOP_PORT: loopPort },
    execArgv: [...process.execArgv, ...probeArgs],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  return running(child, await listening(child, /listening on (\d+)/, "The bare Socket.IO server"));
}

/**
 * Waits until the servers are idle (under a tenth of a core each over half a second; a minute
 * at most): a room that many leave at once is told who remains after each leave, and that work
 * must not be counted against the next run.
 */
export async function settled(servers: Running[]) {
  for (let waited = 0; waited < 60_000; waited += 500) {
    const before = servers.map((server) => server.cpuMs());
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (servers.every((server, i) => server.cpuMs() - (before[i] ?? 0) < 50)) return;
  }
}

/** Whether something accepts connections at a URL's host and port (PostgreSQL, Redis). */
export const answers = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    const end = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => end(true));
    socket.once("error", () => end(false));
    socket.setTimeout(2_000, () => end(false));
  });
