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

  it("is the JSON Response.json writes, byte for byte, around and inside the array", async () => {
    const body = {
      id: "m1",
      title: 'The "rail" \u0000 line',
      arguments: Array.from({ length: 5000 }, (_, i) => thread(i)),
      votes: { before: { for: 1 } },
      partial: undefined,
      serverNow: 7,
    };
    const streamed = await received(streamedJson(body, "arguments"));
    expect(streamed.text).toBe(await Response.json(body).text());
    expect(streamed.pieces).toBeGreaterThan(1);
  });

  it("writes an empty list and a short one as Response.json does, with its content type", async () => {
    for (const list of [[], [thread(1)]]) {
      const body = { arguments: list, after: "end" };
      const response = streamedJson(body, "arguments");
      expect(response.headers.get("content-type")).toBe("application/json");
      expect((await received(response)).text).toBe(JSON.stringify(body));
    }
  });
});
