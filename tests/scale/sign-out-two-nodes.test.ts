import { describe, expect, it } from "vitest";
import { actorFromHeaders } from "../../server/auth/session";
import { endAllSessions } from "../../server/domain/accounts/sessions";
import { anonymousActor } from "../../server/policy";
import { actorOf, debate } from "../support/debate";
import { twoPostgresNodes } from "../support/nodes";
import { testAuthSecret } from "../support/people";
import type { Client } from "../support/realtime";
import { redisAvailable } from "../support/redis";
import { postgresAvailable } from "../support/stores";

const ready = (await postgresAvailable()) && (await redisAvailable());

const closedByServer = (socket: Client) =>
  new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

// Two nodes as a load balancer would run them, sharing one PostgreSQL database and Redis.
describe.skipIf(!ready)("signing out across two nodes", () => {
  const nodes = twoPostgresNodes();

  it("P-AUTH-3: signing out everywhere on one node closes the user's sockets on the other, and its cookie is a visitor's there", async () => {
    const d = await debate(nodes.store, "private");
    const member = await d.member("Nia Nodes", "participant");
    const onB = await nodes.b.client(member);
    expect(
      await onB.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 }),
    ).toMatchObject({ ok: true });
    const closed = closedByServer(onB);

    const outcome = await endAllSessions(nodes.store, actorOf(member));
    if (!outcome.ok) throw new Error(outcome.error.message);
    nodes.a.disconnectSessions(outcome.value.ended);

    expect(await closed).toBe("io server disconnect");
    const headers = new Headers({ cookie: member.cookie });
    expect(await actorFromHeaders(nodes.storeB, headers, testAuthSecret)).toEqual(anonymousActor);
  });
});
