import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES, MAX_PAYLOAD_BYTES, payloadBytes } from "../../lib/protocol";
import { liveSuite } from "../support/realtime";

const post = (body: string) => ({
  motionId: "00000000-0000-4000-8000-000000000000",
  clientId: crypto.randomUUID(),
  relation: "for" as const,
  body,
});

describe("the size of a Socket.IO message", () => {
  const suite = liveSuite();

  it("P-SIZE-1: a command as large as a post may be is answered", async () => {
    const socket = await suite.server.client();
    const largest = post("a".repeat(MAX_PAYLOAD_BYTES - 200));
    expect(payloadBytes(largest)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const answer = await socket.emitWithAck("argument:post", largest);
    expect(answer.ok).toBe(false);
    expect(socket.connected).toBe(true);
  });

  it("P-SIZE-1: a message over 64 KB closes the connection unanswered", async () => {
    const socket = await suite.server.client();
    const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    let answered = false;
    socket.emit("argument:post", post("a".repeat(MAX_MESSAGE_BYTES + 1)), () => {
      answered = true;
    });
    expect(await closed).toMatch(/transport (close|error)/);
    expect(answered).toBe(false);
  });
});
