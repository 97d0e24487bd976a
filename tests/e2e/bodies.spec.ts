import { type APIRequestContext, expect, test } from "@playwright/test";
import { filler, sendBody } from "../support/rawHttp";
import { apiAccount } from "./pages/apiAccount";

// Bodies against the real server (server/main.ts in front of Next), over raw HTTP: Playwright's
// own client cannot send a body piece by piece or stop when the answer comes.

const MB = 1024 * 1024;

/** Signs up and in as Auth.js clients do; the Cookie header that carries the session. */
const member = (request: APIRequestContext) =>
  apiAccount(request, {
    name: "Dana",
    email: `bodies-${Date.now()}@school.test`,
    password: "danas long password",
  });

test("a visitor's 100 MB chunked argument is refused with 401 before it is read", async ({
  request,
  baseURL,
}) => {
  const [motion] = await (await request.get("/api/motions")).json();
  const answer = await sendBody(`${baseURL}/api/motions/${motion.id}/arguments`, {
    headers: { "content-type": "application/json" },
    body: filler(100 * MB),
  });
  expect(answer.status).toBe(401);
  expect(JSON.parse(answer.body).error.code).toBe("unauthenticated");
  expect(answer.sent).toBeLessThan(100 * MB);
});

test("a member's 70 KB argument is refused with 413; a small one reaches the route", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const cookie = await member(request);
  const [motion] = await (await request.get("/api/motions")).json();
  const url = `${baseURL}/api/motions/${motion.id}/arguments`;
  const headers = { cookie, "content-type": "application/json" };
  const huge = Buffer.from(JSON.stringify({ relation: "for", body: "a".repeat(70 * 1024) }));
  for (const length of [undefined, huge.length]) {
    const answer = await sendBody(url, { headers, body: [huge], length });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
  }
  // Read whole and parsed by the route (which names the bad field), without posting anything.
  const small = Buffer.from(JSON.stringify({ relation: "sideways", body: "Bodies are capped." }));
  const read = await sendBody(url, { headers, body: [small.subarray(0, 9), small.subarray(9)] });
  expect(read.status).toBe(400);
  expect(JSON.parse(read.body).error.message).toContain("relation");
  await request.dispose();
});

test("an 11 MB document upload is refused with 413", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const cookie = await member(request);
  const space = await (await request.post("/api/spaces", { data: { name: "Big files" } })).json();
  const boundary = "moot-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const answer = await sendBody(`${baseURL}/api/spaces/${space.id}/documents`, {
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: [head, ...filler(11 * MB)],
  });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body).error).toEqual({
    code: "payload_too_large",
    message: "The file is larger than 10 MB.",
  });
  await request.dispose();
});
