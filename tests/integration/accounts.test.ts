import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as manageJoinCode } from "../../app/api/spaces/[id]/join-code/route";
import { GET as listMembers } from "../../app/api/spaces/[id]/members/route";
import { GET as getSpace } from "../../app/api/spaces/[id]/route";
import { POST as joinSpace } from "../../app/api/spaces/join/route";
import { POST as createSpace, GET as listMySpaces } from "../../app/api/spaces/route";
import { POST as signUpRoute } from "../../app/api/users/route";
import type { Store } from "../../db/store";
import { formatJoinCode } from "../../lib/spaces";
import { signInWithPassword } from "../../server/domain/accounts/signIn";
import { signUp } from "../../server/domain/accounts/signUp";
import { anonymousActor } from "../../server/policy";
import { type Person, person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

function request(path: string, options: { method?: string; cookie?: string; body?: unknown }) {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

/** The Cookie header a browser sends back after this response's Set-Cookie. */
function cookieFrom(response: Response): string {
  const set = response.headers.get("set-cookie") ?? "";
  expect(set).toMatch(/^authjs\.session-token=[^;]+;/);
  return set.split(";")[0] ?? "";
}

const password = "correct horse battery";
let emails = 0;
const freshEmail = () => `reader-${++emails}-${crypto.randomUUID().slice(0, 8)}@example.test`;

describe("accounts, guests and join codes", () => {
  let db: TestStore;
  let store: Store;
  let owner: Person;

  const signUpVia = (body: unknown, cookie?: string) =>
    signUpRoute(request("/api/users", { body, cookie }));
  const join = (body: unknown, cookie?: string) =>
    joinSpace(request("/api/spaces/join", { body, cookie }));
  const rotate = (spaceId: string, action: "rotate" | "off") =>
    manageJoinCode(
      request(`/api/spaces/${spaceId}/join-code`, { body: { action }, cookie: owner.cookie }),
      params(spaceId),
    );

  /** A private space the owner creates through the API: its id and join code. */
  async function newSpace(name: string): Promise<{ spaceId: string; joinCode: string }> {
    const response = await createSpace(
      request("/api/spaces", { body: { name }, cookie: owner.cookie }),
    );
    expect(response.status).toBe(201);
    const { id, joinCode } = await response.json();
    return { spaceId: id, joinCode };
  }

  /** Joins as a guest without a session: the guest's id and the Cookie header it now sends. */
  async function joinAsGuest(code: string, guestName: string) {
    const response = await join({ code, guestName });
    expect(response.status).toBe(200);
    const body = await response.json();
    return { id: body.user.id as string, cookie: cookieFrom(response), body };
  }

  beforeAll(async () => {
    db = await sqliteTestStore();
    store = db.store;
    setTestRuntime(store);
    owner = await person(store, "Olga Owner");
  });
  afterAll(() => db?.dispose());

  describe("signing up", () => {
    it("creates an account and answers 201 with its id, name and email, at its own URL", async () => {
      const response = await signUpVia({
        name: "Ada Lovelace",
        email: "Ada.Lovelace@Example.test",
        password,
      });
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body).toEqual({
        id: expect.any(String),
        name: "Ada Lovelace",
        email: "ada.lovelace@example.test",
      });
      expect(response.headers.get("location")).toBe(`/api/users/${body.id}`);
      expect((await store.users.get(body.id))?.email).toBe("ada.lovelace@example.test");
    });

    it.each([
      "ada.lovelace@example.test",
      "ADA.LOVELACE@EXAMPLE.TEST",
      "  Ada.Lovelace@example.TEST ",
    ])("refuses an email already taken, in any case (%s), with 409", async (email) => {
      const response = await signUpVia({ name: "Another Ada", email, password });
      expect(response.status).toBe(409);
      expect((await response.json()).error.code).toBe("conflict");
    });

    it.each([
      [{ name: "", email: freshEmail(), password }, "name: is empty"],
      [{ name: "Bo", email: "not-an-email", password }, "email: is not a valid email address"],
      [
        { name: "Bo", email: freshEmail(), password: "123456789" },
        "password: must be at least 10 characters",
      ],
      [
        { name: "  ", email: "bo@", password: "short" },
        "name: is empty; email: is not a valid email address; password: must be at least 10 characters",
      ],
    ])("refuses %j with 400 naming each field wrong", async (body, message) => {
      const response = await signUpVia(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: "invalid_input", message } });
    });

    it("refuses a second account for someone signed in already with 409", async () => {
      const response = await signUpVia(
        { name: "Olga Again", email: freshEmail(), password },
        owner.cookie,
      );
      expect(response.status).toBe(409);
    });
  });

  describe("joining by code", () => {
    it("a visitor joins as a guest and is signed in to that space as a participant", async () => {
      const { spaceId, joinCode } = await newSpace("Year 11 Politics");
      const guest = await joinAsGuest(joinCode, "Sam");
      expect(guest.body).toEqual({
        spaceId,
        spaceName: "Year 11 Politics",
        role: "participant",
        user: { id: guest.id, name: "Sam", guest: true },
      });
      const space = await getSpace(
        request(`/api/spaces/${spaceId}`, { cookie: guest.cookie }),
        params(spaceId),
      );
      expect(space.status).toBe(200);
      expect(await space.json()).toMatchObject({
        id: spaceId,
        role: "participant",
        joinCode: null,
      });
      const mine = await listMySpaces(request("/api/spaces", { cookie: guest.cookie }));
      expect(mine.status).toBe(200);
      expect(await mine.json()).toEqual([
        { id: spaceId, name: "Year 11 Politics", visibility: "private", role: "participant" },
      ]);
    });

    it("a wrong code answers 404 and lets nobody in", async () => {
      const { joinCode } = await newSpace("Seminar A");
      const wrong = `${joinCode.startsWith("2") ? "3" : "2"}${joinCode.slice(1)}`;
      const response = await join({ code: wrong, guestName: "Sam" });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
      expect(response.headers.get("set-cookie")).toBeNull();
    });

    it("a code typed in lower case with a dash works", async () => {
      const { spaceId, joinCode } = await newSpace("Seminar B");
      const typed = formatJoinCode(joinCode).toLowerCase();
      expect(typed).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);
      const guest = await joinAsGuest(typed, "Lee");
      expect(guest.body.spaceId).toBe(spaceId);
    });

    it("a guest who signs up keeps the same id and stays a member, now with an account", async () => {
      const { spaceId, joinCode } = await newSpace("Seminar C");
      const guest = await joinAsGuest(joinCode, "Kim");
      const email = freshEmail();
      const response = await signUpVia({ name: "Kim Park", email, password }, guest.cookie);
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ id: guest.id, name: "Kim Park", email });
      const cookie = cookieFrom(response);
      const members = await listMembers(
        request(`/api/spaces/${spaceId}/members`, { cookie }),
        params(spaceId),
      );
      expect(members.status).toBe(200);
      expect(await members.json()).toContainEqual(
        expect.objectContaining({
          userId: guest.id,
          name: "Kim Park",
          role: "participant",
          guest: false,
        }),
      );
      const own = await createSpace(
        request("/api/spaces", { body: { name: "Kim's club" }, cookie }),
      );
      expect(own.status).toBe(201);
      const signedIn = await signInWithPassword(store, {
        email,
        password,
        address: "198.51.100.7",
      });
      expect(signedIn.ok && signedIn.value.id).toBe(guest.id);
    });

    it("a guest can neither create a space nor join another one by code", async () => {
      const first = await newSpace("Seminar D");
      const second = await newSpace("Seminar E");
      const guest = await joinAsGuest(first.joinCode, "Ravi");
      const create = await createSpace(
        request("/api/spaces", { body: { name: "Ravi's space" }, cookie: guest.cookie }),
      );
      expect(create.status).toBe(403);
      expect((await create.json()).error.code).toBe("forbidden");
      const other = await join({ code: second.joinCode }, guest.cookie);
      expect(other.status).toBe(403);
      expect((await other.json()).error.code).toBe("forbidden");
      expect(await store.memberships.get(second.spaceId, guest.id)).toBeUndefined();
    });

    it("after the owner rotates the code, the old one answers 404 and the new one works", async () => {
      const { spaceId, joinCode: old } = await newSpace("Seminar F");
      const response = await rotate(spaceId, "rotate");
      expect(response.status).toBe(200);
      const { joinCode } = await response.json();
      expect(joinCode).toMatch(/^[2-9A-Z]{8}$/);
      expect(joinCode).not.toBe(old);
      expect((await join({ code: old, guestName: "Ann" })).status).toBe(404);
      const guest = await joinAsGuest(joinCode, "Ann");
      expect(guest.body.spaceId).toBe(spaceId);
    });

    it("after the owner switches joining off, no code lets anyone in", async () => {
      const { spaceId, joinCode } = await newSpace("Seminar G");
      const response = await rotate(spaceId, "off");
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ joinCode: null });
      expect((await join({ code: joinCode, guestName: "Ann" })).status).toBe(404);
      const outsider = await person(store, "Otto Outsider");
      expect((await join({ code: joinCode }, outsider.cookie)).status).toBe(404);
      expect((await store.memberships.list(spaceId)).map((m) => m.userId)).toEqual([owner.id]);
    });
  });

  describe("signing in", () => {
    const pinned = new Date("2026-03-02T09:00:00Z");
    const minutesLater = (minutes: number) => new Date(pinned.getTime() + minutes * 60_000);

    /** An account to sign in to, and an address of its own so tests do not share counts. */
    async function account() {
      const email = freshEmail();
      const made = await signUp(store, anonymousActor, { name: "Tina Tries", email, password });
      if (!made.ok) throw new Error(made.error.message);
      const address = `203.0.113.${emails}`;
      const attempt = (secret: string, now: Date) =>
        signInWithPassword(store, { email, password: secret, address }, now);
      return { id: made.value.id, attempt };
    }

    it("after five wrong passwords even the right one is refused for a while", async () => {
      const { attempt } = await account();
      for (let i = 0; i < 5; i++) {
        const wrong = await attempt(`wrong password ${i}`, pinned);
        expect(wrong).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
      }
      const right = await attempt(password, pinned);
      expect(right).toMatchObject({ ok: false, error: { code: "too_many_requests" } });
    }, 20_000);

    it("the owner of the email is not locked out for good: after the block the right password works", async () => {
      const { id, attempt } = await account();
      for (let i = 0; i < 5; i++) await attempt(`wrong password ${i}`, pinned);
      expect(await attempt(password, minutesLater(0.5))).toMatchObject({
        ok: false,
        error: { code: "too_many_requests" },
      });
      const later = await attempt(password, minutesLater(16));
      expect(later.ok && later.value.id).toBe(id);
    }, 20_000);

    it("a successful sign-in clears the email's count of failures", async () => {
      const { id, attempt } = await account();
      for (let i = 0; i < 4; i++) await attempt(`wrong password ${i}`, pinned);
      expect((await attempt(password, pinned)).ok).toBe(true);
      // Four more failures: had the first four still counted, the fifth of eight would block.
      for (let i = 0; i < 4; i++) {
        expect(await attempt(`wrong again ${i}`, pinned)).toMatchObject({
          error: { code: "unauthenticated" },
        });
      }
      const right = await attempt(password, pinned);
      expect(right.ok && right.value.id).toBe(id);
    }, 20_000);
  });
});
