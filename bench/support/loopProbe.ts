import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Loaded into a server a bench starts (`node --import` this file), and idle unless
 * MOOT_BENCH_LOOP_PORT is set: then it samples the event loop's delay every 5 ms
 * (perf_hooks.monitorEventLoopDelay) and answers any GET on 127.0.0.1 at that port with the
 * longest delay and the p99 since the previous GET, in ms, as JSON. The answer waits for the
 * same event loop, so it is read once the requests measured have been answered.
 */
const port = process.env.MOOT_BENCH_LOOP_PORT;
if (port) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  createServer((_request, response) => {
    const figures = { maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 };
    delay.reset();
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(figures));
  })
    .listen(Number(port), "127.0.0.1")
    .unref();
}
