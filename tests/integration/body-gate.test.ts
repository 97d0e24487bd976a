import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyGate } from "../../server/bodyGate";
import { rateLimits } from "../../server/rateLimits/limiter";
import { type Person, person, testAuthSecret } from "../support/people";
import { filler, sendBody } from "../support/rawHttp";
import { sqliteTestStore, type TestStore } from "../support/stores";

const MB = 1024 * 1024;
const id = "00000000-0000-4000-8000-000000000000";
const arguments_ = `/api/motions/${id}/arguments`;

/**
 * The gate in front of a stand-in for Next that says what body it got, on real HTTP: the real
 * server puts the same gate in front of Next (tests/e2e/bodies.spec.ts asks that one).
 */
describe("request bodies are capped before they are read", () => {
  let db: TestStore;
  let server: Server;
  let base: string;
  let member: Person;
  const reached: string[] = [];
  /** How many bytes the server had taken off each connection when it answered, by path. */
  const readWhenAnswered = new Map<string, number>();

  beforeAll(async () => {
    db = await sqliteTestStore();
    member = await person(db.store, "Member");
    // Three uploads per account, so the limit is met within a test.
    const limits = rateLimits({ factor: 1, counts: { uploads: 3 } });
    const gate = bodyGate({ store: db.store, authSecret: testAuthSecret, limits });
    server = createServer((req, res) => {
      // A kept-alive connection counts the bytes of every request it carried: take the difference.
      const before = req.socket.bytesRead;
      res.on("finish", () => readWhenAnswered.set(req.url ?? "", req.socket.bytesRead - before));
      void gate(req, res).then(async (bounded) => {
        if (!bounded) return;
        reached.push(`${bounded.method} ${bounded.url}`);
        const body = await bytesOf(bounded);
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ bytes: body.length, sha256: sha256(body) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await db?.dispose();
  });

  const json = (text: string) => JSON.parse(text);

  it("a visitor's 100 MB chunked post to a command is refused with 401 before it is read", async () => {
    const answer = await sendBody(`${base}${arguments_}`, { body: filler(100 * MB) });
    expect(answer.status).toBe(401);
    expect(json(answer.body).error.code).toBe("unauthenticated");
    expect(answer.sent).toBeLessThan(100 * MB);
    expect(reached).not.toContain(`POST ${arguments_}`);
  });

  it("a visitor's write without a body is refused too, and reads pass", async () => {
    const write = await sendBody(`${base}/api/spaces/${id}/read`, { body: [] });
    expect(write.status).toBe(401);
    const read = await sendBody(`${base}/api/motions`, { method: "GET", body: [] });
    expect(read.status).toBe(200);
  });

  it("a member's 70 KB command is refused with 413, chunked or with its length said", async () => {
    const cookie = { cookie: member.cookie };
    const chunked = await sendBody(`${base}${arguments_}`, {
      headers: cookie,
      body: filler(70 * 1024, 1024),
    });
    const declared = await sendBody(`${base}${arguments_}`, {
      headers: cookie,
      body: filler(70 * 1024, 1024),
      length: 70 * 1024,
    });
    for (const answer of [chunked, declared]) {
      expect(answer.status).toBe(413);
      expect(json(answer.body).error).toEqual({
        code: "payload_too_large",
        message: "The request is larger than 64 KB.",
      });
    }
    expect(reached).not.toContain(`POST ${arguments_}`);
  });

  it("a member's command up to 64 KB reaches the route byte for byte", async () => {
    const body = Buffer.from(JSON.stringify({ body: "é".repeat(30_000) }));
    expect(body.length).toBeLessThanOrEqual(64 * 1024);
    const answer = await sendBody(`${base}${arguments_}`, {
      headers: { cookie: member.cookie, "content-type": "application/json" },
      body: [body.subarray(0, 1000), body.subarray(1000)],
    });
    expect(answer.status).toBe(200);
    expect(json(answer.body)).toEqual({ bytes: body.length, sha256: sha256(body) });
  });

  it("an 11 MB document upload is refused with 413; one of 9 MB reaches the route whole", async () => {
    const upload = `${base}/api/spaces/${id}/documents`;
    const headers = { cookie: member.cookie, "content-type": "multipart/form-data; boundary=x" };
    const big = await sendBody(upload, { headers, body: filler(11 * MB + 1) });
    expect(big.status).toBe(413);
    expect(json(big.body).error.message).toBe("The file is larger than 10 MB.");
    const fine = await sendBody(upload, { headers, body: filler(9 * MB) });
    expect(fine.status).toBe(200);
    expect(json(fine.body).bytes).toBe(9 * MB);
  });

  it("a visitor cannot pass as Auth.js with dot segments, encoded or not", async () => {
    for (const path of [
      `/api/auth/..${arguments_}`,
      `/api/auth/%2e%2e${arguments_}`,
      `/api/auth/%2E%2E/..${arguments_}`,
      `/api/motions/${id}/../../auth/../motions/${id}/arguments`,
      `//api//motions/${id}/arguments/`,
    ]) {
      const answer = await sendBody(`${base}${path}`, { body: filler(1024) });
      expect(answer.status, path).toBe(401);
    }
    expect(reached.filter((line) => /\.\.|%2e|\/\//i.test(line))).toEqual([]);
  });

  it("the uploads limit is counted before a file is read: the fourth 5 MB import is refused unread", async () => {
    const uploader = await person(db.store, "Uploader");
    const importing = `${base}/api/spaces/${id}/import`;
    const headers = { cookie: uploader.cookie };
    for (let i = 0; i < 3; i++) {
      expect((await sendBody(importing, { headers, body: filler(1024) })).status).toBe(200);
    }
    const refused = await sendBody(importing, { headers, body: filler(5 * MB), length: 5 * MB });
    expect(refused.status).toBe(429);
    expect(json(refused.body).error.code).toBe("rate_limited");
    expect(refused.headers["retry-after"]).toMatch(/^\d+$/);
    // The client may hand all 5 MB to the kernel's buffers before the answer comes; what counts is
    // that the server took almost none of it off the connection.
    expect(readWhenAnswered.get(`/api/spaces/${id}/import`)).toBeLessThan(MB);
  });

  it("a third large body of one account while two are being sent is refused with 429 before it is read", async () => {
    const teacher = await person(db.store, "Teacher");
    const importing = `${base}/api/spaces/${id}/import`;
    const headers = { cookie: teacher.cookie, "content-length": 5 * MB };
    // Two imports that start and never finish: each holds its place.
    const hanging = [0, 1].map(() => {
      const req = request(importing, { method: "POST", headers });
      req.on("error", () => {});
      req.write(Buffer.alloc(64 * 1024, "a"));
      return req;
    });
    let third = await sendBody(importing, { headers: { cookie: teacher.cookie }, body: [] });
    while (third.status !== 429) {
      third = await sendBody(importing, { headers: { cookie: teacher.cookie }, body: [] });
    }
    expect(json(third.body).error.message).toMatch(/Too many files are being sent/);
    expect(third.headers["retry-after"]).toMatch(/^\d+$/);
    for (const req of hanging) req.destroy();
  });

  it("visitors sign in, sign up, join and use the pages' forms with their bodies", async () => {
    const form = Buffer.from("email=kim%40example.test&password=secret");
    for (const path of [
      "/api/auth/callback/credentials",
      "/api/users",
      "/api/spaces/join",
      "/signin",
    ]) {
      const answer = await sendBody(`${base}${path}`, { body: [form], length: form.length });
      expect(answer.status, path).toBe(200);
      expect(json(answer.body).bytes, path).toBe(form.length);
    }
    const tooBig = await sendBody(`${base}/signin`, { body: filler(70 * 1024) });
    expect(tooBig.status).toBe(413);
  });
});

async function bytesOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
