import { describe, expect, it } from "vitest";
import { applyEvents, liveFrom } from "../../lib/live";
import type { MotionEvent, Presence } from "../../lib/protocol";
import type { SessionState } from "../../lib/session";
import { postArgument } from "../../server/domain/debate/postArgument";
import { getMotion } from "../../server/domain/debate/queries";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { type Client, liveSuite, nextEvent } from "../support/realtime";

const trade = "Trade moved inland by rail.";
const id = () => crypto.randomUUID();

describe("moderated sessions over Socket.IO", () => {
  const live = liveSuite();

  /**
   * The first presence a socket hears that passes `test`: one announced for an earlier join may
   * still be on its way when a test starts listening.
   */
  const presenceWhere = (socket: Client, test: (presence: Presence) => boolean) =>
    new Promise<Presence>((resolve) => {
      const hear = (presence: Presence) => {
        if (!test(presence)) return;
        socket.off("presence:update", hear);
        resolve(presence);
      };
      socket.on("presence:update", hear);
    });

  async function room() {
    const d = await debate(live.db.store, "private");
    const people = {
      teacher: await d.member("Tess Teacher", "moderator"),
      ada: await d.member("Ada Lovelace", "participant"),
      ben: await d.member("Ben Okafor", "participant"),
    };
    const teacher = await live.server.client(people.teacher);
    const ada = await live.server.client(people.ada);
    const ben = await live.server.client(people.ben);
    for (const socket of [teacher, ada, ben]) {
      const joined = await socket.emitWithAck("motion:join", { motionId: d.motionId });
      expect(joined.ok).toBe(true);
    }
    // A change of settings, once everyone has heard it: what a test listens for next is new.
    const settings = async (change: Record<string, unknown>) => {
      const heard = [teacher, ada, ben].map((socket) => nextEvent(socket, "motion.settings"));
      const answer = await teacher.emitWithAck("motion:settings", {
        motionId: d.motionId,
        clientId: id(),
        settings: change,
      });
      await Promise.all(heard);
      return answer;
    };
    /** The teacher makes someone a speaker for a side. */
    const assign = (userId: string, side: "for" | "against") =>
      teacher.emitWithAck("session:side", { motionId: d.motionId, clientId: id(), userId, side });
    return { d, people, teacher, ada, ben, settings, assign };
  }

  it("P-JOIN-5: events published together reach each audience as one motion:events, in seq order, each event as that audience may see it", async () => {
    const { d, people, teacher, ada, ben, settings } = await room();
    const cy = await live.server.client(await d.member("Cy Okoro", "participant"));
    expect((await cy.emitWithAck("motion:join", { motionId: d.motionId })).ok).toBe(true);
    const cyHeardSettings = nextEvent(cy, "motion.settings");
    await settings({ approvalRequired: true });
    await cyHeardSettings;
    const pending = async (who: typeof people.ada, body: string) => {
      const input = argumentInput(d.motionId, d.cite(trade), { body });
      const outcome = await postArgument(live.db.store, actorOf(who), input);
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome;
    };
    const fromAda = await pending(people.ada, "Ada waits.");
    const fromBen = await pending(people.ben, "Ben waits.");
    const sockets = [teacher, ada, ben, cy];
    const messages = sockets.map(() => [] as MotionEvent[][]);
    for (const [i, socket] of sockets.entries()) {
      socket.on("motion:events", (events) => messages[i]?.push(events));
    }
    // Published in one turn, the later one first: each socket gets one message, in seq order.
    live.server.publish(fromBen.events);
    live.server.publish(fromAda.events);
    // A round trip each after the publish: had more been sent, it would have arrived first.
    for (const socket of sockets) await socket.emitWithAck("motion:leave", { motionId: "none" });
    const [adaSeq, benSeq] = [fromAda.value.seq, fromBen.value.seq];
    const shape = (events: MotionEvent[]) =>
      events.map((event) => {
        const data = event.data as { argument?: { body: string } };
        return [event.seq, event.type, data.argument?.body];
      });
    const [forTeacher, forAda, forBen, forCy] = messages.map((heard) => heard.map(shape));
    expect(forTeacher).toEqual([
      [
        [adaSeq, "argument.submitted", "Ada waits."],
        [benSeq, "argument.submitted", "Ben waits."],
      ],
    ]);
    expect(forAda).toEqual([
      [
        [adaSeq, "argument.submitted", "Ada waits."],
        [benSeq, "private", undefined],
      ],
    ]);
    expect(forBen).toEqual([
      [
        [adaSeq, "private", undefined],
        [benSeq, "argument.submitted", "Ben waits."],
      ],
    ]);
    expect(forCy).toEqual([
      [
        [adaSeq, "private", undefined],
        [benSeq, "private", undefined],
      ],
    ]);
  });

  it("P-MOD-3: a pending post reaches only its author and the moderators; the others get a stub that keeps the seq", async () => {
    const { d, teacher, ada, ben, settings } = await room();
    await settings({ approvalRequired: true });
    const heard = [nextEvent(teacher, "argument.submitted"), nextEvent(ada, "argument.submitted")];
    const benHeard = nextEvent(ben);
    const sent = await ada.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite(trade), { body: "Waiting words." }),
    );
    if (!sent.ok) throw new Error(sent.error.message);
    for (const event of await Promise.all(heard)) {
      expect(event.data).toMatchObject({ argument: { body: "Waiting words.", status: "pending" } });
    }
    const stub = await benHeard;
    expect(stub).toEqual({
      motionId: d.motionId,
      seq: sent.seq,
      type: "private",
      data: {},
      actor: "",
      at: expect.any(String),
    });

    const approvedForBen = nextEvent(ben, "argument.approved");
    const approved = await teacher.emitWithAck("moderation:approve", {
      argumentId: sent.argument.id,
      clientId: id(),
    });
    expect(approved).toMatchObject({ ok: true, argument: { status: "published" } });
    expect((await approvedForBen).data).toMatchObject({
      argument: { id: sent.argument.id, body: "Waiting words.", status: "published" },
    });

    const second = await ada.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite(trade), { body: "Rejected words." }),
    );
    if (!second.ok) throw new Error(second.error.message);
    const toldAda = nextEvent(ada, "argument.rejected");
    const benStub = nextEvent(ben);
    const refusedByBen = await ben.emitWithAck("moderation:reject", {
      argumentId: second.argument.id,
      clientId: id(),
      reason: "No",
    });
    expect(refusedByBen).toMatchObject({ ok: false, error: { code: "not_found" } });
    await teacher.emitWithAck("moderation:reject", {
      argumentId: second.argument.id,
      clientId: id(),
      reason: "Cite the rail report",
    });
    expect((await toldAda).data).toMatchObject({ reason: "Cite the rail report" });
    expect(JSON.stringify(await benStub)).not.toContain("Cite the rail report");
  });

  it("P-ANON-1: in an anonymous motion the room hears pseudonyms and counts; moderators hear names", async () => {
    const { d, people, teacher, ada, ben, settings, assign } = await room();
    await settings({ anonymous: true });
    const benHeard: Presence[] = [];
    ben.on("presence:update", (presence) => benHeard.push(presence));
    const benPresence = presenceWhere(ben, (p) => p.unnamed === 4);
    const teacherPresence = presenceWhere(teacher, (p) =>
      p.people.some(({ name }) => name === "Cleo Late"),
    );
    const late = await live.server.client(await d.member("Cleo Late", "participant"));
    await late.emitWithAck("motion:join", { motionId: d.motionId });
    expect(await benPresence).toMatchObject({ people: [], unnamed: 4 });
    expect((await teacherPresence).people.map((p) => p.name).sort()).toEqual(
      ["Ada Lovelace", "Ben Okafor", "Cleo Late", "Tess Teacher"].sort(),
    );
    // Whatever reached Ben, before Cleo's arrival or after, named nobody.
    expect(benHeard.flatMap((p) => p.people)).toEqual([]);

    const forBen = nextEvent(ben, "argument.posted");
    const forTeacher = nextEvent(teacher, "argument.posted");
    const forAda = nextEvent(ada, "argument.posted");
    await ada.emitWithAck("argument:post", argumentInput(d.motionId, d.cite(trade)));
    const benEvent = await forBen;
    expect(benEvent.actor).toBe("");
    expect(benEvent.data).toMatchObject({
      argument: { author: { id: "participant-1", name: "Participant 1" } },
    });
    expect(JSON.stringify(benEvent)).not.toContain("Ada Lovelace");
    expect((await forTeacher).data).toMatchObject({
      argument: { author: { name: "Ada Lovelace" } },
    });
    expect((await forAda).data).toMatchObject({ argument: { author: { name: "Ada Lovelace" } } });

    // Who speaks for which side reaches the speaker and the moderators, not the room.
    await settings({ format: "oxford" });
    const sideForBen = nextEvent(ben, "session.side");
    const sideForAda = nextEvent(ada, "session.side");
    await assign(people.ada.id, "for");
    expect((await sideForAda).data).toMatchObject({ userId: people.ada.id, side: "for" });
    const benHears = await sideForBen;
    expect(JSON.stringify(benHears)).not.toContain(people.ada.id);
    expect(Object.keys(benHears.data)).toEqual(["session"]);
    expect(benHears.data).toHaveProperty("session");
    expect(benHears.data).not.toHaveProperty("session.sides");

    // A moderator's act on a participant's own post reaches its author without the moderator's id.
    await settings({ format: "free", approvalRequired: true });
    const pending = await ada.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite(trade), { body: "Mine, awaiting approval." }),
    );
    if (!pending.ok) throw new Error(pending.error.message);
    const approvedForAda = nextEvent(ada, "argument.approved");
    const approvedForTeacher = nextEvent(teacher, "argument.approved");
    await teacher.emitWithAck("moderation:approve", {
      argumentId: pending.argument.id,
      clientId: id(),
    });
    const adaHears = await approvedForAda;
    expect(adaHears.actor).toBe("");
    expect(adaHears.data).toMatchObject({ argument: { author: { name: "Ada Lovelace" } } });
    expect((await approvedForTeacher).actor).toBe(people.teacher.id);
    const replay = await ada.emitWithAck("motion:join", {
      motionId: d.motionId,
      sinceSeq: adaHears.seq - 1,
    });
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.events.map((e) => [e.type, e.actor])).toEqual([["argument.approved", ""]]);
  });

  it("P-ANON-1: in an anonymous motion a new format clears the speakers on their pages too, naming nobody", async () => {
    const { d, people, ada, ben, settings, assign } = await room();
    await settings({ anonymous: true, format: "oxford" });
    const assigned = nextEvent(ada, "session.side");
    await assign(people.ada.id, "for");
    const adaPage = applyEvents(
      liveFrom(await must(getMotion(live.db.store, actorOf(people.ada), d.motionId))),
      [await assigned],
    ).state;
    expect(adaPage.session.sides).toEqual({ [people.ada.id]: "for" });

    // Another format clears who speaks: Ada's page no longer says she does, and Ben learns no id.
    const [forAda, forBen] = [nextEvent(ada, "motion.settings"), nextEvent(ben, "motion.settings")];
    await settings({ format: "free" });
    const cleared = await forAda;
    expect(cleared.data).toMatchObject({ session: { sides: {} } });
    const after = applyEvents(adaPage, [cleared]).state;
    expect(after.session.sides).toEqual(
      (await must(getMotion(live.db.store, actorOf(people.ada), d.motionId))).session.sides,
    );
    expect(after.session.sides).toEqual({});
    expect(JSON.stringify(await forBen)).not.toContain(people.ada.id);

    // A change that keeps the speakers still leaves them out of the room's copy.
    await settings({ format: "oxford" });
    await assign(people.ada.id, "against");
    const kept = nextEvent(ben, "motion.settings");
    await settings({ approvalRequired: true });
    expect((await kept).data).toHaveProperty("session");
    expect((await kept).data).not.toHaveProperty("session.sides");
  });

  it("P-ANON-1: the change that makes a motion anonymous reaches the room naming nobody already", async () => {
    const { people, ben, settings, assign } = await room();
    await settings({ format: "oxford" });
    await assign(people.ada.id, "for");
    const turnedOn = nextEvent(ben, "motion.settings");
    await settings({ anonymous: true });
    const heard = await turnedOn;
    expect(heard.actor).toBe("");
    expect(heard.data).not.toHaveProperty("session.sides");
    expect(JSON.stringify(heard)).not.toContain(people.ada.id);
  });

  it("P-JOIN-9: the room's screen a moderator opens hears what the room hears: no names, no pending words", async () => {
    const { d, people, teacher, ada, settings } = await room();
    await settings({ anonymous: true, approvalRequired: true });
    const screen = await live.server.client(people.teacher);
    const joined = await screen.emitWithAck("motion:join", { motionId: d.motionId, asRoom: true });
    expect(joined.ok).toBe(true);
    const heard: MotionEvent[] = [];
    screen.on("motion:events", (events) => heard.push(...events));

    const words = "Rail made the town, says Ada.";
    const submitted = nextEvent(teacher, "argument.submitted");
    const onScreen = nextEvent(screen);
    const pending = await ada.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite(trade), { body: words }),
    );
    if (!pending.ok) throw new Error(pending.error.message);
    expect((await submitted).data).toMatchObject({ argument: { body: words } });
    expect((await onScreen).type).toBe("private");

    const approved = nextEvent(screen, "argument.approved");
    await teacher.emitWithAck("moderation:approve", {
      argumentId: pending.argument.id,
      clientId: id(),
    });
    expect((await approved).data).toMatchObject({
      argument: { body: words, author: { name: "Participant 1" } },
    });
    // Live and replayed alike, nothing the screen heard names Ada or holds the words unapproved.
    const replay = await screen.emitWithAck("motion:join", {
      motionId: d.motionId,
      sinceSeq: 0,
      asRoom: true,
    });
    if (!replay.ok) throw new Error(replay.error.message);
    for (const events of [heard, replay.events]) {
      const text = JSON.stringify(events);
      expect(text).not.toContain("Ada Lovelace");
      expect(text).not.toContain(people.ada.id);
      expect(text).not.toContain(people.teacher.id);
      expect(events.find((e) => e.type === "argument.submitted")).toBeUndefined();
    }
    // The teacher's own page, joined as a moderator, still reads the names.
    const asModerator = await teacher.emitWithAck("motion:join", {
      motionId: d.motionId,
      sinceSeq: 0,
    });
    if (!asModerator.ok) throw new Error(asModerator.error.message);
    expect(JSON.stringify(asModerator.events)).toContain("Ada Lovelace");
  });

  it("P-TIMER-1: every screen gets the same deadline, and a client that reconnects finds it unchanged", async () => {
    const { d, people, teacher, ada, ben, settings } = await room();
    await settings({ format: "oxford" });
    const heard = [ada, ben].map((socket) => nextEvent(socket, "session.phase"));
    const started = await teacher.emitWithAck("session:phase", {
      motionId: d.motionId,
      clientId: id(),
      action: "start",
      seconds: 600,
    });
    if (!started.ok) throw new Error(started.error.message);
    const deadline = started.session.endsAt;
    for (const event of await Promise.all(heard)) {
      expect(event.data).toMatchObject({ session: { endsAt: deadline } });
    }
    const wrong = await ben.emitWithAck("motion:vote", {
      motionId: d.motionId,
      clientId: id(),
      phase: "after",
      stance: "for",
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: "wrong_phase" } });

    // Ben's phone drops; while it is away the teacher adds a minute; it comes back.
    const seq = started.seq;
    ben.disconnect();
    const extended = await teacher.emitWithAck("session:phase", {
      motionId: d.motionId,
      clientId: id(),
      action: "extend",
    });
    if (!extended.ok) throw new Error(extended.error.message);
    const phone = await live.server.client(people.ben);
    const askedAt = Date.now();
    const rejoined = await phone.emitWithAck("motion:join", {
      motionId: d.motionId,
      sinceSeq: seq,
    });
    if (!rejoined.ok) throw new Error(rejoined.error.message);
    // The server's clock as it answered, for the phone to count the deadline down by.
    expect(rejoined.serverNow).toBeGreaterThanOrEqual(askedAt);
    expect(rejoined.serverNow).toBeLessThanOrEqual(Date.now());
    const missed = rejoined.events.find((e) => e.type === "session.phase");
    const session = missed?.data.session as SessionState;
    expect(session.endsAt).toBe(extended.session.endsAt);
    expect(Date.parse(session.endsAt ?? "") - Date.parse(deadline ?? "")).toBe(60_000);
    expect((await live.db.store.motions.get(d.motionId))?.session.endsAt).toBe(session.endsAt);
  });
});
