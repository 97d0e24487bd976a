import { describe, expect, it } from "vitest";
import type { NotificationView } from "../../lib/notifications";
import { listNotifications } from "../../server/domain/notifications/inbox";
import { actorOf, argumentInput, debate } from "../support/debate";
import { type Client, liveSuite } from "../support/realtime";

const trade = "Trade moved inland by rail.";

const nextNotification = (socket: Client) =>
  new Promise<NotificationView>((resolve) => socket.once("notification:push", resolve));

describe("notifications over Socket.IO", () => {
  const live = liveSuite();

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
