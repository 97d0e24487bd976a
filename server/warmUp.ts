import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import type { Store } from "../db/store";
import { featuredMotionId } from "./demo/featuredMotion";

/** How long one warm-up request may take before the node gives up on it and starts. */
const WARM_UP_REQUEST_MS = 30_000;

/**
 * What a node asks itself before it opens its port. Next loads a route's code on the first
 * request that reaches it: the first route handler builds the server code the handlers share
 * (100-120 ms in one task), and the first motion page, its map and its projector load their
 * chunks and source maps (40-160 ms of tasks). Meanwhile the event loop answers no one, every
 * room's sockets included (bench/HISTORY.md). One route handler, and the featured demo motion's
 * pages and the reader of its first source where the demo library is loaded, as a visitor reads
 * them; what one motion's page loads serves every motion's, and one document's every document's.
 */
export async function warmUpPaths(store: Store) {
  const featured = await featuredMotionId(store);
  if (!featured) return ["/api/health"];
  const [source] = await store.motions.sources([featured]);
  return [
    "/api/health",
    ...["", "/map", "/projector"].map((page) => `/motions/${featured}${page}`),
    ...(source ? [`/documents/${source.documentId}`] : []),
  ];
}

/**
 * Sends each of `paths` through `listener` on a port of 127.0.0.1 that only this process knows,
 * one at a time, then closes it. A path that fails (a server error, no answer in time) is told,
 * and the node starts all the same.
 */
export async function warmUp(listener: RequestListener, paths: string[]) {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    for (const path of paths) {
      try {
        const signal = AbortSignal.timeout(WARM_UP_REQUEST_MS);
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal });
        await response.arrayBuffer();
        // A 404 warms nothing but harms nothing (the demo motion taken away); a 5xx is a fault.
        if (response.status >= 500)
          console.error(`Warming up: ${path} answered ${response.status}`);
      } catch (error) {
        console.error(`Warming up: ${path} failed:`, error);
      }
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
