import { describe, expect, it } from "vitest";
import { executor } from "../../server/execute";
import { actorOf, argumentInput, debate, postIn } from "../support/debate";
import { hear, liveSuite, nextHeard } from "../support/realtime";

describe("a member leaving a space", () => {
  const live = liveSuite();
  const execute = () =>
    executor({ store: live.db.store, limits: live.server.limits, publish: live.server.publish });
  const door = { address: "127.0.0.1" };

  it("a participant leaves: they are no longer a member, their open page stops hearing the room, and their argument stays", async () => {
    const d = await debate(live.db.store, "private");
    const teacher = await d.member("Tess Teacher", "owner");
    const ana = await d.member("Ana Lima", "participant");
    const posted = await postIn(live.db.store, d, ana);
    const anaPage = await live.server.client(ana);
    const teacherPage = await live.server.client(teacher);
    for (const page of [anaPage, teacherPage]) {
      expect(
        await page.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 }),
      ).toMatchObject({ ok: true });
    }
    const anaHeard: string[] = [];
    hear(anaPage, "event", (event) => anaHeard.push(event.type));

    const run = execute();
    const left = await run(
      "member:change",
      actorOf(ana),
      { spaceId: d.spaceId, userId: ana.id, role: "removed" },
      door,
    );
    expect(left).toMatchObject({ ok: true, value: { userId: ana.id, role: "removed" } });
    expect(await live.db.store.memberships.get(d.spaceId, ana.id)).toBeUndefined();

    const teacherHears = nextHeard(teacherPage, "event", (e) => e.type === "argument.posted");
    const next = argumentInput(d.motionId, d.cite("Trade moved inland by rail."));
    expect(
      await run("argument:post", actorOf(teacher), { ...next, body: "Still here." }, door),
    ).toMatchObject({ ok: true });
    await teacherHears;
    // A round trip: what the server sent before its answer has arrived by then.
    expect(await anaPage.emitWithAck("motion:leave", { motionId: "round-trip" })).toEqual({
      ok: true,
    });
    expect(anaHeard).toEqual([]);
    expect(await live.db.store.arguments.get(posted.id)).toMatchObject({ body: posted.body });
  });

  it("a participant still removes nobody else, and the last owner cannot leave", async () => {
    const d = await debate(live.db.store, "private");
    const teacher = await d.member("Tess Teacher", "owner");
    const ana = await d.member("Ana Lima", "participant");
    const ben = await d.member("Ben Okafor", "participant");
    const run = execute();
    const remove = (who: typeof ana, userId: string) =>
      run("member:change", actorOf(who), { spaceId: d.spaceId, userId, role: "removed" }, door);

    expect(await remove(ana, ben.id)).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await remove(teacher, teacher.id)).toMatchObject({
      ok: false,
      error: {
        code: "conflict",
        message: "A space needs an owner: make someone else owner before you leave.",
      },
    });
    expect(await live.db.store.memberships.get(d.spaceId, teacher.id)).toMatchObject({
      role: "owner",
    });
  });
});
