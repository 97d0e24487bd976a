import { describe, expect, it } from "vitest";
import { createMotion } from "../../server/domain/debate/createMotion";
import { getMotion } from "../../server/domain/debate/queries";
import { executor } from "../../server/execute";
import { systemActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { type Client, hear, liveSuite, nextHeard } from "../support/realtime";

describe("a member's standing in a space, live", () => {
  const live = liveSuite();
  const execute = () =>
    executor({ store: live.db.store, limits: live.server.limits, publish: live.server.publish });

  /** Everything `socket` hears of its standing from now on. */
  const standings = (socket: Client) => {
    const heard: string[] = [];
    hear(socket, "membership:update", ({ spaceId }) => heard.push(spaceId));
    return heard;
  };

  it("P-MEMBER-1: a member muted, let speak again or given another role hears it on each of their connections; nobody else does, nor they of a change that changes nothing", async () => {
    const d = await debate(live.db.store, "private");
    const teacher = actorOf(await d.member("Tess Teacher", "owner"));
    const ana = await d.member("Ana Lima", "participant");
    const ben = await d.member("Ben Okafor", "participant");
    const [anaPhone, anaLaptop, benPhone] = await Promise.all([
      live.server.client(ana),
      live.server.client(ana),
      live.server.client(ben),
    ]);
    const benHeard = standings(benPhone);
    const run = execute();
    const door = { address: "127.0.0.1" };
    const mute = (userId: string, muted: boolean) =>
      run("member:mute", teacher, { spaceId: d.spaceId, userId, muted }, door);
    const change = (userId: string, role: string) =>
      run("member:change", teacher, { spaceId: d.spaceId, userId, role }, door);

    const toldPhone = nextHeard(anaPhone, "membership:update");
    const toldLaptop = nextHeard(anaLaptop, "membership:update");
    expect(await mute(ana.id, true)).toMatchObject({ ok: true, value: { muted: true } });
    expect(await toldPhone).toEqual({ spaceId: d.spaceId });
    expect(await toldLaptop).toEqual({ spaceId: d.spaceId });
    // What the page then reads: Ana may no longer post, and why.
    const asAna = actorOf(ana);
    const canOf = async () => {
      const view = await getMotion(live.db.store, asAna, d.motionId);
      if (!view.ok) throw new Error(view.error.message);
      return view.value.can;
    };
    expect(await canOf()).toMatchObject({
      post: false,
      edit: false,
      vote: true,
      postRefusal: "A moderator has muted you in this space: you can read and vote, not post.",
    });
    const refused = await anaPhone.emitWithAck(
      "argument:post",
      argumentInput(d.motionId, d.cite("Trade moved inland by rail.")),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });

    // Muting her again changes nothing and tells her nothing: the next she hears is the unmute.
    const anaHeard = standings(anaPhone);
    expect(await mute(ana.id, true)).toMatchObject({ ok: true });
    const unmuted = nextHeard(anaPhone, "membership:update");
    await mute(ana.id, false);
    expect(await unmuted).toEqual({ spaceId: d.spaceId });
    expect(anaHeard).toEqual([d.spaceId]);
    expect(await canOf()).toMatchObject({ post: true, edit: true, postRefusal: null });
    const promoted = nextHeard(anaPhone, "membership:update");
    await change(ana.id, "moderator");
    expect(await promoted).toEqual({ spaceId: d.spaceId });

    // A refused change tells nobody: a moderator cannot be muted.
    const anaHeardAfter = standings(anaPhone);
    expect(await mute(ana.id, true)).toMatchObject({ ok: false, error: { code: "conflict" } });
    // Ben's own change comes next: the first and only one he hears.
    const benTold = nextHeard(benPhone, "membership:update");
    await change(ben.id, "observer");
    await benTold;
    const benCan = await getMotion(live.db.store, actorOf(ben), d.motionId);
    expect(benCan.ok && benCan.value.can).toMatchObject({
      post: false,
      postRefusal: "Observers read and vote, but do not post.",
    });
    expect(benHeard).toEqual([d.spaceId]);
    expect(anaHeardAfter).toEqual([]);
  });

  it("P-MEMBER-2: a member muted and made moderator while their connection was down learns it from the join's answer on reconnecting", async () => {
    const d = await debate(live.db.store, "private");
    const teacher = actorOf(await d.member("Tess Teacher", "owner"));
    const ana = await d.member("Ana Lima", "participant");
    const join = async (socket: Client) => {
      const answer = await socket.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.can;
    };
    const first = await live.server.client(ana);
    expect(await join(first)).toEqual({
      post: true,
      edit: true,
      vote: true,
      rate: true,
      agree: true,
      moderate: false,
      postRefusal: null,
    });
    first.disconnect();

    const run = execute();
    const door = { address: "127.0.0.1" };
    await run("member:mute", teacher, { spaceId: d.spaceId, userId: ana.id, muted: true }, door);
    const afterMute = await live.server.client(ana);
    expect(await join(afterMute)).toEqual({
      post: false,
      edit: false,
      vote: true,
      rate: true,
      agree: true,
      moderate: false,
      postRefusal: "A moderator has muted you in this space: you can read and vote, not post.",
    });
    afterMute.disconnect();

    await run(
      "member:change",
      teacher,
      { spaceId: d.spaceId, userId: ana.id, role: "moderator" },
      door,
    );
    const afterPromotion = await live.server.client(ana);
    expect(await join(afterPromotion)).toMatchObject({ post: true, moderate: true });
  });

  it("P-MEMBER-1: a moderator made participant stops hearing the drafts they had open, at once, whether or not their page reads again", async () => {
    const d = await debate(live.db.store, "private");
    const teacher = actorOf(await d.member("Tess Teacher", "owner"));
    const [ana, ben] = [
      await d.member("Ana Lima", "moderator"),
      await d.member("Ben Okafor", "moderator"),
    ];
    const draft = await createMotion(live.db.store, systemActor, {
      clientId: crypto.randomUUID(),
      spaceId: d.spaceId,
      title: "A motion still being written",
      status: "draft",
    });
    if (!draft.ok) throw new Error(draft.error.message);
    const { motionId } = draft.value;
    const [anaPage, benPage] = [await live.server.client(ana), await live.server.client(ben)];
    for (const page of [anaPage, benPage]) {
      expect(await page.emitWithAck("motion:join", { motionId, sinceSeq: 0 })).toMatchObject({
        ok: true,
      });
    }
    const anaHeard: string[] = [];
    hear(anaPage, "event", (event) => anaHeard.push(event.type));

    const run = execute();
    const door = { address: "127.0.0.1" };
    const demoted = nextHeard(anaPage, "membership:update");
    await run(
      "member:change",
      teacher,
      { spaceId: d.spaceId, userId: ana.id, role: "participant" },
      door,
    );
    await demoted;
    // Ana's page does not read again: the draft's next words still do not reach her.
    const benHears = nextHeard(benPage, "event", (event) => event.type === "motion.edited");
    const edit = {
      motionId,
      clientId: crypto.randomUUID(),
      title: "The rail line paid for itself",
    };
    expect(await run("motion:edit", teacher, { ...edit, description: "" }, door)).toMatchObject({
      ok: true,
    });
    expect((await benHears).data).toMatchObject({ title: edit.title });
    // A round trip: what the server sent before its answer has arrived by then.
    expect(await anaPage.emitWithAck("motion:leave", { motionId: "round-trip" })).toEqual({
      ok: true,
    });
    expect(anaHeard).toEqual([]);
  });
});
