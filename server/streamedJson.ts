import { setImmediate as nextTurn } from "node:timers/promises";

/** About how much JSON one turn of the event loop writes before other requests run. */
const PIECE_CHARS = 128 * 1024;

type Batches = AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>;

/**
 * `Response.json({ ...body, [key]: all the items of batches })`, byte for byte, but written in
 * pieces with other requests running between them: the array (a whole debate's arguments,
 * megabytes of JSON) is serialised a few of its items at a time, each batch asked for as the
 * body is sent, so it need never be held whole.
 */
export function streamedJson<T extends object>(
  body: T,
  key: keyof T & string,
  batches: Batches,
): Response {
  // A mark no string of the body can hold: where the array goes in the rest of the body.
  const mark = JSON.stringify(`\u0000${crypto.randomUUID()}`);
  const rest = JSON.stringify({ ...body, [key]: JSON.parse(mark) });
  const at = rest.indexOf(mark);
  const encoder = new TextEncoder();
  const items = itemsOf(batches);
  let written = 0;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (started) await nextTurn();
      let piece = started ? "" : `${rest.slice(0, at)}[`;
      started = true;
      while (piece.length < PIECE_CHARS) {
        const next = await items.next();
        if (next.done) {
          controller.enqueue(encoder.encode(`${piece}]${rest.slice(at + mark.length)}`));
          controller.close();
          return;
        }
        piece += `${written === 0 ? "" : ","}${JSON.stringify(next.value ?? null)}`;
        written += 1;
      }
      controller.enqueue(encoder.encode(piece));
    },
    // The caller went away: the batches not yet read are not read.
    async cancel() {
      await items.return(undefined);
    },
  });
  return new Response(stream, { headers: { "content-type": "application/json" } });
}

async function* itemsOf(batches: Batches): AsyncGenerator<unknown, void> {
  for await (const batch of batches) yield* batch;
}
