import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as renameRoute } from "../../app/api/me/route";
import { POST as postArgumentRoute } from "../../app/api/motions/[id]/arguments/route";
import { POST as joinRoute } from "../../app/api/spaces/join/route";
import { POST as createSpaceRoute } from "../../app/api/spaces/route";
import { POST as signUpRoute } from "../../app/api/users/route";
import type { Ack } from "../../lib/protocol";
import { CLIENT_ADDRESS_HEADER } from "../../server/auth/address";
import { createSpace } from "../../server/domain/spaces/createSpace";
import { anonymousActor, systemActor } from "../../server/policy";
import { rateLimits } from "../../server/rateLimits/limiter";
import { accountEventBudget, failedAttempts, limitTable } from "../../server/rateLimits/table";
import { argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { addressRefusalCostsTheAccountNothing } from "../support/rateLimitScenarios";
import { type Client, startRealtime, type TestRealtime } from "../support/realtime";
import { setTestRuntime } from "../support/runtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

// The limits under test are the defaults a real class meets: none of them is scaled here.
const posts = limitTable.posts;
const quote = "Trade moved inland by rail.";

/** A request as the custom server hands it on: with the client's address in its header. */
function request(path: string, address: string, body: unknown, cookie?: string, method = "POST") {
  return new Request(`http://localhost${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      [CLIENT_ADDRESS_HEADER]: address,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
}

/** An address of its own per test, so no test spends another's allowance. */
let addresses = 0;
const freshAddress = () => `10.20.${Math.floor(++addresses / 250)}.${addresses % 250}`;

const codeOf = (answer: Ack) => (answer.ok ? "ok" : answer.error.code);

describe("rate limits", () => {
  let db: TestStore;
  let server: TestRealtime;

  beforeAll(async () => {
    db = await sqliteTestStore();
    server = await startRealtime(db.store);
    const { publish, disconnectSessions, limits } = server;
    setTestRuntime(db.store, { publish, disconnectSessions, limits });
  });
  afterAll(async () => {
    await server?.close();
    await db?.dispose();
  });

  async function joined(who: { cookie: string }, motionId: string, address: string) {
    const socket = await server.client(who, address);
    expect(await socket.emitWithAck("motion:join", { motionId, sinceSeq: 0 })).toMatchObject({
      ok: true,
    });
    return socket;
  }

  it("P-RATE-1: a flooding socket is answered rate_limited with retryAfterMs while a classmate behind the same address still posts", async () => {
    const d = await debate(db.store);
    const school = freshAddress();
    const [flooder, classmate] = [
      await d.member("Flo", "participant"),
      await d.member("Cam", "participant"),
    ];
    const flooding = await joined(flooder, d.motionId, school);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        flooding.emitWithAck(
          "argument:post",
          argumentInput(d.motionId, d.cite(quote), { body: `Spam ${i}` }),
        ),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(posts.perAccount);
    const refusals = answers.flatMap((a) => (a.ok ? [] : [a.error]));
    expect(refusals).toHaveLength(40 - posts.perAccount);
    for (const refusal of refusals) {
      expect(refusal.code).toBe("rate_limited");
      expect(refusal.message).toMatch(/try again in \d+ s\./);
      expect(refusal.retryAfterMs).toBeGreaterThan(0);
      expect(refusal.retryAfterMs).toBeLessThanOrEqual(posts.windowSeconds * 1000);
    }

    const posting = await joined(classmate, d.motionId, school);
    for (let i = 0; i < 3; i++) {
      const answer = await posting.emitWithAck(
        "argument:post",
        argumentInput(d.motionId, d.cite(quote), { body: `A real point ${i}` }),
      );
      expect(codeOf(answer)).toBe("ok");
    }
    expect(await db.store.motions.arguments(d.motionId)).toHaveLength(posts.perAccount + 3);
  });

  it("P-RATE-1, P-RATE-2: past its account's post limit a connection is refused for the limit before anything else, and not read again for the wait", async () => {
    const d = await debate(db.store);
    const poster = await d.member("Pax", "participant");
    const socket = await joined(poster, d.motionId, freshAddress());
    for (let i = 0; i < posts.perAccount; i++) {
      const answer = await socket.emitWithAck(
        "argument:post",
        argumentInput(d.motionId, d.cite(quote), { body: `Point ${i}` }),
      );
      expect(codeOf(answer)).toBe("ok");
    }
    // A post read while its count is under way is still refused for the limit, not its input.
    const broken = { motionId: d.motionId, clientId: crypto.randomUUID() } as never;
    const refused = await socket.emitWithAck("argument:post", broken);
    expect(refused.ok === false && refused.error.code).toBe("rate_limited");
    const refusedAt = Date.now();
    // The wait is most of the window: the connection is read again after 5 s, not before.
    const mark = await socket.emitWithAck("motion:read", { motionId: d.motionId, seq: 0 });
    expect(codeOf(mark)).toBe("ok");
    expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(4_500);
    expect(await db.store.motions.arguments(d.motionId)).toHaveLength(posts.perAccount);
  });

  it("P-RATE-1: votes and ratings have their own limit, apart from posts", async () => {
    const d = await debate(db.store);
    const voter = await d.member("Val", "participant");
    const address = freshAddress();
    // Two tabs of one account: the limit is the account's, whichever connection votes.
    const [first, second] = [
      await joined(voter, d.motionId, address),
      await joined(voter, d.motionId, address),
    ];
    const answers: Ack[] = [];
    for (let i = 0; i <= limitTable.votes.perAccount; i++) {
      answers.push(
        await (i % 2 === 0 ? first : second).emitWithAck("motion:vote", {
          motionId: d.motionId,
          clientId: crypto.randomUUID(),
          phase: "before",
          stance: i % 2 === 0 ? "for" : "against",
        }),
      );
    }
    expect(answers.map(codeOf)).toEqual([
      ...Array(limitTable.votes.perAccount).fill("ok"),
      "rate_limited",
    ]);
    const post = await first.emitWithAck("argument:post", argumentInput(d.motionId, d.cite(quote)));
    expect(codeOf(post)).toBe("ok");
  });

  it("P-RATE-2: one connection's events past its budget are refused through their ack; what it sends next is handled once its second is over", async () => {
    const d = await debate(db.store);
    const reader = await d.member("Rae", "participant");
    const address = freshAddress();
    const socket: Client = await server.client(reader, address);
    // Within its family's limit, a mark past the connection's budget is refused all the same.
    const marks = await Promise.all(
      Array.from({ length: 30 }, () =>
        socket.emitWithAck("motion:read", { motionId: d.motionId, seq: 0 }),
      ),
    );
    const refused = marks.flatMap((a) => (a.ok || a.error.code !== "rate_limited" ? [] : [a]));
    expect(refused).toHaveLength(10);
    for (const { error } of refused) {
      expect(error.retryAfterMs).toBeGreaterThan(0);
      expect(error.retryAfterMs).toBeLessThanOrEqual(1000);
    }

    // The connection is not read until its window is over; then it is served again.
    const later = await socket.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite(quote)),
    );
    expect(codeOf(later)).toBe("ok");

    // The same person's other connection has a budget of its own.
    const other = await joined(reader, d.motionId, address);
    const post = await other.emitWithAck("argument:post", argumentInput(d.motionId, d.cite(quote)));
    expect(codeOf(post)).toBe("ok");
  });

  it("P-RATE-3: over REST a post past the limit is answered 429 with Retry-After and the same body", async () => {
    const d = await debate(db.store);
    const poster = await d.member("Rex", "participant");
    const address = freshAddress();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i <= posts.perAccount; i++) {
      last = await postArgumentRoute(
        request(
          `/api/motions/${d.motionId}/arguments`,
          address,
          argumentInput(d.motionId, d.cite(quote), { body: `Point ${i}` }),
          poster.cookie,
        ),
        { params: Promise.resolve({ id: d.motionId }) },
      );
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(posts.perAccount).fill(201), 429]);
    const body = await last?.json();
    expect(body.error).toMatchObject({ code: "rate_limited", retryAfterMs: expect.any(Number) });
    const retryAfter = Number(last?.headers.get("retry-after"));
    expect(retryAfter).toBe(Math.ceil(body.error.retryAfterMs / 1000));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(posts.windowSeconds);
  });

  it("new spaces past an account's limit are answered 429, and nothing more is made", async () => {
    const d = await debate(db.store);
    const teacher = await d.member("Tess", "owner");
    const address = freshAddress();
    const { perAccount } = limitTable.creations;
    const statuses: number[] = [];
    for (let i = 0; i <= perAccount; i++) {
      const answer = await createSpaceRoute(
        request(
          "/api/spaces",
          address,
          { clientId: crypto.randomUUID(), name: `Class ${i}` },
          teacher.cookie,
        ),
      );
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([...Array(perAccount).fill(201), 429]);
    const spaces = await db.store.spaces.listReadable(teacher.id);
    expect(spaces.filter(({ space }) => space.name.startsWith("Class "))).toHaveLength(perAccount);
  });

  it("name changes past an account's limit are answered 429, and the name stays the last one allowed", async () => {
    const d = await debate(db.store);
    const ada = await d.member("Ada", "participant");
    const address = freshAddress();
    const { perAccount } = limitTable.names;
    const statuses: number[] = [];
    for (let i = 0; i <= perAccount; i++) {
      const body = { name: `Ada ${i}` };
      const answer = await renameRoute(request("/api/me", address, body, ada.cookie, "PATCH"));
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([...Array(perAccount).fill(200), 429]);
    expect((await db.store.users.get(ada.id))?.name).toBe(`Ada ${perAccount - 1}`);
  });

  it("40 students joining by one code from one school address within a minute all get in", async () => {
    const { joinCode } = await must(
      createSpace(db.store, systemActor, { name: "Year 9 History", visibility: "private" }),
    );
    const school = freshAddress();
    const join = (guestName: string, address = school) =>
      joinRoute(request("/api/spaces/join", address, { code: joinCode, guestName }));
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await join(`Student ${i}`)).status);
    expect(statuses).toEqual(Array(40).fill(200));

    // Several classes' worth come in from that address; past that, the next is told when.
    const { perAddress, windowSeconds } = limitTable.guestJoins;
    for (let i = 40; i < perAddress; i++) expect((await join(`Student ${i}`)).status).toBe(200);
    const refused = await join("One too many");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(windowSeconds);
    expect((await refused.json()).error.message).toMatch(/guest joins from your network/);
    expect((await join("Another school", freshAddress())).status).toBe(200);
  });

  it("junk sign-ups do not use up a school's sign-ups: past 30 failures in a minute the address waits out the minute", async () => {
    const address = freshAddress();
    // Tries without a password fail before any hashing.
    for (let i = 0; i < failedAttempts.perAddress; i++) {
      const tried = await signUpRoute(
        request("/api/users", address, { name: "Bot", email: `bot${i}@example.test` }),
      );
      expect(tried.status).toBe(400);
    }
    const person = { name: "Real Person", email: "real@example.test", password: "a long password" };
    const refused = await signUpRoute(request("/api/users", address, person));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(
      failedAttempts.windowSeconds,
    );
    expect((await refused.json()).error.message).toMatch(/failed tries from your network/);
    const elsewhere = await signUpRoute(request("/api/users", freshAddress(), person));
    expect(elsewhere.status).toBe(201);
  });

  it("P-RATE-1: a post refused because the address is full does not count against the account, nor one refused for the account against the address", async () => {
    await addressRefusalCostsTheAccountNothing(rateLimits(), freshAddress(), freshAddress());
  });

  it("an address's sign-ups and guest joins count only those that succeeded", async () => {
    const limits = rateLimits({ factor: 1, counts: { signUps: 2, guestJoins: 2 } });
    const visitor = anonymousActor;
    for (const family of ["signUps", "guestJoins"] as const) {
      const address = freshAddress();
      for (let i = 0; i < failedAttempts.perAddress - 1; i++) {
        expect(await limits.consume(family, visitor, address)).toBeNull();
        await limits.settle(family, address, false);
      }
      for (let i = 0; i < 2; i++) {
        expect(await limits.consume(family, visitor, address)).toBeNull();
        await limits.settle(family, address, true);
      }
      const refused = await limits.consume(family, visitor, address);
      expect(refused?.error.message).toMatch(
        new RegExp(`${limitTable[family].what} from your network`),
      );
    }
  });

  it("P-RATE-2: fifty sockets of one account flooding read marks get one account's budget, and a classmate behind the same address still posts", async () => {
    const d = await debate(db.store);
    const school = freshAddress();
    const [flooder, classmate] = [
      await d.member("Fifty", "participant"),
      await d.member("Cleo", "participant"),
    ];
    const sockets = await Promise.all(
      Array.from({ length: 50 }, () => server.client(flooder, school)),
    );
    const marks = await Promise.all(
      sockets.flatMap((socket) =>
        Array.from({ length: 20 }, () =>
          socket.emitWithAck("motion:read", { motionId: d.motionId, seq: 0 }),
        ),
      ),
    );
    const handled = marks.filter((a) => a.ok || a.error.code !== "rate_limited");
    // Without a budget per account 1,000 writes would have gone through: 50 connections' worth.
    expect(handled.length).toBeLessThanOrEqual(limitTable.marks.perAccount);
    expect(handled.length).toBeGreaterThanOrEqual(accountEventBudget.perAccount);

    const posting = await joined(classmate, d.motionId, school);
    const answer = await posting.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite(quote), { body: "Still here" }),
    );
    expect(codeOf(answer)).toBe("ok");
    for (const socket of sockets) socket.disconnect();
  });
});
