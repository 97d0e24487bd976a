import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as markRead } from "../../app/api/me/notifications/read/route";
import { GET as getInbox } from "../../app/api/me/notifications/route";
import { PUT as putFollow } from "../../app/api/motions/[id]/follow/route";
import type { Store } from "../../db/store";
import {
  describeNotification,
  type FollowState,
  type Inbox,
  type NotificationView,
  notificationHref,
} from "../../lib/notifications";
import { editArgument, withdrawArgument } from "../../server/domain/debate/changeArgument";
import { createMotion } from "../../server/domain/debate/createMotion";
import { changeMotionStatus } from "../../server/domain/debate/lifecycle";
import {
  approveArgument,
  changeSettings,
  hideArgument,
  rejectArgument,
  restoreArgument,
} from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { importDebate } from "../../server/domain/exports/importDebate";
import { followMotion } from "../../server/domain/notifications/follow";
import { inboxChanges, listNotifications } from "../../server/domain/notifications/inbox";
import { changeMember } from "../../server/domain/spaces/members";
import { type Actor, anonymousActor, systemActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { exported, must } from "../support/outcome";
import { type Person, person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

const trade = "Trade moved inland by rail.";
const id = () => crypto.randomUUID();

async function room(store: Store) {
  const d = await debate(store, "private");
  const people = {
    mona: await d.member("Mona Moderator", "moderator"),
    ana: await d.member("Ana Lima", "participant"),
    ben: await d.member("Ben Okafor", "participant"),
    cy: await d.member("Cy Observer", "observer"),
  };
  const as = (p: Person) => actorOf(p);
  const post = async (who: Person, change: Record<string, unknown> = {}) => {
    const outcome = await postArgument(
      store,
      as(who),
      argumentInput(d.motionId, d.cite(trade), change),
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value.argument.id;
  };
  const reply = (who: Person, parentId: string, body = "The harbour kept its trade.") =>
    post(who, { parentId, relation: "attacks", body });
  const inbox = async (who: Person | Actor) => {
    const outcome = await listNotifications(store, "cookie" in who ? as(who) : who);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  };
  const follow = async (who: Person, state: FollowState) => {
    const outcome = await followMotion(store, as(who), { motionId: d.motionId, state });
    if (!outcome.ok) throw new Error(outcome.error.message);
  };
  const moderate = async (outcome: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const done = await outcome;
    if (!done.ok) throw new Error(done.error?.message);
  };
  /** Mona holds every post for approval. */
  const approvalOn = () =>
    moderate(
      changeSettings(store, as(people.mona), {
        motionId: d.motionId,
        clientId: id(),
        settings: { approvalRequired: true },
      }),
    );
  return { d, people, as, post, reply, inbox, follow, moderate, approvalOn };
}

const kinds = (inbox: Inbox) => inbox.notifications.map((n) => n.type);

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`follows and notifications, on ${dialect.name}`, () => {
    let db: TestStore;
    beforeAll(async () => {
      db = await dialect.open();
    });
    afterAll(() => db?.dispose());

    it("P-NOTE-3: a reply to my argument is in my inbox, unread, naming who replied and where", async () => {
      const { d, people, post, reply, inbox } = await room(db.store);
      const mine = await post(people.ana);
      const theirs = await reply(people.ben, mine);
      const { notifications, unread } = await inbox(people.ana);
      expect(unread).toBe(1);
      expect(notifications).toEqual([
        {
          id: expect.any(String),
          type: "reply",
          motionId: d.motionId,
          motionTitle: "The rail line was worth building",
          argumentId: theirs,
          actor: { id: people.ben.id, name: "Ben Okafor" },
          reason: null,
          at: expect.any(String),
          read: false,
        },
      ]);
    });

    it("P-NOTE-7: nobody is notified of their own reply or mention", async () => {
      const { people, post, reply, inbox } = await room(db.store);
      const mine = await post(people.ana);
      await reply(people.ana, mine, "And @Ana Lima agrees with herself.");
      expect((await inbox(people.ana)).notifications).toEqual([]);
    });

    it("P-NOTE-1: posting follows the motion, but an earlier unfollow or mute is kept", async () => {
      const { people, post, reply, inbox, follow } = await room(db.store);
      await follow(people.ana, "unfollowed");
      const unfollowed = await post(people.ana);
      await reply(people.ben, unfollowed);
      expect((await inbox(people.ana)).notifications).toEqual([]);

      const { people: others, post: post2, reply: reply2, inbox: inbox2 } = await room(db.store);
      const followed = await post2(others.ana);
      await reply2(others.ben, followed);
      expect(kinds(await inbox2(others.ana))).toEqual(["reply"]);
    });

    it("P-NOTE-2: unfollowing stops replies, following again brings them back; visitors and outsiders cannot follow", async () => {
      const { d, people, post, reply, inbox, follow } = await room(db.store);
      const mine = await post(people.ana);
      await follow(people.ana, "unfollowed");
      await reply(people.ben, mine, "Not heard.");
      expect(kinds(await inbox(people.ana))).toEqual([]);
      await follow(people.ana, "following");
      await reply(people.ben, mine, "Heard.");
      expect(kinds(await inbox(people.ana))).toEqual(["reply"]);

      const outsider = actorOf(await person(db.store, "Olli Outsider"));
      const asked = { motionId: d.motionId, state: "following" };
      const refusal = (o: { ok: boolean; error?: { code: string } }) => o.error?.code;
      expect(refusal(await followMotion(db.store, outsider, asked))).toBe("not_found");
      expect(refusal(await followMotion(db.store, anonymousActor, asked))).toBe("not_found");
      expect(
        refusal(await followMotion(db.store, actorOf(people.ana), { ...asked, state: "loud" })),
      ).toBe("invalid_input");
    });

    it("P-NOTE-4: @Name mentions the member with the longest matching name, whatever its case", async () => {
      const { people, post, inbox } = await room(db.store);
      const ana = await db.store.transaction(async (tx) => tx.users.get(people.ana.id));
      expect(ana?.name).toBe("Ana Lima");
      const argumentId = await post(people.ben, {
        body: "As @ana lima said, and @Cy Observer saw.",
      });
      for (const who of [people.ana, people.cy]) {
        const { notifications } = await inbox(who);
        expect(notifications).toMatchObject([
          { type: "mention", argumentId, actor: { name: "Ben Okafor" } },
        ]);
      }
      expect(kinds(await inbox(people.mona))).toEqual([]);
    });

    it("P-NOTE-4: a member who muted the motion is not notified of a mention; unfollowed still is", async () => {
      const { people, post, inbox, follow } = await room(db.store);
      await follow(people.ana, "muted");
      await follow(people.cy, "unfollowed");
      await post(people.ben, { body: "@Ana Lima and @Cy Observer, look." });
      expect(kinds(await inbox(people.ana))).toEqual([]);
      expect(kinds(await inbox(people.cy))).toEqual(["mention"]);
    });

    it("P-NOTE-4: an argument edited to name someone notifies them once; who was named or answered already hears nothing more", async () => {
      const { people, post, reply, inbox } = await room(db.store);
      const anas = await post(people.ana);
      const bens = await reply(people.ben, anas, "The harbour disagrees, @Cy Observer.");
      const edit = async (body: string) => {
        const outcome = await editArgument(db.store, actorOf(people.ben), {
          argumentId: bens,
          clientId: id(),
          body,
        });
        if (!outcome.ok) throw new Error(outcome.error.message);
      };
      await edit("The harbour disagrees, @Cy Observer; ask @Mona Moderator and @Ana Lima.");
      await edit("The harbour disagrees; ask @Mona Moderator.");
      await edit("The harbour disagrees; ask @Mona Moderator, @Cy Observer.");
      expect((await inbox(people.mona)).notifications).toMatchObject([
        { type: "mention", argumentId: bens, actor: { name: "Ben Okafor" } },
      ]);
      expect(kinds(await inbox(people.cy))).toEqual(["mention"]);
      expect(kinds(await inbox(people.ana))).toEqual(["reply"]);
      expect(kinds(await inbox(people.ben))).toEqual([]);
    });

    it("P-NOTE-4: a pending post edited to name someone tells them nothing until it is approved", async () => {
      const { people, post, inbox, moderate, approvalOn } = await room(db.store);
      const mona = actorOf(people.mona);
      await approvalOn();
      const pending = await post(people.ben, { body: "Waiting." });
      const edited = await editArgument(db.store, actorOf(people.ben), {
        argumentId: pending,
        clientId: id(),
        body: "Waiting, @Ana Lima.",
      });
      expect(edited.ok).toBe(true);
      expect(kinds(await inbox(people.ana))).toEqual([]);
      await moderate(approveArgument(db.store, mona, { argumentId: pending, clientId: id() }));
      expect(kinds(await inbox(people.ana))).toEqual(["mention"]);
    });

    it("P-NOTE-7: a reply that also mentions its parent's author notifies them once, as a reply", async () => {
      const { people, post, reply, inbox } = await room(db.store);
      const mine = await post(people.ana);
      await reply(people.ben, mine, "@Ana Lima, the harbour disagrees.");
      expect(kinds(await inbox(people.ana))).toEqual(["reply"]);
    });

    it("P-NOTE-5: the author of a pending post hears it was approved, and its parent's author of the reply", async () => {
      const { people, post, inbox, moderate, approvalOn } = await room(db.store);
      const mine = await post(people.ana);
      const mona = actorOf(people.mona);
      await approvalOn();
      const pending = await post(people.ben, { parentId: mine, relation: "supports" });
      expect(kinds(await inbox(people.ana))).toEqual([]);
      await moderate(approveArgument(db.store, mona, { argumentId: pending, clientId: id() }));
      expect((await inbox(people.ben)).notifications).toMatchObject([
        { type: "approved", argumentId: pending, actor: { name: "Mona Moderator" } },
      ]);
      expect((await inbox(people.ana)).notifications).toMatchObject([
        { type: "reply", argumentId: pending, actor: { name: "Ben Okafor" } },
      ]);
    });

    it("P-NOTE-5: the author of a rejected post hears why", async () => {
      const { people, post, inbox, moderate, approvalOn } = await room(db.store);
      const mona = actorOf(people.mona);
      await approvalOn();
      const pending = await post(people.ben, { body: "Off topic, @Ana Lima." });
      await moderate(
        rejectArgument(db.store, mona, {
          argumentId: pending,
          clientId: id(),
          reason: "Off topic",
        }),
      );
      expect((await inbox(people.ben)).notifications).toMatchObject([
        { type: "rejected", argumentId: pending, reason: "Off topic" },
      ]);
      // A rejected post was never public: whoever it mentions never hears of it.
      expect(kinds(await inbox(people.ana))).toEqual([]);
    });

    it("P-NOTE-5: the author of a hidden post hears it was hidden, and why; nobody else does", async () => {
      const { people, post, reply, inbox, moderate } = await room(db.store);
      const mine = await post(people.ana);
      const rude = await reply(people.ben, mine, "Rude words.");
      await moderate(
        hideArgument(db.store, actorOf(people.mona), {
          argumentId: rude,
          clientId: id(),
          reason: "Keep it civil",
        }),
      );
      const bens = (await inbox(people.ben)).notifications;
      expect(bens).toMatchObject([
        {
          type: "hidden",
          argumentId: rude,
          reason: "Keep it civil",
          actor: { name: "Mona Moderator" },
        },
      ]);
      expect(describeNotification(bens[0] as NotificationView)).toMatch(
        /^A moderator hid your post on “.+”: Keep it civil$/,
      );
      // It leads to the motion: the post is no longer on its page for its author either.
      expect(notificationHref(bens[0] as NotificationView)).toBe(`/motions/${bens[0]?.motionId}`);
      expect(kinds(await inbox(people.ana))).not.toContain("hidden");
      // Restored, the post is back, and so the notice goes.
      await moderate(
        restoreArgument(db.store, actorOf(people.mona), { argumentId: rude, clientId: id() }),
      );
      expect(kinds(await inbox(people.ben))).not.toContain("hidden");
    });

    it("P-NOTE-6: a motion opened in my space notifies every member but who opened it", async () => {
      const { d, people, inbox, moderate } = await room(db.store);
      const mona = actorOf(people.mona);
      const created = await createMotion(db.store, mona, {
        clientId: id(),
        spaceId: d.spaceId,
        title: "The harbour should be dredged",
      });
      if (!created.ok) throw new Error(created.error.message);
      const draft = await createMotion(db.store, mona, {
        clientId: id(),
        spaceId: d.spaceId,
        title: "The canal should be reopened",
        status: "draft",
      });
      if (!draft.ok) throw new Error(draft.error.message);
      // A draft is its moderators' alone: nobody hears of it until it opens.
      expect((await inbox(people.ana)).notifications.map((n) => n.motionTitle)).toEqual([
        "The harbour should be dredged",
      ]);
      await moderate(
        changeMotionStatus(db.store, mona, {
          motionId: draft.value.motionId,
          clientId: id(),
          status: "open",
        }),
      );
      for (const who of [people.ana, people.ben, people.cy]) {
        const { notifications } = await inbox(who);
        expect(notifications.map((n) => [n.type, n.motionTitle, n.argumentId])).toEqual([
          ["motion_opened", "The canal should be reopened", null],
          ["motion_opened", "The harbour should be dredged", null],
        ]);
        expect(notifications[0]?.actor).toEqual({ id: people.mona.id, name: "Mona Moderator" });
      }
      expect(kinds(await inbox(people.mona))).toEqual([]);
    });

    it("P-NOTE-6: a debate imported open is news to the space's members; imported as a draft, to nobody", async () => {
      const { d, people, inbox } = await room(db.store);
      const mona = actorOf(people.mona);
      const debateJson = JSON.parse(await exported(db.store, mona, d.motionId, "json"));
      const importAs = async (status: string) =>
        must(
          importDebate(db.store, mona, {
            clientId: id(),
            spaceId: d.spaceId,
            debate: { ...debateJson, motion: { ...debateJson.motion, status } },
          }),
        );
      const opened = await importAs("open");
      await importAs("draft");
      for (const who of [people.ana, people.ben, people.cy]) {
        const { notifications } = await inbox(who);
        expect(notifications.map((n) => [n.type, n.motionId])).toEqual([
          ["motion_opened", opened.motionId],
        ]);
      }
      expect(kinds(await inbox(people.mona))).toEqual([]);
    });

    it("P-NOTE-9: in an anonymous motion the notification names a pseudonym, never the person", async () => {
      const { d, people, post, reply, inbox, moderate } = await room(db.store);
      await moderate(
        changeSettings(db.store, actorOf(people.mona), {
          motionId: d.motionId,
          clientId: id(),
          settings: { anonymous: true },
        }),
      );
      const mine = await post(people.ana);
      await reply(people.ben, mine, "Named @Cy Observer.");
      const [forAna] = (await inbox(people.ana)).notifications;
      expect(forAna?.actor).toEqual({ id: "participant-2", name: "Participant 2" });
      expect(JSON.stringify(await inbox(people.cy))).not.toContain(people.ben.id);
      expect(JSON.stringify(await inbox(people.cy))).not.toContain("Ben");
      // A moderator knows who wrote what.
      await post(people.ben, { body: "For @Mona Moderator." });
      expect((await inbox(people.mona)).notifications[0]?.actor).toEqual({
        id: people.ben.id,
        name: "Ben Okafor",
      });
    });

    it("P-NOTE-8: a notification leaves the inbox once its argument is hidden, or its reader leaves the space", async () => {
      const { d, people, post, reply, inbox, moderate } = await room(db.store);
      const mine = await post(people.ana);
      const hidden = await reply(people.ben, mine, "Rude words.");
      await reply(people.ben, mine, "Kind words, @Cy Observer.");
      expect((await inbox(people.ana)).unread).toBe(2);
      await moderate(
        hideArgument(db.store, actorOf(people.mona), {
          argumentId: hidden,
          clientId: id(),
          reason: "Rude",
        }),
      );
      const shown = await inbox(people.ana);
      expect(shown.unread).toBe(1);
      expect(shown.notifications.map((n) => n.argumentId)).not.toContain(hidden);

      expect((await inbox(people.cy)).unread).toBe(1);
      await moderate(
        changeMember(db.store, systemActor, {
          spaceId: d.spaceId,
          userId: people.cy.id,
          role: "removed",
        }),
      );
      expect(await inbox(people.cy)).toEqual({ notifications: [], unread: 0 });
      // Nor does a member who has left hear of anything new there.
      await post(people.ben, { body: "Where is @Cy Observer?" });
      const rows = await db.store.notifications.ofUser(people.cy.id, 10);
      expect(rows).toHaveLength(1);
    });

    it("P-NOTE-8, P-NOTE-12: a reply or mention whose author withdrew it leaves the inbox and its count, and its recipients are told which", async () => {
      const { people, post, reply, inbox } = await room(db.store);
      const mine = await post(people.ana);
      const takenBack = await reply(people.ben, mine, "Hasty words, @Cy Observer.");
      await reply(people.ben, mine, "Considered words.");
      const [anaBefore, cyBefore] = [await inbox(people.ana), await inbox(people.cy)];
      expect(anaBefore.unread).toBe(2);
      expect(cyBefore.unread).toBe(1);
      const withdrawn = await withdrawArgument(db.store, actorOf(people.ben), {
        argumentId: takenBack,
        clientId: id(),
      });
      if (!withdrawn.ok) throw new Error(withdrawn.error.message);
      const ana = await inbox(people.ana);
      expect(ana.unread).toBe(1);
      expect(ana.notifications.map((n) => n.argumentId)).not.toContain(takenBack);
      expect(await inbox(people.cy)).toEqual({ notifications: [], unread: 0 });
      const idOf = (before: Inbox) =>
        before.notifications.find((n) => n.argumentId === takenBack)?.id;
      const { gone: told } = await inboxChanges(db.store, withdrawn.events);
      expect(told.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
        [
          { userId: people.ana.id, ids: [idOf(anaBefore)] },
          { userId: people.cy.id, ids: [idOf(cyBefore)] },
        ].sort((a, b) => a.userId.localeCompare(b.userId)),
      );
    });

    it("P-NOTE-7: a command that is refused notifies nobody", async () => {
      const { d, people, post, inbox } = await room(db.store);
      const mine = await post(people.ana);
      const refused = await postArgument(db.store, actorOf(people.ben), {
        ...argumentInput(d.motionId, d.cite(trade), { parentId: mine, relation: "attacks" }),
        citations: [{ ...d.cite(trade), exact: "Words the document never says." }],
      });
      expect(refused.ok).toBe(false);
      expect((await inbox(people.ana)).notifications).toEqual([]);
    });

    describe("over REST", () => {
      beforeAll(() => {
        setTestRuntime(db.store);
      });
      const get = (who?: Person) =>
        getInbox(
          new Request("http://localhost/api/me/notifications", {
            headers: who ? { cookie: who.cookie } : {},
          }),
        );
      const read = (who: Person | undefined, body: unknown) =>
        markRead(
          new Request("http://localhost/api/me/notifications/read", {
            method: "POST",
            headers: { "content-type": "application/json", ...(who ? { cookie: who.cookie } : {}) },
            body: JSON.stringify(body),
          }),
        );

      it("P-NOTE-11: marks read by ids, then all; another member's ids are ignored, never marked", async () => {
        const { people, post, reply } = await room(db.store);
        const mine = await post(people.ana);
        for (const body of ["One.", "Two.", "Three."]) await reply(people.ben, mine, body);
        await post(people.ana, { body: "Hello @Ben Okafor." });
        const before: NotificationView[] = await (await get(people.ana)).json();
        expect(before.filter((n) => !n.read)).toHaveLength(3);
        const [newest, second] = before;
        const bens: NotificationView[] = await (await get(people.ben)).json();
        const bensId = bens[0]?.id;

        const marked = await read(people.ana, { ids: [newest?.id, bensId] });
        expect(marked.status).toBe(200);
        expect(await marked.json()).toEqual({ unread: 2 });
        const after: NotificationView[] = await (await get(people.ana)).json();
        expect(after.map((n) => n.read)).toEqual([true, false, false]);
        expect(after[1]?.id).toBe(second?.id);
        const unreadOf = async (who: Person) =>
          ((await (await get(who)).json()) as NotificationView[]).filter((n) => !n.read).length;
        expect(await unreadOf(people.ben)).toBe(1);

        expect(await (await read(people.ana, { all: true })).json()).toEqual({ unread: 0 });
        expect(await unreadOf(people.ben)).toBe(1);
      });

      it("answers a visitor 401 and bad input 400 with a reason", async () => {
        const { people } = await room(db.store);
        expect((await get()).status).toBe(401);
        expect((await read(undefined, { all: true })).status).toBe(401);
        for (const bad of [{}, { ids: [] }, { ids: ["nope"] }, { all: false }, [1]]) {
          const answer = await read(people.ana, bad);
          expect(answer.status).toBe(400);
          expect((await answer.json()).error).toMatchObject({
            code: "invalid_input",
            message: expect.stringMatching(/.+/),
          });
        }
      });

      it("P-NOTE-2: PUT /api/motions/:id/follow sets the state; a visitor is asked to sign in, an unknown state is 400", async () => {
        const { d, people } = await room(db.store);
        const put = (who: Person | undefined, body: unknown, motionId = d.motionId) =>
          putFollow(
            new Request(`http://localhost/api/motions/${motionId}/follow`, {
              method: "PUT",
              headers: {
                "content-type": "application/json",
                ...(who ? { cookie: who.cookie } : {}),
              },
              body: JSON.stringify(body),
            }),
            { params: Promise.resolve({ id: motionId }) },
          );
        const muted = await put(people.ana, { state: "muted" });
        expect(muted.status).toBe(200);
        expect(await muted.json()).toEqual({ motionId: d.motionId, state: "muted" });
        expect((await db.store.follows.get(people.ana.id, d.motionId))?.state).toBe("muted");
        expect((await put(people.ana, { state: "loud" })).status).toBe(400);
        expect((await put(undefined, { state: "muted" })).status).toBe(404);
        const open = await debate(db.store, "public");
        expect((await put(undefined, { state: "muted" }, open.motionId)).status).toBe(401);
      });
    });
  });
}
