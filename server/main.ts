import { createServer, type RequestListener } from "node:http";
import { join } from "node:path";
import next from "next";
import { Server } from "socket.io";
import { openStore } from "../db";
import { MAX_MESSAGE_BYTES } from "../lib/protocol";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "./auth/address";
import { resolveAuthSecret } from "./auth/secret";
import { bodyGate } from "./bodyGate";
import { closeRedis } from "./closeRedis";
import { ConfigError, loadConfig, projectRoot } from "./config";
import { isCrossSite, isForgeable } from "./crossSite";
import { loadDemoLibrary } from "./demo/loadDemoLibrary";
import { mailerFor } from "./mail/mailer";
import { hasMalformedPath, refuseMalformedPath } from "./malformedPath";
import { explainMethodNotAllowed } from "./methodNotAllowed";
import { rateLimits } from "./rateLimits/limiter";
import { rateLimitStore } from "./rateLimits/redis";
import { attachRealtime, type MootServer } from "./realtime";
import { redisAdapter } from "./realtime/redis";
import { apiRouteMethods } from "./routeMethods";
import { setRuntime } from "./runtime";
import { applySecurityHeaders, secureSocketAnswers } from "./securityHeaders";
import { listensEverywhere, networkAddresses } from "./shareableOrigin";
import { warmUp, warmUpPaths } from "./warmUp";
import { WorkPool } from "./work/pool";
import { setWorkPool } from "./work/shared";

const crossSiteRefusal = {
  error: {
    code: "forbidden",
    message: "Requests that change something must come from Moot's own pages.",
  },
};

/** How long a stopping node waits for the HTTP requests under way to end before it cuts them. */
const REQUESTS_WAIT_MS = 5_000;

/** One step of stopping: a failure is told and the next step runs, so the process still ends. */
async function step(what: string, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    console.error(`while stopping, ${what}:`, error);
  }
}

/** One process, one port: Next.js pages and API, and Socket.IO, over one database handle. */
async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const config = loadConfig();
  const store = await openStore(config.database);
  // Heavy work (documents, re-anchoring) runs on worker threads, within a time budget.
  const work = new WorkPool({ budgetMs: config.workBudgetMs });
  setWorkPool(work);
  await loadDemoLibrary(store);
  const authSecret = resolveAuthSecret(config.authSecret, config.authSecretFile);

  const app = next({ dev: config.dev, dir: projectRoot, hostname: "localhost", port: config.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // With several nodes the limits are counted in Redis, so they hold across the nodes.
  const limitStore = config.redisUrl ? await rateLimitStore(config.redisUrl) : null;
  const limits = rateLimits(config.rateLimits, limitStore);
  if (!limits.on)
    console.log("Rate limits are off (MOOT_RATE_LIMIT_FACTOR=0): for load tests only.");
  const gate = bodyGate({ store, authSecret, limits });
  const allowOf = apiRouteMethods(join(projectRoot, "app/api"));
  const answer: RequestListener = (req, res) => {
    applySecurityHeaders(req, res, config.dev);
    explainMethodNotAllowed(req, res, allowOf);
    if (isForgeable(req.method, req.headers)) {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify(crossSiteRefusal));
      return;
    }
    if (hasMalformedPath(req.url)) {
      refuseMalformedPath(req, res);
      return;
    }
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req);
    gate(req, res).then(
      (bounded) => bounded && handle(bounded, res),
      (error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  };
  const httpServer = createServer(answer);
  // Socket.IO answers upgrades on its own path and leaves the rest (Next's dev reload) to Next.
  const io: MootServer = new Server(httpServer, {
    serveClient: false,
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: (req, answer) => answer(null, !isCrossSite(req.headers)),
  });
  secureSocketAnswers(httpServer);
  const upgrade = app.getUpgradeHandler();
  httpServer.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io/")) void upgrade(req, socket, head);
  });
  const redis = config.redisUrl ? await redisAdapter(config.redisUrl) : null;
  if (redis) io.adapter(redis.adapter);
  const { close: stopRealtime, ...realtime } = attachRealtime(io, { store, authSecret, limits });
  const mailer = mailerFor(config.mail);
  if (!mailer.sends) console.log("Mail is off (no SMTP_URL): password reset links go to this log.");
  setRuntime({
    store,
    authSecret,
    siteUrl: config.siteUrl,
    listensOn: config.host,
    oidc: config.oidc,
    mailer,
    ...realtime,
  });

  // In development Next compiles a route on its first request instead: seconds, not worth it.
  if (!config.dev) await warmUp(answer, await warmUpPaths(store));

  // Next's handlers only log an uncaught error: a port in use must end the process, and say so.
  httpServer.once("error", (error) => {
    console.error(`Moot could not listen on ${config.host}:${config.port}: ${error.message}`);
    process.exit(1);
  });
  httpServer.listen(config.port, config.host, () => {
    const address = httpServer.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const shared = redis ? ", rooms shared through Redis" : "";
    console.log(`Moot is serving http://localhost:${port} (database: ${store.dialect}${shared})`);
    // Where a class's phones reach it, which the join links and QR codes name (shareableOrigin).
    const onNetwork = networkAddresses().map((address) => `http://${address}:${port}`);
    if (onNetwork.length > 0 && !config.siteUrl && listensEverywhere(config.host)) {
      console.log(`Devices on this network reach it at ${onNetwork.join(" or ")}`);
    }
  });

  const stop = async () => {
    // Socket.IO's close stops the HTTP server too and waits for the requests under way to end: a
    // client that never finishes sending would hold the stop for Node's 5 minutes without this.
    const deadline = setTimeout(() => httpServer.closeAllConnections(), REQUESTS_WAIT_MS);
    await step("closing Socket.IO and answering the requests under way", stopRealtime);
    clearTimeout(deadline);
    await step("closing Next", () => app.close());
    await step("closing Redis", async () => {
      await redis?.close();
      if (limitStore) await closeRedis(limitStore);
    });
    await step("closing the database", () => store.close());
    await step("closing the work threads", () => work.close());
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
