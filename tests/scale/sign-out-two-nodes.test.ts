import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPgStore } from "../../db/pg/store";
import type { Store } from "../../db/store";
import { actorFromHeaders } from "../../server/auth/session";
import { endAllSessions } from "../../server/domain/accounts/sessions";
import { anonymousActor } from "../../server/policy";
import { actorOf, debate } from "../support/debate";
import { testAuthSecret } from "../support/people";
import { type Client, startRealtime, type TestRealtime } from "../support/realtime";
import { redisAvailable, redisUrl } from "../support/redis";
import { postgresAvailable, postgresTestStore } from "../support/stores";

const ready = (await postgresAvailable()) && (await redisAvailable());

const closedByServer = (socket: Client) =>
  new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

// Two nodes as a load balancer would run them, sharing one PostgreSQL database and Redis.
describe.skipIf(!ready)("signing out across two nodes", () => {
  let database: Awaited<ReturnType<typeof postgresTestStore>>;
  let secondStore: Store;
  let nodeA: TestRealtime;
  let nodeB: TestRealtime;

  beforeAll(async () => {
    database = await postgresTestStore();
    secondStore = await openPgStore(database.url);
    nodeA = await startRealtime(database.store, redisUrl);
    nodeB = await startRealtime(secondStore, redisUrl);
  });

  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await secondStore?.close();
    await database?.dispose();
  });

  it("P-AUTH-3: signing out everywhere on one node closes the user's sockets on the other, and its cookie is a visitor's there", async () => {
    const d = await debate(database.store, "private");
    const member = await d.member("Nia Nodes", "participant");
    const onB = await nodeB.client(member);
    expect(
      await onB.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 }),
    ).toMatchObject({ ok: true });
    const closed = closedByServer(onB);

    const outcome = await endAllSessions(database.store, actorOf(member));
    if (!outcome.ok) throw new Error(outcome.error.message);
    nodeA.disconnectSessions(outcome.value.ended);

    expect(await closed).toBe("io server disconnect");
    const headers = new Headers({ cookie: member.cookie });
    expect(await actorFromHeaders(secondStore, headers, testAuthSecret)).toEqual(anonymousActor);
  });
});
