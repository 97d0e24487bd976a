import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_POLICY, secureSocketAnswers } from "../../server/securityHeaders";

/** Socket.IO wired as server/main.ts wires it, on real HTTP. */
describe("Socket.IO's own answers carry the security headers", () => {
  let http: HttpServer;
  let io: Server;
  let base: string;

  beforeAll(async () => {
    http = createServer((_req, res) => res.end());
    io = new Server(http, {
      serveClient: false,
      allowRequest: (req, answer) => answer(null, req.headers.origin !== "https://evil.test"),
    });
    secureSocketAnswers(http);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    io?.close();
    await new Promise((resolve) => http?.close(resolve));
  });

  const expectDataHeaders = (answer: Response) => {
    expect(answer.headers.get("content-security-policy")).toBe(DATA_POLICY);
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("x-frame-options")).toBe("DENY");
  };

  it("the 400 for an unknown session", async () => {
    const answer = await fetch(`${base}/socket.io/?EIO=4&transport=polling&sid=bogus`);
    expect(answer.status).toBe(400);
    expectDataHeaders(answer);
  });

  it("the 403 of a refused request", async () => {
    const answer = await fetch(`${base}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: "https://evil.test" },
    });
    expect(answer.status).toBe(403);
    expectDataHeaders(answer);
  });

  it("a handshake it accepts", async () => {
    const answer = await fetch(`${base}/socket.io/?EIO=4&transport=polling`);
    expect(answer.status).toBe(200);
    expectDataHeaders(answer);
  });
});
