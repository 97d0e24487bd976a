import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "../../lib/protocol";
import { closeRedis } from "../../server/closeRedis";
import { rateLimits } from "../../server/rateLimits/limiter";
import { rateLimitStore } from "../../server/rateLimits/redis";
import {
  accountEventBudget,
  connectionBudget,
  defaultRateLimitSettings,
  limitTable,
} from "../../server/rateLimits/table";
import { argumentInput, debate } from "../support/debate";
import { addressRefusalCostsTheAccountNothing } from "../support/rateLimitScenarios";
import { type Client, startRealtime, type TestRealtime } from "../support/realtime";
import { redisAvailable, redisUrl } from "../support/redis";
import { sqliteTestStore, type TestStore } from "../support/stores";

const ready = await redisAvailable();
// An address no other run uses, so what Redis still counts from earlier runs does not matter.
const randomAddress = () =>
  `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

// Two nodes counting on one Redis: one database file is enough for what is counted here.
describe.skipIf(!ready)("rate limits across two nodes sharing Redis", () => {
  let db: TestStore;
  let nodeA: TestRealtime;
  let nodeB: TestRealtime;

  beforeAll(async () => {
    db = await sqliteTestStore();
    nodeA = await startRealtime(db.store, redisUrl);
    nodeB = await startRealtime(db.store, redisUrl);
  });
  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await db?.dispose();
  });

  it("SCALE-RATE-1, P-RATE-1: an account posting through both nodes gets one allowance, not one per node", async () => {
    const d = await debate(db.store);
    const poster = await d.member("Nia", "participant");
    const address = randomAddress();
    const onA = await nodeA.client(poster, address);
    const onB = await nodeB.client(poster, address);
    const answers: Ack[] = [];
    const { perAccount } = limitTable.posts;
    for (let i = 0; i < perAccount + 2; i++) {
      const socket = i % 2 === 0 ? onA : onB;
      answers.push(
        await socket.emitWithAck(
          "argument:post",
          argumentInput(d.motionId, d.cite("Trade moved inland by rail."), { body: `Point ${i}` }),
        ),
      );
    }
    const codes = answers.map((a) => (a.ok ? "ok" : a.error.code));
    expect(codes).toEqual([...Array(perAccount).fill("ok"), "rate_limited", "rate_limited"]);
    const last = answers.at(-1);
    expect(last?.ok === false && last.error.retryAfterMs).toBeGreaterThan(0);
  });

  it("SCALE-RATE-2, P-RATE-2: the per-second event budgets are counted on each node: spent on one, the account's events to the other are handled", async () => {
    const d = await debate(db.store);
    const reader = await d.member("Oma", "participant");
    const address = randomAddress();
    // Connections to node A, each within its own budget, together past the account's there.
    const { perConnection } = connectionBudget;
    const onA: Client[] = [];
    for (let i = 0; i <= accountEventBudget.perAccount / perConnection; i++) {
      onA.push(await nodeA.client(reader, address));
    }
    const mark = (socket: Client) =>
      socket.emitWithAck("motion:read", { motionId: d.motionId, seq: 0 });
    const onNodeA = await Promise.all(
      onA.flatMap((socket) => Array.from({ length: perConnection }, () => mark(socket))),
    );
    const refused = onNodeA.flatMap((a) => (a.ok ? [] : [a.error.message]));
    expect(refused.length).toBeGreaterThan(0);
    for (const message of refused) expect(message).toMatch(/requests from you/);
    const onB = await nodeB.client(reader, address);
    const onNodeB = await Promise.all(Array.from({ length: 10 }, () => mark(onB)));
    expect(onNodeB.map((a) => (a.ok ? "ok" : a.error.code))).toEqual(Array(10).fill("ok"));
  });

  it("SCALE-RATE-3, P-RATE-1: counted in Redis, a post refused because the address is full does not count against the account, nor one refused for the account against the address", async () => {
    const store = await rateLimitStore(redisUrl);
    try {
      await addressRefusalCostsTheAccountNothing(
        rateLimits(defaultRateLimitSettings, store),
        randomAddress(),
        randomAddress(),
      );
    } finally {
      await closeRedis(store);
    }
  });
});
