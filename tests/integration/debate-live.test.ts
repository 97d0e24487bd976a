import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import type { ArgumentView } from "../../lib/debate";
import type { MotionEvent, Presence } from "../../lib/protocol";
import { changeMotionStatus } from "../../server/domain/debate/lifecycle";
import { muteMember } from "../../server/domain/spaces/members";
import { BUSY_ROOM, BUSY_ROOM_EVERY_MS } from "../../server/realtime/motion";
import { actorOf, argumentInput, debate } from "../support/debate";
import type { Person } from "../support/people";
import { type Client, hear, liveSuite, nextHeard, startRealtime } from "../support/realtime";

type Debate = Awaited<ReturnType<typeof debate>>;

const trade = "Trade moved inland by rail.";
const nobody = "Nobody expected the rail line to pay for itself.";

describe("live debate over Socket.IO", () => {
  const suite = liveSuite();

  /** A real client, signed in as `who` (or a visitor without a session). */
  const client = (who?: Person) => suite.server.client(who);

  /** Every motion event the socket receives from now on, in order of arrival. */
  function received(socket: Client): MotionEvent[] {
    const events: MotionEvent[] = [];
    hear(socket, "event", (event) => events.push(event));
    return events;
  }

  /**
   * A round trip through the suite.server. Events published before it was sent reach the socket
   * before its answer, so afterwards "nothing arrived" means nothing was sent.
   */
  async function roundTrip(socket: Client) {
    const answer = await socket.emitWithAck("motion:leave", { motionId: "round-trip" });
    expect(answer).toEqual({ ok: true });
  }

  async function join(socket: Client, motionId: string, sinceSeq = 0) {
    const answer = await socket.emitWithAck("motion:join", { motionId, sinceSeq });
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer;
  }

  async function post(socket: Client, d: Debate, change: Parameters<typeof argumentInput>[2] = {}) {
    const answer = await socket.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite(trade), change),
    );
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer;
  }

  const argumentOf = (event: MotionEvent) => (event.data as { argument: ArgumentView }).argument;

  it("P-CMD-1: two members see each other's posts live", async () => {
    const d = await debate(suite.db.store, "private");
    const alice = await d.member("Alice", "participant");
    const bob = await d.member("Bob", "participant");
    const [aliceSocket, bobSocket] = [await client(alice), await client(bob)];
    const { seq } = await join(aliceSocket, d.motionId);
    await join(bobSocket, d.motionId, seq);

    const bobHears = nextHeard(bobSocket, "event");
    const aliceHears = nextHeard(aliceSocket, "event");
    const claim = await post(aliceSocket, d, { body: "Rail carried the harbour's trade." });
    const heardByBob = await bobHears;
    expect(await aliceHears).toEqual(heardByBob);
    expect(heardByBob).toMatchObject({
      motionId: d.motionId,
      seq: claim.seq,
      type: "argument.posted",
      actor: alice.id,
    });
    expect(argumentOf(heardByBob)).toEqual(claim.argument);
    expect(claim.argument).toMatchObject({
      body: "Rail carried the harbour's trade.",
      author: { id: alice.id, name: "Alice" },
      citations: [{ ...d.cite(trade), versionId: d.versionId }],
    });

    const aliceHearsReply = nextHeard(aliceSocket, "event");
    const reply = await post(bobSocket, d, {
      parentId: claim.argument.id,
      relation: "attacks",
      body: "Nobody expected it to pay.",
      citations: [d.cite(nobody)],
    });
    const heardByAlice = await aliceHearsReply;
    expect(heardByAlice).toMatchObject({
      seq: claim.seq + 1,
      type: "argument.posted",
      actor: bob.id,
    });
    expect(argumentOf(heardByAlice)).toMatchObject({
      id: reply.argument.id,
      parentId: claim.argument.id,
      relation: "attacks",
      author: { id: bob.id, name: "Bob" },
    });
  });

  it("P-CMD-2: a client that drops while 20 events happen gets exactly those 20 on rejoin, in order, once", async () => {
    const d = await debate(suite.db.store, "private");
    const alice = await d.member("Alice", "participant");
    const bob = await d.member("Bob", "participant");
    const [aliceSocket, bobSocket] = [await client(alice), await client(bob)];
    const live = received(aliceSocket);
    let lastSeq = (await join(aliceSocket, d.motionId)).seq;
    await join(bobSocket, d.motionId, lastSeq);
    const first = await post(bobSocket, d, { body: "Before the drop." });
    await roundTrip(aliceSocket);
    expect(live.map((e) => e.seq)).toEqual([first.seq]);
    lastSeq = live.at(-1)?.seq ?? lastSeq;

    aliceSocket.disconnect();
    // The class goes on without her: four classmates post five arguments each, in turn.
    const classmates = [bobSocket];
    for (const name of ["Cleo", "Dima", "Emre"])
      classmates.push(await client(await d.member(name, "participant")));
    const missed: { seq: number; id: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = classmates[i % classmates.length] ?? bobSocket;
      const { seq, argument } = await post(socket, d, { body: `While Alice was away, ${i}` });
      missed.push({ seq, id: argument.id });
    }
    const reconnected = new Promise<void>((resolve) => aliceSocket.once("connect", resolve));
    aliceSocket.connect();
    await reconnected;
    const rejoin = await join(aliceSocket, d.motionId, lastSeq);

    expect(rejoin).toMatchObject({ ok: true, motionId: d.motionId, reload: false });
    expect(rejoin.seq).toBe(lastSeq + 20);
    expect(rejoin.events.map((e) => e.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => lastSeq + i + 1),
    );
    expect(rejoin.events.map((e) => ({ seq: e.seq, id: argumentOf(e).id }))).toEqual(missed);
    expect(new Set(rejoin.events.map((e) => e.type))).toEqual(new Set(["argument.posted"]));

    // Nothing of the twenty arrives live as well; what happens next does, once.
    const after = await post(bobSocket, d, { body: "After Alice came back." });
    await roundTrip(aliceSocket);
    expect(live.map((e) => e.seq)).toEqual([first.seq, after.seq]);
    expect(after.seq).toBe(rejoin.seq + 1);
  });

  it("P-CMD-3: a retried clientId stores one argument and publishes once", async () => {
    const d = await debate(suite.db.store, "private");
    const alice = await d.member("Alice", "participant");
    const bob = await d.member("Bob", "participant");
    const [aliceSocket, bobSocket] = [await client(alice), await client(bob)];
    const watching = received(aliceSocket);
    const { seq } = await join(aliceSocket, d.motionId);
    const posterSees = received(bobSocket);
    await join(bobSocket, d.motionId, seq);
    const input = argumentInput(d.motionId, d.cite(trade), { clientId: "flaky-network-1" });

    // Sent twice before the first answer, as a client retrying a slow post does; then again.
    const answers = await Promise.all([
      bobSocket.emitWithAck("argument:post", input),
      bobSocket.emitWithAck("argument:post", input),
    ]);
    answers.push(await bobSocket.emitWithAck("argument:post", input));

    const [original] = answers;
    if (!original?.ok) throw new Error("the post was refused");
    for (const answer of answers) expect(answer).toEqual(original);
    expect(original.seq).toBe(seq + 1);
    await roundTrip(aliceSocket);
    await roundTrip(bobSocket);
    for (const events of [watching, posterSees]) {
      expect(events.map((e) => [e.seq, e.type, argumentOf(e).id])).toEqual([
        [original.seq, "argument.posted", original.argument.id],
      ]);
    }
    expect((await suite.db.store.motions.arguments(d.motionId)).map((a) => a.id)).toEqual([
      original.argument.id,
    ]);
    expect((await suite.db.store.motions.get(d.motionId))?.lastSeq).toBe(original.seq);
  });

  it("P-CMD-3: a post sent again after its sender was muted and the motion closed answers what the first stored; a new one is refused", async () => {
    const d = await debate(suite.db.store, "private");
    const teacher = actorOf(await d.member("Tess Teacher", "owner"));
    const bob = await d.member("Bob", "participant");
    const bobSocket = await client(bob);
    await join(bobSocket, d.motionId);
    const input = argumentInput(d.motionId, d.cite(trade), { clientId: "answer-lost-1" });
    const first = await bobSocket.emitWithAck("argument:post", input);
    if (!first.ok) throw new Error(first.error.message);

    const muted = await muteMember(suite.db.store, teacher, {
      spaceId: d.spaceId,
      userId: bob.id,
      muted: true,
    });
    expect(muted).toMatchObject({ ok: true });
    const closed = await changeMotionStatus(suite.db.store, teacher, {
      motionId: d.motionId,
      clientId: crypto.randomUUID(),
      status: "closed",
    });
    expect(closed).toMatchObject({ ok: true });

    // The page re-sends the post whose answer its dropped connection lost: it was stored.
    expect(await bobSocket.emitWithAck("argument:post", input)).toEqual(first);
    const another = argumentInput(d.motionId, d.cite(trade), { clientId: "answer-lost-2" });
    expect(await bobSocket.emitWithAck("argument:post", another)).toMatchObject({ ok: false });
    expect((await suite.db.store.motions.arguments(d.motionId)).map((a) => a.id)).toEqual([
      first.argument.id,
    ]);
  });

  it("P-CMD-4: a refused command (bad citation) stores nothing and nobody receives an event", async () => {
    const d = await debate(suite.db.store, "private");
    const alice = await d.member("Alice", "participant");
    const bob = await d.member("Bob", "participant");
    const [aliceSocket, bobSocket] = [await client(alice), await client(bob)];
    const [aliceGets, bobGets] = [received(aliceSocket), received(bobSocket)];
    const { seq } = await join(aliceSocket, d.motionId);
    await join(bobSocket, d.motionId, seq);
    const cited = d.cite(trade);

    const answer = await bobSocket.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, { ...cited, start: cited.start + 2, end: cited.end + 2 }),
    );

    expect(answer).toMatchObject({ ok: false, error: { code: "invalid_citation" } });
    expect(!answer.ok && answer.error.message).toMatch(/citations\.0/);
    await roundTrip(aliceSocket);
    await roundTrip(bobSocket);
    expect(aliceGets).toEqual([]);
    expect(bobGets).toEqual([]);
    expect(await suite.db.store.motions.arguments(d.motionId)).toEqual([]);
    expect((await suite.db.store.motions.get(d.motionId))?.lastSeq).toBe(seq);
    expect(await suite.db.store.events.after(d.motionId, seq, 10)).toEqual([]);
  });

  it("P-CMD-5: a malformed payload is refused and the connection survives", async () => {
    const d = await debate(suite.db.store, "private");
    const alice = await d.member("Alice", "participant");
    const socket = await client(alice);
    const events = received(socket);
    const { seq } = await join(socket, d.motionId);
    const untyped = socket as unknown as Socket;

    expect(await untyped.emitWithAck("argument:post", "an argument, as a string")).toMatchObject({
      ok: false,
      error: { code: "invalid_input" },
    });
    expect(await untyped.emitWithAck("argument:post", null)).toMatchObject({
      ok: false,
      error: { code: "invalid_input" },
    });
    expect(
      await untyped.emitWithAck("argument:post", { motionId: d.motionId, body: 42 }),
    ).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    // Without an ack to answer, the server has nobody to tell, and still must not fall over.
    untyped.emit("argument:post", "no ack");
    untyped.emit("motion:vote");

    const rejoin = await join(socket, d.motionId, seq);
    expect(rejoin).toMatchObject({ ok: true, seq, events: [], reload: false });
    expect(socket.connected).toBe(true);
    const posted = await post(socket, d);
    await roundTrip(socket);
    expect(events.map((e) => e.seq)).toEqual([posted.seq]);
    expect(posted.seq).toBe(seq + 1);
  });

  it("P-CMD-5: a command sent with only an ack and no payload is answered invalid_input", async () => {
    const d = await debate(suite.db.store, "private");
    const socket = (await client(await d.member("Alice", "participant"))) as unknown as Socket;
    for (const name of ["argument:post", "motion:vote", "motion:join"]) {
      const answer = await socket
        .timeout(2_000)
        .emitWithAck(name)
        .catch((error: Error) => ({ unanswered: error.message }));
      expect(answer, name).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    }
    expect(socket.connected).toBe(true);
  });

  it("P-CMD-6: an author's rating of their own argument is refused, stored nowhere and sent to nobody; another's counts, with nobody's name on it", async () => {
    const d = await debate(suite.db.store, "private");
    const alice = await d.member("Alice", "participant");
    const bob = await d.member("Bob", "participant");
    const [aliceSocket, bobSocket] = [await client(alice), await client(bob)];
    const [aliceGets, bobGets] = [received(aliceSocket), received(bobSocket)];
    await join(aliceSocket, d.motionId);
    const posted = await post(aliceSocket, d);
    await join(bobSocket, d.motionId, posted.seq);
    const rate = (socket: Client, score: number) =>
      socket.emitWithAck("argument:rate", {
        argumentId: posted.argument.id,
        clientId: crypto.randomUUID(),
        score,
      });

    const own = await rate(aliceSocket, 4);

    expect(own).toEqual({
      ok: false,
      error: {
        code: "forbidden",
        message: "You cannot rate your own argument: its rating is for the others to give.",
      },
    });
    await roundTrip(aliceSocket);
    await roundTrip(bobSocket);
    expect(aliceGets.map((e) => e.seq)).toEqual([posted.seq]);
    expect(bobGets).toEqual([]);
    expect(await suite.db.store.ratings.list([posted.argument.id])).toEqual([]);
    expect((await suite.db.store.motions.get(d.motionId))?.lastSeq).toBe(posted.seq);

    const rated = nextHeard(aliceSocket, "event", (e) => e.type === "argument.rated");
    expect(await rate(bobSocket, 3)).toMatchObject({ ok: true, strength: { mean: 3, count: 1 } });
    const event = await rated;
    expect(event.data).toEqual({
      argumentId: posted.argument.id,
      strength: { mean: 3, count: 1 },
      place: { above: [], side: posted.argument.relation },
    });
    // The strength before and after, beside the rater's name, would give away their score.
    expect(event.actor).toBe("");
    expect(JSON.stringify(event)).not.toContain(bob.id);
  });

  it("P-AGREE-2: a participant's stance reaches the room as counts, with nobody's name on it", async () => {
    const d = await debate(suite.db.store, "private");
    const alice = await d.member("Alice", "participant");
    const bob = await d.member("Bob", "participant");
    const [aliceSocket, bobSocket] = [await client(alice), await client(bob)];
    await join(aliceSocket, d.motionId);
    const posted = await post(aliceSocket, d);
    await join(bobSocket, d.motionId, posted.seq);
    const agreed = nextHeard(aliceSocket, "event", (e) => e.type === "argument.agreed");
    const answer = await bobSocket.emitWithAck("argument:agree", {
      argumentId: posted.argument.id,
      clientId: crypto.randomUUID(),
      stance: "disagree",
    });
    expect(answer).toMatchObject({ ok: true, stance: "disagree" });
    const event = await agreed;
    expect(event).toMatchObject({
      type: "argument.agreed",
      actor: "",
      data: { argumentId: posted.argument.id, agreement: { agree: 0, disagree: 1, pass: 0 } },
    });
    expect(JSON.stringify(event)).not.toContain(bob.id);
  });

  it("P-PRESENCE-1: joining and leaving tells the room who is there", async () => {
    const d = await debate(suite.db.store, "public");
    const alice = await d.member("Alice", "participant");
    const bob = await d.member("Bob", "observer");
    const names = (presence: Presence) => presence.people.map((p) => p.name).sort();
    const isNow =
      (people: string[], visitors: number) =>
      (presence: Presence): boolean =>
        presence.motionId === d.motionId &&
        presence.visitors === visitors &&
        JSON.stringify(names(presence)) === JSON.stringify(people);

    const aliceSocket = await client(alice);
    const aliceAlone = nextHeard(aliceSocket, "presence:update");
    await join(aliceSocket, d.motionId);
    expect(await aliceAlone).toEqual({
      motionId: d.motionId,
      people: [{ id: alice.id, name: "Alice" }],
      visitors: 0,
    });

    const bobSocket = await client(bob);
    const aliceSeesBob = nextHeard(aliceSocket, "presence:update", isNow(["Alice", "Bob"], 0));
    const bobSeesBoth = nextHeard(bobSocket, "presence:update", isNow(["Alice", "Bob"], 0));
    await join(bobSocket, d.motionId);
    await Promise.all([aliceSeesBob, bobSeesBoth]);

    // A second tab is the same person, not another one.
    const bobAgain = await client(bob);
    const stillTwo = nextHeard(aliceSocket, "presence:update");
    await join(bobAgain, d.motionId);
    expect(names(await stillTwo)).toEqual(["Alice", "Bob"]);

    const visitor = await client();
    const aliceSeesVisitor = nextHeard(aliceSocket, "presence:update", isNow(["Alice", "Bob"], 1));
    await join(visitor, d.motionId);
    await aliceSeesVisitor;

    const bobStays = nextHeard(aliceSocket, "presence:update");
    expect(await bobAgain.emitWithAck("motion:leave", { motionId: d.motionId })).toEqual({
      ok: true,
    });
    expect(names(await bobStays)).toEqual(["Alice", "Bob"]);

    const bobLeft = nextHeard(aliceSocket, "presence:update", isNow(["Alice"], 1));
    expect(await bobSocket.emitWithAck("motion:leave", { motionId: d.motionId })).toEqual({
      ok: true,
    });
    await bobLeft;

    const visitorGone = nextHeard(aliceSocket, "presence:update", isNow(["Alice"], 0));
    visitor.disconnect();
    await visitorGone;
  });

  it("P-PRESENCE-2: a class arriving at once is told who is there in a few updates, ending with everyone", async () => {
    // A server of its own, with limits lifted: a class shares one address, and these are tests.
    const server = await startRealtime(suite.db.store, undefined, { factor: 1000, counts: {} });
    try {
      const d = await debate(suite.db.store, "public");
      const alice = await d.member("Alice", "participant");
      const aliceSocket = await server.client(alice);
      await join(aliceSocket, d.motionId);
      const visitors = await Promise.all(
        Array.from({ length: BUSY_ROOM + 19 }, () => server.client()),
      );
      const heard: Presence[] = [];
      aliceSocket.on("presence:update", (presence) => heard.push(presence));
      const everyone = nextHeard(
        aliceSocket,
        "presence:update",
        (presence) => presence.visitors === visitors.length && presence.people.length === 1,
      );
      const started = Date.now();
      await Promise.all(visitors.map((visitor) => join(visitor, d.motionId)));
      await everyone;
      // Once the room is busy, one update goes at once and then at most one per half second,
      // however many arrive: here 21 arrivals in a room of 100 or more.
      const busy = heard.filter((presence) => presence.visitors + 1 >= BUSY_ROOM);
      const halfSeconds = Math.ceil((Date.now() - started) / BUSY_ROOM_EVERY_MS);
      expect(busy.length).toBeLessThanOrEqual(1 + halfSeconds);
      expect(busy.length).toBeLessThan(visitors.length + 2 - BUSY_ROOM);

      const left = nextHeard(aliceSocket, "presence:update", (presence) => presence.visitors === 0);
      for (const visitor of visitors) visitor.disconnect();
      expect(await left).toEqual({
        motionId: d.motionId,
        people: [{ id: alice.id, name: "Alice" }],
        visitors: 0,
      });
    } finally {
      await server.close();
    }
  });
});
