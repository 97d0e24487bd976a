import { describe, expect, it } from "vitest";
import type { MotionEvent } from "../../lib/protocol";
import { renameAccount } from "../../server/domain/accounts/renameAccount";
import { argumentInput, debate } from "../support/debate";
import { twoPostgresNodes } from "../support/nodes";
import { hear, nextHeard, startRealtime } from "../support/realtime";
import { redisAvailable, redisUrl } from "../support/redis";
import { postgresAvailable } from "../support/stores";

const ready = (await postgresAvailable()) && (await redisAvailable());

// Two nodes as a load balancer would run them: each its own Store on one PostgreSQL database,
// its own Socket.IO server, and the rooms shared through Redis.
describe.skipIf(!ready)("two nodes on PostgreSQL and Redis", () => {
  const nodes = twoPostgresNodes();

  it("SCALE-1: a post made through one node reaches a member connected to the other, once", async () => {
    const d = await debate(nodes.store, "private");
    const [ana, ben] = [await d.member("Ana", "participant"), await d.member("Ben", "participant")];
    const [onA, onB] = [await nodes.a.client(ana), await nodes.b.client(ben)];
    for (const socket of [onA, onB]) {
      expect(
        await socket.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 }),
      ).toMatchObject({ ok: true });
    }
    const seen: MotionEvent[] = [];
    hear(onB, "event", (event) => seen.push(event));
    const arrived = nextHeard(onB, "event", (e) => e.type === "argument.posted");
    const answer = await onA.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite("Trade moved inland by rail.")),
    );
    expect(answer.ok).toBe(true);
    const event = await arrived;
    expect(answer.ok && event.seq).toBe(answer.ok && answer.seq);
    await onB.emitWithAck("motion:leave", { motionId: "00000000-0000-4000-8000-000000000000" });
    expect(seen.filter((e) => e.type === "argument.posted")).toHaveLength(1);
  });

  it("SCALE-2: presence counts the people of both nodes", async () => {
    const d = await debate(nodes.store, "private");
    const [cem, dia] = [await d.member("Cem", "participant"), await d.member("Dia", "observer")];
    const onA = await nodes.a.client(cem);
    await onA.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    const both = nextHeard(onA, "presence:update", (p) => p.people.length === 2);
    const onB = await nodes.b.client(dia);
    await onB.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    expect((await both).people.map((p) => p.name).sort()).toEqual(["Cem", "Dia"]);
  });

  it("SCALE-6, P-PRESENCE-4: a member renamed through one node is named anew in the presence its connection to the other gives", async () => {
    const d = await debate(nodes.store, "private");
    const [eva, fin] = [await d.member("Eva", "participant"), await d.member("Fin", "observer")];
    const onA = await nodes.a.client(fin);
    await onA.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    const onB = await nodes.b.client(eva);
    await onB.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    const renamed = nextHeard(onA, "presence:update", (presence) =>
      presence.people.some((p) => p.name === "Eva Evans"),
    );
    const actor = { kind: "user" as const, id: eva.id, name: eva.name, guestOf: null };
    const outcome = await renameAccount(nodes.store, actor, { name: "Eva Evans" });
    if (!outcome.ok) throw new Error(outcome.error.message);
    nodes.a.publish(outcome.events, outcome.effects);
    expect((await renamed).people.map((p) => p.name).sort()).toEqual(["Eva Evans", "Fin"]);
  });

  it("SCALE-5, P-PRESENCE-3: a node that stops tells the members on the other node who stays", async () => {
    const d = await debate(nodes.store, "private");
    const [eda, fay] = [await d.member("Eda", "participant"), await d.member("Fay", "participant")];
    const stopping = await startRealtime(nodes.storeB, redisUrl);
    const onA = await nodes.a.client(eda);
    const onStopping = await stopping.client(fay);
    try {
      await onA.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
      const both = nextHeard(onA, "presence:update", (p) => p.people.length === 2);
      await onStopping.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
      await both;
      const alone = nextHeard(onA, "presence:update", (p) => p.people.length === 1);
      await stopping.stop();
      expect((await alone).people.map((p) => p.name)).toEqual(["Eda"]);
    } finally {
      onStopping.disconnect();
    }
  });

  it("SCALE-3: a client that moves to the other node replays what it missed from the shared log", async () => {
    const d = await debate(nodes.store, "private");
    const [eda, fia] = [await d.member("Eda", "participant"), await d.member("Fia", "participant")];
    const writer = await nodes.a.client(eda);
    await writer.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    const first = await writer.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    const since = first.ok ? first.seq : 0;
    const posted: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await writer.emitWithAck(
        "argument:post",
        argumentInput(d.motionId, d.cite("Trade moved inland by rail."), { body: `Point ${i}` }),
      );
      if (answer.ok) posted.push(answer.seq);
    }
    const reader = await nodes.b.client(fia);
    const replay = await reader.emitWithAck("motion:join", {
      motionId: d.motionId,
      sinceSeq: since,
    });
    expect(replay.ok && replay.events.map((e) => e.seq)).toEqual(posted);
  });

  it("SCALE-4, P-NOTE-10: a reply made through one node notifies its author connected only to the other", async () => {
    const d = await debate(nodes.store, "private");
    const [gul, han] = [await d.member("Gul", "participant"), await d.member("Han", "participant")];
    const author = await nodes.a.client(gul);
    await author.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    const first = await author.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite("Trade moved inland by rail.")),
    );
    if (!first.ok) throw new Error(first.error.message);
    // The author stays connected to node A (in no motion's room); the reply comes through node B.
    await author.emitWithAck("motion:leave", { motionId: d.motionId });
    const told = nextHeard(author, "notification:push", (n) => n.type === "reply");
    const replier = await nodes.b.client(han);
    const reply = await replier.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite("Trade moved inland by rail."), {
        parentId: first.argument.id,
        relation: "attacks",
      }),
    );
    if (!reply.ok) throw new Error(reply.error.message);
    expect(await told).toMatchObject({
      type: "reply",
      motionId: d.motionId,
      argumentId: reply.argument.id,
      read: false,
    });
  });
});
