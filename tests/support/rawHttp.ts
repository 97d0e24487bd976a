import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { request } from "node:http";

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** How many bytes of the body the client had handed to its socket when the answer came. */
  sent: number;
}

/** `total` bytes in pieces of `piece` bytes: a body made as it is sent, never held whole. */
export function* filler(total: number, piece = 64 * 1024): Generator<Buffer> {
  const block = Buffer.alloc(piece, "a");
  for (let left = total; left > 0; left -= piece)
    yield left >= piece ? block : block.subarray(0, left);
}

/**
 * Sends a body over real HTTP, a piece at a time as the socket takes it (chunked unless a
 * Content-Length is given), and stops sending the moment the server answers: so `sent` shows how
 * much the server could have read before it answered.
 */
export function sendBody(
  url: string,
  init: { method?: string; headers?: OutgoingHttpHeaders; body: Iterable<Buffer>; length?: number },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers = {
      ...init.headers,
      ...(init.length === undefined ? {} : { "content-length": init.length }),
    };
    const req = request(url, { method: init.method ?? "POST", headers });
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
          sent,
        });
      });
    });
    // Once answered, the server closes the connection on whatever was still being sent.
    req.on("error", (error) => answered || reject(error));
    const pieces = init.body[Symbol.iterator]();
    const pump = () => {
      while (!answered) {
        const next = pieces.next();
        if (next.done) {
          req.end();
          return;
        }
        sent += next.value.length;
        if (!req.write(next.value)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}
