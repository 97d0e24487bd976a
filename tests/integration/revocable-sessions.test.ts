import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as signOutEverywhere } from "../../app/api/me/sessions/route";
import { POST as createSpace, GET as listMySpaces } from "../../app/api/spaces/route";
import { POST as signUpRoute } from "../../app/api/users/route";
import type { Store } from "../../db/store";
import { actorFromHeaders, endSessionOf, sessionCookieFor } from "../../server/auth/session";
import { getAccount } from "../../server/domain/accounts/account";
import {
  endAllSessions,
  SESSION_MAX_AGE,
  startSession,
} from "../../server/domain/accounts/sessions";
import { anonymousActor } from "../../server/policy";
import { actorOf, debate } from "../support/debate";
import { type Person, person, testAuthSecret } from "../support/people";
import { type Client, startRealtime, type TestRealtime } from "../support/realtime";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

const headersOf = (cookie: string) => new Headers({ cookie });

/** Another browser or device signed in as the same person: its own session and cookie. */
async function anotherDevice(store: Store, who: Person): Promise<Person> {
  const session = await sessionCookieFor(store, who, testAuthSecret, false);
  return { ...who, cookie: `${session.name}=${session.value}` };
}

/** Resolves with the reason the server gave when it closes the client's connection. */
const closedByServer = (socket: Client) =>
  new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`revocable sessions on ${dialect.name}`, () => {
    let db: TestStore;
    let store: Store;
    let server: TestRealtime;

    beforeAll(async () => {
      db = await dialect.open();
      store = db.store;
      server = await startRealtime(store);
      const { publish, disconnectSessions } = server;
      setTestRuntime(store, { publish, disconnectSessions });
    });

    afterAll(async () => {
      await server?.close();
      await db?.dispose();
    });

    const whoIs = (cookie: string) => actorFromHeaders(store, headersOf(cookie), testAuthSecret);
    const signOut = (cookie: string) => endSessionOf(store, headersOf(cookie), testAuthSecret);

    it("a signed-out session's cookie is a visitor's, and the user's other devices stay signed in", async () => {
      const laptop = await person(store, "Lena Laptop");
      const phone = await anotherDevice(store, laptop);
      expect(await whoIs(laptop.cookie)).toMatchObject({ kind: "user", id: laptop.id });

      expect(await signOut(laptop.cookie)).toHaveLength(1);
      expect(await whoIs(laptop.cookie)).toEqual(anonymousActor);
      expect(await whoIs(phone.cookie)).toMatchObject({ kind: "user", id: laptop.id });
      // Signing out again with the copied cookie ends nothing more.
      expect(await signOut(laptop.cookie)).toEqual([]);
    });

    it("signing out everywhere ends every device's session, and no one else's", async () => {
      const ada = await person(store, "Ada Everywhere");
      const devices = [ada, await anotherDevice(store, ada), await anotherDevice(store, ada)];
      const other = await person(store, "Otto Other");
      expect(await getAccount(store, actorOf(ada))).toMatchObject({ value: { sessions: 3 } });

      const outcome = await endAllSessions(store, actorOf(ada));
      expect(outcome.ok && outcome.value.ended).toHaveLength(3);
      for (const device of devices) expect(await whoIs(device.cookie)).toEqual(anonymousActor);
      expect(await whoIs(other.cookie)).toMatchObject({ kind: "user", id: other.id });
      expect(await getAccount(store, actorOf(ada))).toMatchObject({ value: { sessions: 0 } });
    });

    it("a visitor cannot sign out everywhere, and has no account to show", async () => {
      expect(await endAllSessions(store, anonymousActor)).toMatchObject({
        ok: false,
        error: { code: "unauthenticated" },
      });
      expect(await getAccount(store, anonymousActor)).toMatchObject({
        ok: false,
        error: { code: "unauthenticated" },
      });
    });

    it("a cookie from before sessions had ids, sealed with the right secret, is a visitor's", async () => {
      const old = await person(store, "Olga Oldcookie");
      const salt = "authjs.session-token";
      const value = await encode({
        token: { sub: old.id, name: old.name },
        secret: testAuthSecret,
        salt,
        maxAge: SESSION_MAX_AGE,
      });
      expect(await whoIs(`${salt}=${value}`)).toEqual(anonymousActor);
    });

    it("a session that ran out is a visitor's, and its row is swept at the next sign-in", async () => {
      const ran = await person(store, "Rhea Ranout");
      const longAgo = new Date(Date.now() - (SESSION_MAX_AGE + 60) * 1000);
      const expired = await startSession(store, ran.id, longAgo);
      expect(await store.sessions.liveUser(expired, new Date())).toBeUndefined();

      await startSession(store, ran.id);
      const ended = await store.transaction((tx) => tx.sessions.removeAll(ran.id));
      expect(ended).not.toContain(expired);
      expect(ended).toHaveLength(2); // the person's first session and the new one
    });

    it("DELETE /api/me/sessions signs out everywhere: the open connections close, copied cookies then get 401, and a visitor gets 401", async () => {
      const rest = await person(store, "Rita Rest");
      const copy = await anotherDevice(store, rest);
      const onCopy = await server.client(copy);
      const closed = closedByServer(onCopy);
      const call = (cookie?: string) =>
        signOutEverywhere(
          new Request("http://localhost/api/me/sessions", {
            method: "DELETE",
            headers: cookie ? { cookie } : {},
          }),
        );

      const answer = await call(rest.cookie);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ ended: 2 });
      expect(await closed).toBe("io server disconnect");
      expect(answer.headers.get("set-cookie")).toMatch(
        /^authjs\.session-token=; Path=\/; Max-Age=0/,
      );

      const write = await createSpace(
        new Request("http://localhost/api/spaces", {
          method: "POST",
          headers: { cookie: copy.cookie, "content-type": "application/json" },
          body: JSON.stringify({ name: "Made with a copied cookie" }),
        }),
      );
      expect(write.status).toBe(401);
      const read = await listMySpaces(
        new Request("http://localhost/api/spaces", { headers: { cookie: copy.cookie } }),
      );
      expect(read.status).toBe(401);
      expect((await call(copy.cookie)).status).toBe(401);
      expect((await call()).status).toBe(401);
    });

    it("a guest who creates an account gets a new session, and the guest's cookie stops working", async () => {
      const d = await debate(store, "private");
      const guest = await person(store, "Gia Guest", {
        spaceId: d.spaceId,
        role: "participant",
        guest: true,
      });
      const answer = await signUpRoute(
        new Request("http://localhost/api/users", {
          method: "POST",
          headers: { cookie: guest.cookie, "content-type": "application/json" },
          body: JSON.stringify({
            name: "Gia Account",
            email: `gia-${crypto.randomUUID()}@example.test`,
            password: "a long enough password",
          }),
        }),
      );
      expect(answer.status).toBe(201);
      const fresh = (answer.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      expect(await whoIs(fresh)).toMatchObject({ kind: "user", id: guest.id, guestOf: null });
      expect(await whoIs(guest.cookie)).toEqual(anonymousActor);
    });

    it("P-AUTH-3: a socket of an ended session is disconnected; a handshake with its cookie is a visitor", async () => {
      const d = await debate(store, "private");
      const member = await d.member("Sam Socket", "participant");
      const phone = await anotherDevice(store, member);
      const [laptopA, laptopB, onPhone] = [
        await server.client(member),
        await server.client(member),
        await server.client(phone),
      ] as [Client, Client, Client];
      for (const socket of [laptopA, laptopB, onPhone]) {
        expect(
          await socket.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 }),
        ).toMatchObject({ ok: true });
      }

      const closed = [closedByServer(laptopA), closedByServer(laptopB)];
      server.disconnectSessions(await signOut(member.cookie));
      expect(await Promise.all(closed)).toEqual(["io server disconnect", "io server disconnect"]);

      // The phone's session was not ended: its connection still answers as the member.
      expect(onPhone.connected).toBe(true);
      expect(
        await onPhone.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 }),
      ).toMatchObject({ ok: true });

      // The copied laptop cookie connects, but as a visitor: the private motion is not there.
      const copied = await server.client(member);
      expect(
        await copied.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 }),
      ).toMatchObject({ ok: false, error: { code: "not_found" } });
    });

    it("P-AUTH-3: signing out everywhere closes every device's sockets and leaves other members connected", async () => {
      const d = await debate(store, "private");
      const member = await d.member("Eve Everywhere", "participant");
      const classmate = await d.member("Cal Classmate", "participant");
      const mine = [
        await server.client(member),
        await server.client(await anotherDevice(store, member)),
      ];
      const theirs = await server.client(classmate);
      const closed = mine.map(closedByServer);

      const outcome = await endAllSessions(store, actorOf(member));
      if (!outcome.ok) throw new Error(outcome.error.message);
      server.disconnectSessions(outcome.value.ended);
      expect(await Promise.all(closed)).toEqual(["io server disconnect", "io server disconnect"]);
      expect(
        await theirs.emitWithAck("motion:join", { motionId: d.motionId, sinceSeq: 0 }),
      ).toMatchObject({ ok: true });
    });
  });
}
