import { describe, expect, it } from "vitest";
import type { NotificationView } from "../../lib/notifications";
import { listNotifications, markNotificationsRead } from "../../server/domain/notifications/inbox";
import { actorOf, argumentInput, debate } from "../support/debate";
import type { Person } from "../support/people";
import { type Client, liveSuite } from "../support/realtime";

const trade = "Trade moved inland by rail.";

const nextNotification = (socket: Client) =>
  new Promise<NotificationView>((resolve) => socket.once("notification:push", resolve));

/** A private motion's moderator Mona and participants Ana and Ben, each connected. */
async function roomOf(live: ReturnType<typeof liveSuite>) {
  const d = await debate(live.db.store, "private");
  const ana = await d.member("Ana Lima", "participant");
  const ben = await d.member("Ben Okafor", "participant");
  const mona = await d.member("Mona Moderator", "moderator");
  /** A command's answer, which must be a success. */
  const sent = async <T>(
    answer: Promise<({ ok: true } & T) | { ok: false; error: { message: string } }>,
  ) => {
    const got = await answer;
    if (!got.ok) throw new Error(got.error.message);
    return got;
  };
  const inboxOf = async (person: Person) => {
    const outcome = await listNotifications(live.db.store, actorOf(person));
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  };
  return {
    d,
    ana,
    ben,
    mona,
    anaSocket: await live.server.client(ana),
    benSocket: await live.server.client(ben),
    monaSocket: await live.server.client(mona),
    sent,
    inboxOf,
  };
}

describe("notifications over Socket.IO", () => {
  const live = liveSuite();
  const room = () => roomOf(live);

  it("P-NOTE-10: a reply waits for its offline author, and reaches them live once they are online", async () => {
    const d = await debate(live.db.store, "private");
    const ana = await d.member("Ana Lima", "participant");
    const ben = await d.member("Ben Okafor", "participant");
    const inbox = async () => {
      const outcome = await listNotifications(live.db.store, actorOf(ana));
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.value;
    };

    // Ana posts, then goes away.
    const anaFirst = await live.server.client(ana);
    const posted = await anaFirst.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite(trade), { body: "Rail made the town." }),
    );
    if (!posted.ok) throw new Error(posted.error.message);
    anaFirst.disconnect();

    const benSocket = await live.server.client(ben);
    const reply = (body: string) =>
      benSocket.emitWithAck(
        "argument:post",
        argumentInput(d.motionId, d.cite(trade), {
          parentId: posted.argument.id,
          relation: "attacks",
          body,
        }),
      );
    const first = await reply("The harbour made the town.");
    if (!first.ok) throw new Error(first.error.message);

    // Back online: the reply that came while Ana was away is in her inbox, unread.
    const anaSocket = await live.server.client(ana);
    const waiting = await inbox();
    expect(waiting.unread).toBe(1);
    expect(waiting.notifications).toMatchObject([
      { type: "reply", argumentId: first.argument.id, actor: { name: "Ben Okafor" }, read: false },
    ]);

    // While she is online, the next reply arrives on her connection as it is stored.
    const heard = nextNotification(anaSocket);
    const second = await reply("And the canal before it.");
    if (!second.ok) throw new Error(second.error.message);
    const pushed = await heard;
    expect(pushed).toMatchObject({
      type: "reply",
      motionId: d.motionId,
      argumentId: second.argument.id,
      actor: { id: ben.id, name: "Ben Okafor" },
      read: false,
    });
    expect((await inbox()).notifications[0]).toEqual(pushed);
  });

  it("P-NOTE-10: a following member hears nothing of a refused command", async () => {
    const d = await debate(live.db.store, "private");
    const ana = await d.member("Ana Lima", "participant");
    const ben = await d.member("Ben Okafor", "participant");
    const anaSocket = await live.server.client(ana);
    const benSocket = await live.server.client(ben);
    const heard: NotificationView[] = [];
    anaSocket.on("notification:push", (n) => heard.push(n));
    const posted = await anaSocket.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite(trade)),
    );
    if (!posted.ok) throw new Error(posted.error.message);
    const refused = await benSocket.emitWithAck("argument:post", {
      ...argumentInput(d.motionId, d.cite(trade), {
        parentId: posted.argument.id,
        relation: "attacks",
      }),
      citations: [{ ...d.cite(trade), exact: "Words the document never says." }],
    });
    expect(refused.ok).toBe(false);
    // A later reply that is stored is the first thing Ana hears.
    const next = nextNotification(anaSocket);
    const stored = await benSocket.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite(trade), {
        parentId: posted.argument.id,
        relation: "supports",
        body: "Stored.",
      }),
    );
    if (!stored.ok) throw new Error(stored.error.message);
    expect((await next).argumentId).toBe(stored.argument.id);
    expect(heard).toHaveLength(1);
  });

  it("P-NOTE-12: a reply withdrawn or hidden leaves its recipient's inbox at once; a moderator keeps a hidden one", async () => {
    const { d, ana, mona, anaSocket, benSocket, monaSocket, sent, inboxOf } = await room();
    const anas = await sent(
      anaSocket.emitWithAck("argument:post", argumentInput(d.motionId, d.cite(trade))),
    );
    const monas = await sent(
      monaSocket.emitWithAck("argument:post", argumentInput(d.motionId, d.cite(trade))),
    );
    // Ben answers each, naming Ana in the second: both notify her; the first also Mona.
    const reply = (parentId: string, body: string) =>
      sent(
        benSocket.emitWithAck(
          "argument:post",
          argumentInput(d.motionId, d.cite(trade), { parentId, relation: "attacks", body }),
        ),
      );
    const toAna = await reply(anas.argument.id, "The harbour made the town.");
    const toMona = await reply(monas.argument.id, "Ask @Ana Lima about the canal.");
    const [anaBefore, monaBefore] = [await inboxOf(ana), await inboxOf(mona)];
    expect(anaBefore.unread).toBe(2);
    const idOf = (inbox: typeof anaBefore, argumentId: string) =>
      inbox.notifications.find((n) => n.argumentId === argumentId)?.id;
    const gone = (socket: Client) =>
      new Promise<{ ids: string[] }>((resolve) => socket.once("notification:gone", resolve));

    // Ben withdraws his reply: Ana hears its notification is gone, and her inbox no longer has it.
    const anaHears = gone(anaSocket);
    await sent(
      benSocket.emitWithAck("argument:withdraw", {
        argumentId: toAna.argument.id,
        clientId: crypto.randomUUID(),
      }),
    );
    expect(await anaHears).toEqual({ ids: [idOf(anaBefore, toAna.argument.id)] });
    expect((await inboxOf(ana)).unread).toBe(1);

    // Mona hides the mention: Ana hears it is gone; Mona, who still reads hidden posts, keeps hers.
    const monaHeard: { ids: string[] }[] = [];
    monaSocket.on("notification:gone", (g) => monaHeard.push(g));
    const anaHearsAgain = gone(anaSocket);
    await sent(
      monaSocket.emitWithAck("moderation:hide", {
        argumentId: toMona.argument.id,
        clientId: crypto.randomUUID(),
        reason: "Off topic",
      }),
    );
    expect(await anaHearsAgain).toEqual({ ids: [idOf(anaBefore, toMona.argument.id)] });
    const [anaAfter, monaAfter] = [await inboxOf(ana), await inboxOf(mona)];
    expect(anaAfter).toMatchObject({ unread: 0, notifications: [] });
    expect(idOf(monaAfter, toMona.argument.id)).toBe(idOf(monaBefore, toMona.argument.id));
    // Her connection hears the next notification after the hiding, and nothing of it gone.
    const next = nextNotification(monaSocket);
    await reply(monas.argument.id, "Stored after the hiding.");
    await next;
    expect(monaHeard).toEqual([]);
  });

  it("P-NOTE-10, P-NOTE-13: a hidden reply restored comes back to its recipient's inbox at once, read as it was; its author's notice of the hiding goes", async () => {
    const { d, ana, ben, anaSocket, benSocket, monaSocket, sent, inboxOf } = await room();
    const heard = (socket: Client, event: "notification:gone" | "notification:returned") =>
      new Promise<{ ids: string[] }>((resolve) => socket.once(event, resolve));
    const anas = await sent(
      anaSocket.emitWithAck("argument:post", argumentInput(d.motionId, d.cite(trade))),
    );
    const bens = await sent(
      benSocket.emitWithAck(
        "argument:post",
        argumentInput(d.motionId, d.cite(trade), {
          parentId: anas.argument.id,
          relation: "attacks",
          body: "The harbour made the town.",
        }),
      ),
    );
    // Ana reads Ben's reply, then Mona hides it: it leaves Ana's inbox, and Ben is told.
    const [reply] = (await inboxOf(ana)).notifications;
    if (!reply) throw new Error("Ana was not notified of the reply");
    await markNotificationsRead(live.db.store, actorOf(ana), { ids: [reply.id] });
    const anaLoses = heard(anaSocket, "notification:gone");
    const benTold = nextNotification(benSocket);
    const argument = { argumentId: bens.argument.id };
    await sent(
      monaSocket.emitWithAck("moderation:hide", {
        ...argument,
        clientId: crypto.randomUUID(),
        reason: "Off topic",
      }),
    );
    expect(await anaLoses).toEqual({ ids: [reply.id] });
    const hiding = await benTold;
    expect(hiding).toMatchObject({ type: "hidden", ...argument, reason: "Off topic" });
    expect((await inboxOf(ana)).notifications).toEqual([]);

    // Mona restores it: Ana hears her notification is back, and finds it read as she left it;
    // Ben hears the notice of the hiding is gone, and his inbox no longer has it.
    const monaHeard: string[] = [];
    monaSocket.on("notification:returned", () => monaHeard.push("returned"));
    monaSocket.on("notification:gone", () => monaHeard.push("gone"));
    const anaGetsBack = heard(anaSocket, "notification:returned");
    const benLoses = heard(benSocket, "notification:gone");
    await sent(
      monaSocket.emitWithAck("moderation:restore", { ...argument, clientId: crypto.randomUUID() }),
    );
    expect(await anaGetsBack).toEqual({ ids: [reply.id] });
    expect(await benLoses).toEqual({ ids: [hiding.id] });
    expect(await inboxOf(ana)).toEqual({ notifications: [{ ...reply, read: true }], unread: 0 });
    expect(await inboxOf(ben)).toEqual({ notifications: [], unread: 0 });
    // Mona, who was told of nothing, hears nothing of it.
    await sent(monaSocket.emitWithAck("motion:join", { motionId: d.motionId }));
    expect(monaHeard).toEqual([]);

    // Hidden again: Ben's inbox holds the new notice alone, not the first one back.
    const toldAgain = nextNotification(benSocket);
    await sent(
      monaSocket.emitWithAck("moderation:hide", {
        ...argument,
        clientId: crypto.randomUUID(),
        reason: "Still off topic",
      }),
    );
    const again = await toldAgain;
    expect(await inboxOf(ben)).toEqual({
      notifications: [{ ...again, reason: "Still off topic" }],
      unread: 1,
    });
  });

  it("P-NOTE-10, P-NOTE-4: someone an edit names hears of it live", async () => {
    const { d, benSocket, anaSocket, sent } = await room();
    const bens = await sent(
      benSocket.emitWithAck("argument:post", argumentInput(d.motionId, d.cite(trade))),
    );
    const heard = nextNotification(anaSocket);
    await sent(
      benSocket.emitWithAck("argument:edit", {
        argumentId: bens.argument.id,
        clientId: crypto.randomUUID(),
        body: "Rail made the town, as @Ana Lima found.",
      }),
    );
    expect(await heard).toMatchObject({
      type: "mention",
      argumentId: bens.argument.id,
      actor: { name: "Ben Okafor" },
    });
  });

  it("P-NOTE-2: motion:follow mutes a motion for the member, and answers a visitor to sign in", async () => {
    const d = await debate(live.db.store, "public");
    const ana = await d.member("Ana Lima", "participant");
    const anaSocket = await live.server.client(ana);
    const answer = await anaSocket.emitWithAck("motion:follow", {
      motionId: d.motionId,
      state: "muted",
    });
    expect(answer).toEqual({ ok: true, motionId: d.motionId, state: "muted" });
    const visitor = await live.server.client();
    const refused = await visitor.emitWithAck("motion:follow", {
      motionId: d.motionId,
      state: "following",
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });
});
