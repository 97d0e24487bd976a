import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/me/export/route";
import { DELETE as deleteRoute } from "../../app/api/me/route";
import type { Store } from "../../db/store";
import { sessionCookieFor, sessionFromHeaders } from "../../server/auth/session";
import { deleteAccount } from "../../server/domain/accounts/deleteAccount";
import { hashPassword } from "../../server/domain/accounts/password";
import { signInWithPassword } from "../../server/domain/accounts/signIn";
import { signUp } from "../../server/domain/accounts/signUp";
import { editArgument } from "../../server/domain/debate/changeArgument";
import { agreeWithArgument, castVote, rateArgument } from "../../server/domain/debate/judge";
import { changeSettings } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { eventsSince, getMotion } from "../../server/domain/debate/queries";
import { participation } from "../../server/domain/debate/results";
import { search } from "../../server/domain/search/search";
import { changeMember } from "../../server/domain/spaces/members";
import { anonymousActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { exported, must } from "../support/outcome";
import { type Person, testAuthSecret } from "../support/people";
import { nextEvent, startRealtime, type TestRealtime } from "../support/realtime";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

const password = "correct horse battery";
const trade = "Trade moved inland by rail.";
const id = () => crypto.randomUUID();

type Debate = Awaited<ReturnType<typeof debate>>;

/** A member of the debate's space who signs in with an email and a password. */
async function memberWithPassword(
  store: Store,
  d: Debate,
  name: string,
  role: "owner" | "participant" = "participant",
) {
  const member = await d.member(name, role);
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${id().slice(0, 8)}@example.test`;
  const passwordHash = await hashPassword(password);
  await store.transaction((tx) => tx.users.update(member.id, { email, passwordHash }));
  return { ...member, email };
}

const call = (path: string, cookie: string | undefined, method = "GET", body?: unknown) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const download = (who?: Person) => exportRoute(call("/api/me/export", who?.cookie));
const deleteMe = (who: Person, body: unknown = {}) =>
  deleteRoute(call("/api/me", who.cookie, "DELETE", body));
for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`leaving with one's data, on ${dialect.name}`, () => {
    let db: TestStore;
    let store: Store;

    let server: TestRealtime;

    beforeAll(async () => {
      db = await dialect.open();
      store = db.store;
      server = await startRealtime(store);
      setTestRuntime(store, {
        publish: server.publish,
        disconnectSessions: server.disconnectSessions,
      });
    });
    afterAll(async () => {
      await server?.close();
      await db?.dispose();
    });

    const signInAs = (email: string) =>
      signInWithPassword(store, { email, password, address: id() });

    it("the export holds the member's profile, memberships, arguments, edits, votes, ratings, agreements and notifications, and nothing of others", async () => {
      const d = await debate(store);
      const ada = await memberWithPassword(store, d, "Ada Lovelace");
      const ben = await d.member("Ben Okafor", "participant");
      const as = { ada: actorOf(ada), ben: actorOf(ben) };
      const mine = await must(
        postArgument(store, as.ada, argumentInput(d.motionId, d.cite(trade))),
      );
      const argumentId = mine.argument.id;
      await must(
        editArgument(store, as.ada, {
          argumentId,
          clientId: id(),
          body: "Rail carried the trade.",
        }),
      );
      const bens = await must(
        postArgument(
          store,
          as.ben,
          argumentInput(d.motionId, d.cite(trade), {
            parentId: argumentId,
            relation: "attacks",
            body: "Ben's secret reply about the harbour.",
          }),
        ),
      );
      await must(
        castVote(store, as.ada, {
          motionId: d.motionId,
          clientId: id(),
          phase: "before",
          stance: "for",
        }),
      );
      await must(
        castVote(store, as.ben, {
          motionId: d.motionId,
          clientId: id(),
          phase: "before",
          stance: "against",
        }),
      );
      await must(
        rateArgument(store, as.ada, { argumentId: bens.argument.id, clientId: id(), score: 3 }),
      );
      await must(
        agreeWithArgument(store, as.ada, {
          argumentId: bens.argument.id,
          clientId: id(),
          stance: "disagree",
        }),
      );
      await must(agreeWithArgument(store, as.ben, { argumentId, clientId: id(), stance: "agree" }));

      const answer = await download(ada);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      expect(answer.headers.get("content-disposition")).toMatch(
        /^attachment; filename="moot-account-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      const text = await answer.text();
      const file = JSON.parse(text);
      expect(file.profile).toEqual({
        id: ada.id,
        name: "Ada Lovelace",
        email: ada.email,
        created: expect.any(String),
        guest: false,
      });
      expect(file.memberships).toEqual([
        expect.objectContaining({
          space: { id: d.spaceId, name: expect.any(String) },
          role: "participant",
        }),
      ]);
      expect(file.motions.map((m: { id: string }) => m.id)).toEqual([d.motionId]);
      expect(file.arguments).toHaveLength(1);
      expect(file.arguments[0]).toMatchObject({
        id: argumentId,
        motionId: d.motionId,
        relation: "for",
        body: "Rail carried the trade.",
        citations: [{ documentId: d.documentId, exact: trade }],
      });
      expect(file.edits).toEqual([
        expect.objectContaining({
          argumentId,
          revision: 1,
          body: "The rail line carried the harbour's trade.",
        }),
      ]);
      expect(file.votes).toEqual([
        expect.objectContaining({ motionId: d.motionId, phase: "before", stance: "for" }),
      ]);
      expect(file.ratings).toEqual([
        expect.objectContaining({ argumentId: bens.argument.id, score: 3 }),
      ]);
      expect(file.agreements).toEqual([
        expect.objectContaining({ argumentId: bens.argument.id, stance: "disagree" }),
      ]);
      expect(file.notifications).toEqual([
        expect.objectContaining({
          type: "reply",
          motionId: d.motionId,
          argumentId: bens.argument.id,
        }),
      ]);
      // Nothing of Ben: not his name, his id, his words, his vote or his stance on Ada's argument.
      expect(text).not.toContain("Ben");
      expect(text).not.toContain(ben.id);
      expect(text).not.toContain("secret reply");
      expect(text).not.toContain("against");
      expect(text).not.toContain('"agree"');
    });

    it("a visitor gets 401 for an export", async () => {
      const answer = await download();
      expect(answer.status).toBe(401);
      expect((await answer.json()).error.code).toBe("unauthenticated");
    });

    it("a wrong password changes nothing; the right one ends every session, refuses sign-in, leaves every space, forgets name and email, keeps the arguments as 'Deleted member'", async () => {
      const d = await debate(store);
      const moderator = await d.member("Mona Moderator", "moderator");
      const ada = await memberWithPassword(store, d, "Ada Lovelace");
      const ben = await d.member("Ben Okafor", "participant");
      await must(postArgument(store, actorOf(ada), argumentInput(d.motionId, d.cite(trade))));
      await must(
        castVote(store, actorOf(ada), {
          motionId: d.motionId,
          clientId: id(),
          phase: "before",
          stance: "for",
        }),
      );
      const adas = await must(
        eventsSince(store, actorOf(ada), { motionId: d.motionId, sinceSeq: 0 }),
      );
      const posted = adas.events.find((e) => e.type === "argument.posted");
      if (posted?.type !== "argument.posted") throw new Error("Ada's post is not in the log");
      await must(
        postArgument(
          store,
          actorOf(ben),
          argumentInput(d.motionId, d.cite(trade), {
            parentId: posted.data.argument.id,
            relation: "attacks",
            body: "Ben replies to the argument.",
          }),
        ),
      );
      expect(await store.people.notifications(ada.id)).toHaveLength(1);
      expect((await store.follows.get(ada.id, d.motionId))?.state).toBe("following");
      const phone = await sessionCookieFor(store, ada, testAuthSecret, false);
      const adaOnPhone = { ...ada, cookie: `${phone.name}=${phone.value}` };
      await store.transaction((tx) =>
        tx.providerAccounts.insert({
          userId: ada.id,
          type: "oidc",
          provider: "school",
          providerAccountId: `school-${ada.id}`,
        }),
      );

      const wrong = await deleteMe(ada, { password: "not my password" });
      expect(wrong.status).toBe(403);
      expect((await wrong.json()).error.code).toBe("forbidden");
      expect((await store.users.get(ada.id))?.email).toBe(ada.email);
      expect((await download(ada)).status).toBe(200);
      expect((await signInAs(ada.email)).ok).toBe(true);

      const gone = await deleteMe(ada, { password });
      expect(gone.status).toBe(204);
      expect(gone.headers.get("set-cookie")).toMatch(/^authjs\.session-token=;/);
      expect((await download(ada)).status).toBe(401);
      expect((await download(adaOnPhone)).status).toBe(401);
      expect(await store.sessions.countLive(ada.id, new Date())).toBe(0);
      expect(await signInAs(ada.email)).toMatchObject({
        ok: false,
        error: { code: "unauthenticated" },
      });
      expect(await store.providerAccounts.userOf("school", `school-${ada.id}`)).toBeUndefined();
      expect(await store.people.notifications(ada.id)).toEqual([]);
      expect(await store.follows.get(ada.id, d.motionId)).toBeUndefined();
      const row = await store.users.get(ada.id);
      expect(row).toMatchObject({
        name: "Deleted member",
        email: null,
        passwordHash: null,
        image: null,
      });
      expect(row?.deletedAt).toBeInstanceOf(Date);
      // They left the space: its member list (and so its gradebook) no longer holds them.
      const members = await store.memberships.list(d.spaceId);
      expect(members.map((m) => m.userId)).not.toContain(ada.id);
      expect(members.map((m) => m.userId)).toContain(ben.id);

      const view = await must(getMotion(store, actorOf(ben), d.motionId));
      expect(view.arguments).toHaveLength(1);
      expect(view.arguments[0]?.author.name).toBe("Deleted member");
      const json = await exported(store, actorOf(moderator), d.motionId, "json");
      expect(json).toContain("Deleted member");
      expect(json).not.toContain("Ada");
      const md = await exported(store, actorOf(moderator), d.motionId, "md");
      expect(md).toContain("Deleted member");
      expect(md).not.toContain("Ada");
      const rows = await must(participation(store, actorOf(moderator), d.motionId));
      expect(rows.map((r) => r.user.name)).toContain("Deleted member");
      expect(rows.map((r) => r.user.name)).not.toContain("Ada Lovelace");
      const log = await must(
        eventsSince(store, actorOf(ben), { motionId: d.motionId, sinceSeq: 0 }),
      );
      expect(log.events.at(-1)).toMatchObject({
        type: "author.deleted",
        data: { authorId: ada.id, name: "Deleted member" },
      });
      const found = await must(search(store, actorOf(ben), { q: "harbour's trade" }));
      const authors = found.results.flatMap((r) => ("author" in r ? [r.author.name] : []));
      expect(authors).toContain("Deleted member");
      expect(authors).not.toContain("Ada Lovelace");
    });

    it("P-AUTH-3: deleting the account closes its open connections, and the room hears the author renamed", async () => {
      const d = await debate(store);
      const ada = await memberWithPassword(store, d, "Ada Connected");
      const ben = await d.member("Ben Watching", "participant");
      await must(postArgument(store, actorOf(ada), argumentInput(d.motionId, d.cite(trade))));
      const adas = await server.client(ada);
      const bens = await server.client(ben);
      for (const socket of [adas, bens]) {
        expect(
          await socket.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 }),
        ).toMatchObject({ ok: true });
      }
      const closed = new Promise<string>((resolve) => adas.once("disconnect", resolve));
      const heard = nextEvent(bens, "author.deleted");
      expect((await deleteMe(ada, { password })).status).toBe(204);
      expect(await closed).toBe("io server disconnect");
      expect(await heard).toMatchObject({ data: { authorId: ada.id, name: "Deleted member" } });
    });

    it("deleting an account tells a room nothing where the member's only post never went public; its moderators hear it, to rename the post they saw wait", async () => {
      const d = await debate(store);
      const moderator = await d.member("Mo Moderator", "moderator");
      const ada = await memberWithPassword(store, d, "Ada Waiting");
      await must(
        changeSettings(store, actorOf(moderator), {
          motionId: d.motionId,
          clientId: crypto.randomUUID(),
          settings: { approvalRequired: true },
        }),
      );
      const waiting = await must(
        postArgument(store, actorOf(ada), argumentInput(d.motionId, d.cite(trade))),
      );
      expect(waiting.argument.status).toBe("pending");
      expect((await deleteMe(ada, { password })).status).toBe(204);
      const ben = await d.member("Ben Watching", "participant");
      const log = await must(
        eventsSince(store, actorOf(ben), { motionId: d.motionId, sinceSeq: 0 }),
      );
      expect(log.events.map((event) => event.type)).not.toContain("author.deleted");
      expect(log.events.at(-1)).toMatchObject({ type: "private", data: {} });
      // The moderators, who saw the post, see it under its new name, and their open pages hear it
      // (P-MOD-3).
      const theirs = await must(
        eventsSince(store, actorOf(moderator), { motionId: d.motionId, sinceSeq: 0 }),
      );
      expect(theirs.events.at(-1)).toMatchObject({
        type: "author.deleted",
        data: { authorId: ada.id, name: "Deleted member" },
      });
      const view = await must(getMotion(store, actorOf(moderator), d.motionId));
      expect(view.arguments.map((a) => a.author.name)).toEqual(["Deleted member"]);
    });

    it("a visitor cannot delete an account (401), and a member must give their password (400)", async () => {
      const d = await debate(store);
      const ada = await memberWithPassword(store, d, "Ada Careful");
      const visitor = await deleteRoute(call("/api/me", undefined, "DELETE", { password }));
      expect(visitor.status).toBe(401);
      const missing = await deleteMe(ada, {});
      expect(missing.status).toBe(400);
      expect((await missing.json()).error.message).toMatch(/password/);
      expect((await store.users.get(ada.id))?.deletedAt).toBeNull();
    });

    it("a deleted member's email makes a new account", async () => {
      const d = await debate(store);
      const ada = await memberWithPassword(store, d, "Ada Again");
      expect((await deleteMe(ada, { password })).status).toBe(204);
      const again = await must(
        signUp(store, anonymousActor, { name: "Ada Again", email: ada.email, password }),
      );
      expect(again.id).not.toBe(ada.id);
      expect(await signInAs(ada.email)).toMatchObject({ ok: true, value: { id: again.id } });
    });

    it("in an anonymous motion the deleted member's pseudonym stays as it was", async () => {
      const d = await debate(store);
      const moderator = await d.member("Mona Moderator", "moderator");
      const ada = await memberWithPassword(store, d, "Ada Hidden");
      const ben = await d.member("Ben Okafor", "participant");
      const motion = await store.motions.get(d.motionId);
      await must(
        changeSettings(store, actorOf(moderator), {
          motionId: d.motionId,
          clientId: id(),
          settings: { ...motion?.settings, anonymous: true },
        }),
      );
      await must(postArgument(store, actorOf(ada), argumentInput(d.motionId, d.cite(trade))));
      const before = await must(getMotion(store, actorOf(ben), d.motionId));
      expect(before.arguments[0]?.author.name).toMatch(/^Participant \d+$/);
      expect((await deleteMe(ada, { password })).status).toBe(204);
      const after = await must(getMotion(store, actorOf(ben), d.motionId));
      expect(after.arguments[0]?.author.name).toBe(before.arguments[0]?.author.name);
      const log = await must(
        eventsSince(store, actorOf(ben), { motionId: d.motionId, sinceSeq: 0 }),
      );
      expect(log.events.at(-1)).toMatchObject({ type: "author.deleted", data: { authorId: "" } });
      const moderated = await must(getMotion(store, actorOf(moderator), d.motionId));
      expect(moderated.arguments[0]?.author.name).toBe("Deleted member");
    });

    it("the last owner of a space is told to hand it over first (409), and can leave once they have", async () => {
      const d = await debate(store);
      const orla = await memberWithPassword(store, d, "Orla Owner", "owner");
      const pia = await d.member("Pia Participant", "participant");
      const space = await store.spaces.get(d.spaceId);
      const refused = await deleteMe(orla, { password });
      expect(refused.status).toBe(409);
      const { error } = await refused.json();
      expect(error.code).toBe("conflict");
      expect(error.message).toContain(`"${space?.name}"`);
      expect((await store.users.get(orla.id))?.name).toBe("Orla Owner");
      expect((await download(orla)).status).toBe(200);

      await must(
        changeMember(store, actorOf(orla), { spaceId: d.spaceId, userId: pia.id, role: "owner" }),
      );
      expect((await deleteMe(orla, { password })).status).toBe(204);
      expect((await store.users.get(orla.id))?.name).toBe("Deleted member");
    });

    it("without a password, a sign-in of the last ten minutes confirms; an older one is told to sign in again", async () => {
      const d = await debate(store);
      const ida = await d.member("Ida Provider", "participant");
      await store.transaction((tx) => tx.users.update(ida.id, { passwordHash: null }));
      const { actor, sessionId } = await sessionFromHeaders(
        store,
        new Headers({ cookie: ida.cookie }),
        testAuthSecret,
      );
      const later = new Date(Date.now() + 11 * 60_000);
      const stale = await deleteAccount(store, actor, { sessionId }, later);
      expect(stale).toMatchObject({ ok: false, error: { code: "forbidden" } });
      if (!stale.ok) expect(stale.error.message).toMatch(/sign in again/i);
      expect((await store.users.get(ida.id))?.name).toBe("Ida Provider");
      // The session is the cookie's, whatever the body says: this one began just now.
      const fresh = await deleteRoute(
        call("/api/me", ida.cookie, "DELETE", { sessionId: "someone-else" }),
      );
      expect(fresh.status).toBe(204);
      expect((await store.users.get(ida.id))?.deletedAt).toBeInstanceOf(Date);
    });

    it("a guest deletes themselves with no password: their post stays as 'Deleted member'", async () => {
      const d = await debate(store);
      const gus = await d.guestWhoPosted("Gus Guest", trade);
      expect((await deleteMe(gus)).status).toBe(204);
      const reader = await d.member("Rita Reader", "observer");
      const view = await must(getMotion(store, actorOf(reader), d.motionId));
      expect(view.arguments[0]?.author.name).toBe("Deleted member");
    });
  });
}
