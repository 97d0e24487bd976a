import { describe, expect, it } from "vitest";
import { streamedJson } from "../../server/streamedJson";

/** The body as it arrives: its text, and how many pieces it came in. */
async function received(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  let pieces = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    text += decoder.decode(part.value, { stream: true });
    pieces += 1;
  }
  return { text: text + decoder.decode(), pieces };
}

describe("a big answer written in pieces", () => {
  const thread = (i: number) => ({
    id: `a${i}`,
    body: `Argument ${i}: "quoted", a \\ backslash, a NUL \u0000 and é ✓ 🚂.`,
    strength: { mean: i % 3 === 0 ? null : i / 7, count: i },
    children: i % 10 === 0 ? [{ id: `r${i}`, body: "A reply.", children: [] }] : [],
  });

  /** The list in batches of `size`, as an async iterable that counts the batches asked for. */
  const inBatches = <T>(list: T[], size: number) => {
    const asked = { count: 0 };
    async function* batches() {
      for (let i = 0; i < list.length; i += size) {
        asked.count += 1;
        yield list.slice(i, i + size);
      }
    }
    return { batches: batches(), asked };
  };

  it("is the JSON Response.json writes, byte for byte, around and inside the array", async () => {
    const body = {
      id: "m1",
      title: 'The "rail" \u0000 line',
      arguments: Array.from({ length: 5000 }, (_, i) => thread(i)),
      votes: { before: { for: 1 } },
      partial: undefined,
      serverNow: 7,
    };
    for (const size of [1, 7, 250, 5000]) {
      const { batches } = inBatches(body.arguments, size);
      const streamed = await received(
        streamedJson({ ...body, arguments: [] }, "arguments", batches),
      );
      expect(streamed.text).toBe(await Response.json(body).text());
      expect(streamed.pieces).toBeGreaterThan(1);
    }
  });

  it("writes an empty list and a short one as Response.json does, with its content type", async () => {
    for (const list of [[], [thread(1)]]) {
      const body = { arguments: list, after: "end" };
      const response = streamedJson(body, "arguments", [list]);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect((await received(response)).text).toBe(JSON.stringify(body));
    }
  });

  it("asks for each batch as the body is read, and for no more once the reader goes away", async () => {
    const list = Array.from({ length: 5000 }, (_, i) => thread(i));
    const { batches, asked } = inBatches(list, 100);
    const response = streamedJson({ arguments: [] }, "arguments", batches);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    const afterOnePiece = asked.count;
    expect(afterOnePiece).toBeGreaterThan(0);
    expect(afterOnePiece).toBeLessThan(50);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked.count).toBeLessThanOrEqual(afterOnePiece + 1);
  });
});
