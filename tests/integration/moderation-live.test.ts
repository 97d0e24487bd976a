import { describe, expect, it } from "vitest";
import { argumentInput, debate } from "../support/debate";
import { liveSuite, nextEvent } from "../support/realtime";

describe("moderation over Socket.IO", () => {
  const live = liveSuite();

  it("P-MOD-1: a moderator's hide reaches the room with its reason; a participant's is refused", async () => {
    const d = await debate(live.db.store, "private");
    const [moderator, student] = [
      await live.server.client(await d.member("Mona", "moderator")),
      await live.server.client(await d.member("Sam", "participant")),
    ];
    for (const socket of [moderator, student]) {
      await socket.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    }
    const posted = await student.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite("Trade moved inland by rail.")),
    );
    if (!posted.ok) throw new Error(posted.error.message);
    const argumentId = posted.argument.id;

    const refused = await student.emitWithAck("moderation:hide", {
      argumentId,
      clientId: crypto.randomUUID(),
      reason: "I changed my mind",
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const heard = nextEvent(student, "argument.hidden");
    const hidden = await moderator.emitWithAck("moderation:hide", {
      argumentId,
      clientId: crypto.randomUUID(),
      reason: "Off topic",
    });
    expect(hidden).toMatchObject({ ok: true, argumentId, reason: "Off topic" });
    // Where it stands and what it cited, for a page that does not hold it (P-LIVE-3).
    const [citation] = posted.argument.citations;
    expect((await heard).data).toEqual({
      argumentId,
      reason: "Off topic",
      place: { above: [], side: "for" },
      replied: false,
      cited: [
        {
          documentId: citation?.documentId,
          start: citation?.anchor.start,
          end: citation?.anchor.end,
        },
      ],
    });

    const locked = await moderator.emitWithAck("motion:lock", {
      motionId: d.motionId,
      clientId: crypto.randomUUID(),
      locked: true,
    });
    expect(locked).toMatchObject({ ok: true, locked: true, status: "closed" });
    const late = await student.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite("Trade moved inland by rail.")),
    );
    expect(late).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("P-LIVE-3, P-MOD-3: withdrawn with only an argument a moderator hid below it, an argument stays a placeholder for moderators alone, live and in a replay", async () => {
    const d = await debate(live.db.store, "private");
    const [moderator, author, classmate] = [
      await live.server.client(await d.member("Mona", "moderator")),
      await live.server.client(await d.member("Sam", "participant")),
      await live.server.client(await d.member("Cleo", "participant")),
    ];
    const sockets = [moderator, author, classmate];
    for (const socket of sockets) {
      await socket.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
    }
    const cite = () => d.cite("Trade moved inland by rail.");
    const top = await author.emitWithAck("argument:post", argumentInput(d.motionId, cite()));
    if (!top.ok) throw new Error(top.error.message);
    const reply = await classmate.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, cite(), { parentId: top.argument.id, relation: "attacks" }),
    );
    if (!reply.ok) throw new Error(reply.error.message);
    const hidden = await moderator.emitWithAck("moderation:hide", {
      argumentId: reply.argument.id,
      clientId: crypto.randomUUID(),
      reason: "Off topic",
    });
    expect(hidden).toMatchObject({ ok: true });

    const heard = sockets.map((socket) => nextEvent(socket, "argument.withdrawn"));
    const withdrawn = await author.emitWithAck("argument:withdraw", {
      argumentId: top.argument.id,
      clientId: crypto.randomUUID(),
    });
    expect(withdrawn).toMatchObject({ ok: true });
    const [toModerator, toAuthor, toClassmate] = (await Promise.all(heard)).map((e) => e.data);
    const standing = { argumentId: top.argument.id, place: { above: [], side: "for" } };
    expect(toModerator).toMatchObject({ ...standing, replied: false, repliedForModerators: true });
    for (const data of [toAuthor, toClassmate]) {
      expect(data).toMatchObject({ ...standing, replied: false });
      expect(data).not.toHaveProperty("repliedForModerators");
    }

    const replayed = async (socket: (typeof sockets)[number]) => {
      const replay = await socket.emitWithAck("motion:join", {
        motionId: d.motionId,
        sinceSeq: 0,
      });
      if (!replay.ok) throw new Error(replay.error.message);
      return replay.events.find((e) => e.type === "argument.withdrawn")?.data;
    };
    expect(await replayed(moderator)).toMatchObject({ repliedForModerators: true });
    expect(await replayed(classmate)).not.toHaveProperty("repliedForModerators");
  });

  it("P-MOD-2: a replay leaves out the words of an argument hidden since, except for moderators", async () => {
    const d = await debate(live.db.store, "private");
    const mona = await d.member("Mona", "moderator");
    const [moderator, author] = [
      await live.server.client(mona),
      await live.server.client(await d.member("Sam", "participant")),
    ];
    const posted = await author.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite("Trade moved inland by rail."), { body: "Words to hide." }),
    );
    if (!posted.ok) throw new Error(posted.error.message);
    await moderator.emitWithAck("moderation:hide", {
      argumentId: posted.argument.id,
      clientId: crypto.randomUUID(),
      reason: "Personal attack",
    });

    const latecomer = await live.server.client(await d.member("Lia", "participant"));
    const replay = await latecomer.emitWithAck("motion:join", {
      motionId: d.motionId,
      sinceSeq: 0,
    });
    const postedEvent = replay.ok
      ? replay.events.find((e) => e.type === "argument.posted")
      : undefined;
    expect(postedEvent?.data).toMatchObject({
      argument: { id: posted.argument.id, body: "", citations: [] },
    });
    expect(JSON.stringify(replay)).not.toContain("Words to hide.");

    const forModerator = await moderator.emitWithAck("motion:join", {
      motionId: d.motionId,
      sinceSeq: 0,
    });
    expect(JSON.stringify(forModerator)).toContain("Words to hide.");
  });
});
