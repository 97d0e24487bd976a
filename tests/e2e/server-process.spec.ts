import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import { e2ePort } from "./ports";

// The server process itself (server/main.ts as `npm start` runs it), started here on a database
// of its own: how it starts on a port already taken, and how it stops.

test.describe.configure({ timeout: 120_000 });

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

interface Node {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

// A node a failed test left running is ended with it.
const started: ChildProcess[] = [];

/** A Moot node on a fresh SQLite database; `env` adds to or overrides its environment. */
function startNode(env: Record<string, string>, dir: string): Node {
  const { REDIS_URL: _sharedRedis, OIDC_ISSUER: _provider, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      ...inherited,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${join(dir, "moot.db")}`,
      AUTH_SECRET: "a-secret-for-the-server-process-spec-long-enough",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  started.push(child);
  return { child, output: () => output, exited };
}

async function serving(node: Node) {
  while (!/Moot is serving/.test(node.output())) {
    if (node.child.exitCode !== null) throw new Error(`the node ended:\n${node.output()}`);
    await sleep(100);
  }
}

let dir = "";
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "moot-process-"));
});
test.afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

test("a second server on a port in use says so and ends with a failure", async () => {
  const node = startNode({ PORT: String(e2ePort) }, dir);
  expect(await node.exited).toBe(1);
  expect(node.output()).toContain(`Moot could not listen on 127.0.0.1:${e2ePort}`);
});

/** A sign-up sent in part: the rest goes out when `finish` is called; its answer's status. */
function signUpInPart(port: number) {
  const body = Buffer.from(
    JSON.stringify({ name: "Late Lee", email: "lee@school.test", password: "lees long password" }),
  );
  const req = request(`http://127.0.0.1:${port}/api/users`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "content-length": body.length,
      expect: "100-continue",
    },
  });
  const status = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
  // The server sends 100 Continue once it has read the request's head: the request is under way.
  const underWay = new Promise<void>((resolve) => req.once("continue", resolve));
  req.write(body.subarray(0, 10));
  return { status, underWay, finish: () => req.end(body.subarray(10)) };
}

test("a node reads a route handler and the demo motion's pages once before it serves", async () => {
  const port = await freePort();
  const node = startNode({ PORT: String(port) }, dir);
  await serving(node);
  // Each read that did not answer 200 would be in the log, named (server/warmUp.ts).
  expect(node.output()).not.toContain("Warming up");
  const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  const featured = /href="(\/motions\/[^"/]+)"/.exec(home)?.[1];
  expect(featured).toBeTruthy();
  for (const page of ["", "/map", "/projector"]) {
    const response = await fetch(`http://127.0.0.1:${port}${featured}${page}`);
    expect(response.status, `${featured}${page}`).toBe(200);
  }
  node.child.kill("SIGTERM");
  expect(await node.exited).toBe(0);
});

test("without mail, a member who asks for a reset link, on the page or the API, is told none is on its way, and the link is in the server's log", async ({
  page,
}) => {
  const port = await freePort();
  const node = startNode({ PORT: String(port) }, dir);
  await serving(node);
  const origin = `http://127.0.0.1:${port}`;
  const email = "mia@school.test";
  const signUp = await fetch(`${origin}/api/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Mia Forgetful", email, password: "mia's long password" }),
  });
  expect(signUp.status).toBe(201);

  await page.goto(`${origin}/forgot-password`);
  await expect(page.getByText(/This Moot does not send mail/)).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  const noneOnItsWay =
    "This Moot sends no mail, so no link is on its way to you: ask the owner of your space (your teacher) for help. Whoever runs this Moot finds the link in its log.";
  await expect(page.getByRole("status")).toHaveText(noneOnItsWay);
  await expect.poll(() => node.output()).toContain(`${origin}/reset-password?token=`);

  const asked = await fetch(`${origin}/api/password-reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
  expect(asked.status).toBe(202);
  expect(await asked.json()).toEqual({ message: noneOnItsWay });
  node.child.kill("SIGTERM");
  expect(await node.exited).toBe(0);
});

/** Once the server no longer takes connections on the port: it has begun to stop. */
async function stoppedListening(port: number) {
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", () => resolve(true));
    });
    if (refused) return;
    await sleep(50);
  }
}

test("a server told to stop answers the request under way before it closes its database", async () => {
  const port = await freePort();
  const node = startNode({ PORT: String(port) }, dir);
  await serving(node);
  const signUp = signUpInPart(port);
  await signUp.underWay;
  node.child.kill("SIGTERM");
  await stoppedListening(port);
  signUp.finish();
  expect(await signUp.status).toBe(201);
  expect(await node.exited).toBe(0);
});

test("a request that never ends does not keep a server told to stop from stopping", async () => {
  const port = await freePort();
  const node = startNode({ PORT: String(port) }, dir);
  await serving(node);
  const signUp = signUpInPart(port);
  const cut = signUp.status.then(String, (error: Error) => error.message);
  await signUp.underWay;
  node.child.kill("SIGTERM");
  expect(await node.exited).toBe(0);
  expect(await cut).toMatch(/socket hang up|ECONNRESET/);
});

/** A Redis server of this test's own, which it can take away: once it accepts connections. */
async function ownRedis(port: number) {
  const available = spawnSync("redis-server", ["--version"]).status === 0;
  if (!available && process.env.CI === "true") throw new Error("CI needs redis-server");
  if (!available) return null;
  const redis = spawn("redis-server", [
    "--bind",
    "127.0.0.1",
    "--port",
    String(port),
    "--save",
    "",
  ]);
  let output = "";
  redis.stdout.on("data", (chunk: Buffer) => (output += chunk));
  while (!/Ready to accept connections/.test(output)) {
    if (redis.exitCode !== null) throw new Error(`redis-server ended:\n${output}`);
    await sleep(50);
  }
  return redis;
}

test("a node whose Redis went away says so for each of its connections, and still stops when told to", async () => {
  const redisPort = await freePort();
  const redis = await ownRedis(redisPort);
  test.skip(!redis, "no redis-server on this machine");
  if (!redis) return;
  try {
    const node = startNode(
      { PORT: String(await freePort()), REDIS_URL: `redis://127.0.0.1:${redisPort}` },
      dir,
    );
    await serving(node);
    redis.kill("SIGKILL");
    // The node has noticed: its clients are reconnecting.
    while (!/ECONNREFUSED|Socket closed unexpectedly/.test(node.output())) await sleep(100);
    // The rate limits' connection and both of the live rooms' name what failed.
    for (const connection of [
      "rate limits: Redis",
      "live rooms: Redis publisher",
      "live rooms: Redis subscriber",
    ])
      await expect.poll(() => node.output()).toContain(`${connection}: `);
    expect(node.output()).not.toContain("missing 'error' handler");
    node.child.kill("SIGTERM");
    expect(await node.exited).toBe(0);
  } finally {
    redis.kill("SIGKILL");
  }
});
