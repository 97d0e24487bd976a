import { setImmediate as nextTurn } from "node:timers/promises";

/** About how much JSON one turn of the event loop writes before other requests run. */
const PIECE_CHARS = 128 * 1024;

/**
 * `Response.json(body)`, byte for byte, but written in pieces with other requests running
 * between them: the array at `body[key]` (a whole debate's arguments, megabytes of JSON) is
 * serialised a few of its items at a time, while the body is sent.
 */
export function streamedJson<T extends object>(body: T, key: keyof T & string): Response {
  const items = body[key];
  if (!Array.isArray(items)) return Response.json(body);
  // A mark no string of the body can hold: where the array goes in the rest of the body.
  const mark = JSON.stringify(`\u0000${crypto.randomUUID()}`);
  const rest = JSON.stringify({ ...body, [key]: JSON.parse(mark) });
  const at = rest.indexOf(mark);
  const encoder = new TextEncoder();
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next > 0) await nextTurn();
      let piece = next === 0 ? `${rest.slice(0, at)}[` : "";
      while (next < items.length && piece.length < PIECE_CHARS) {
        piece += `${next === 0 ? "" : ","}${JSON.stringify(items[next] ?? null)}`;
        next += 1;
      }
      if (next >= items.length) {
        piece += `]${rest.slice(at + mark.length)}`;
        controller.enqueue(encoder.encode(piece));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(piece));
    },
  });
  return new Response(stream, { headers: { "content-type": "application/json" } });
}
