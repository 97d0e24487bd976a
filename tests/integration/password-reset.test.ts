import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as confirmRoute } from "../../app/api/password-reset/confirm/route";
import { POST as requestRoute } from "../../app/api/password-reset/route";
import { GET as listMySpaces } from "../../app/api/spaces/route";
import { POST as signUpRoute } from "../../app/api/users/route";
import type { Store } from "../../db/store";
import { resetLinkSent } from "../../lib/passwordReset";
import { actorFromHeaders, sessionCookieFor } from "../../server/auth/session";
import {
  RESET_LINK_LIFETIME_MS,
  requestPasswordReset,
} from "../../server/domain/accounts/passwordReset";
import { signInWithPassword } from "../../server/domain/accounts/signIn";
import { smtpMailer } from "../../server/mail/mailer";
import { anonymousActor } from "../../server/policy";
import { rateLimits } from "../../server/rateLimits/limiter";
import { limitTable } from "../../server/rateLimits/table";
import { catchMail, type MailCatcher, resetLinkIn } from "../support/mailServer";
import { testAuthSecret } from "../support/people";
import { type Client, startRealtime, type TestRealtime } from "../support/realtime";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

const OLD_PASSWORD = "the password I forgot";
const NEW_PASSWORD = "a new password to remember";

const post = (
  door: (request: Request) => Promise<Response>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  door(
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

const askForLink = (email: unknown, headers?: Record<string, string>) =>
  post(requestRoute, "/api/password-reset", { email }, headers);
const setPassword = (token: unknown, password: unknown) =>
  post(confirmRoute, "/api/password-reset/confirm", { token, password });

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`password reset by email on ${dialect.name}`, () => {
    let db: TestStore;
    let store: Store;
    let mail: MailCatcher;
    let server: TestRealtime;

    beforeAll(async () => {
      db = await dialect.open();
      store = db.store;
      mail = await catchMail();
      server = await startRealtime(store);
      setTestRuntime(store, {
        mailer: smtpMailer({
          smtpUrl: `smtp://127.0.0.1:${mail.port}`,
          from: "Moot <moot@example.test>",
        }),
        publish: server.publish,
        disconnectSessions: server.disconnectSessions,
      });
    });

    afterAll(async () => {
      await server?.close();
      await mail?.close();
      await db?.dispose();
    });

    /** A member who signed up with a password, and the cookie of the browser they then signed in on. */
    async function member(name: string) {
      const email = `${name.toLowerCase().replaceAll(" ", ".")}.${crypto.randomUUID()}@example.test`;
      const answer = await post(signUpRoute, "/api/users", { name, email, password: OLD_PASSWORD });
      expect(answer.status).toBe(201);
      const { id } = (await answer.json()) as { id: string };
      const session = await sessionCookieFor(store, { id, name }, testAuthSecret, false);
      return { id, name, email, cookie: `${session.name}=${session.value}` };
    }

    const signsIn = async (email: string, password: string) =>
      (await signInWithPassword(store, { email, password, address: "198.51.100.7" })).ok;
    const whoIs = (cookie: string) =>
      actorFromHeaders(store, new Headers({ cookie }), testAuthSecret);

    it("answers 202 alike for a known and an unknown email, and only the known one gets mail", async () => {
      const nobody = `nobody.${crypto.randomUUID()}@example.test`;
      const known = await member("Kim Known");

      const unknownAnswer = await askForLink(nobody);
      const knownAnswer = await askForLink(known.email);
      expect(unknownAnswer.status).toBe(202);
      expect(knownAnswer.status).toBe(202);
      const bodies = [await unknownAnswer.json(), await knownAnswer.json()];
      expect(bodies).toEqual([{ message: resetLinkSent }, { message: resetLinkSent }]);

      const letter = await mail.mailTo(known.email);
      expect(letter.text).toContain("Subject: Reset your Moot password");
      expect(letter.text).toContain("From: Moot <moot@example.test>");
      expect(resetLinkIn(letter).pathname).toBe("/reset-password");
      expect(mail.mails.filter((m) => m.to.includes(nobody))).toEqual([]);
    });

    it("the link is on the origin the request reached, and holds no more than a token", async () => {
      const ori = await member("Ori Origin");
      await askForLink(ori.email, { host: "moot.school.example", "x-forwarded-proto": "https" });
      const link = resetLinkIn(await mail.mailTo(ori.email));
      expect(link.origin).toBe("https://moot.school.example");
      expect([...link.searchParams.keys()]).toEqual(["token"]);
      expect(link.searchParams.get("token")).toMatch(/^[\w-]{43}$/);
    });

    it("the mailed link sets a new password: the old one stops working, the new one works, every session ends", async () => {
      const ada = await member("Ada Forgetful");
      const phone = await sessionCookieFor(store, ada, testAuthSecret, false);
      const phoneCookie = `${phone.name}=${phone.value}`;
      const socket: Client = await server.client(ada);
      const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));

      expect((await askForLink(ada.email)).status).toBe(202);
      const token = resetLinkIn(await mail.mailTo(ada.email)).searchParams.get("token");
      const answer = await setPassword(token, NEW_PASSWORD);
      expect(answer.status).toBe(200);
      // The laptop's session and the phone's.
      expect(await answer.json()).toEqual({ ended: 2 });

      expect(await signsIn(ada.email, OLD_PASSWORD)).toBe(false);
      expect(await signsIn(ada.email, NEW_PASSWORD)).toBe(true);
      expect(await whoIs(ada.cookie)).toEqual(anonymousActor);
      expect(await whoIs(phoneCookie)).toEqual(anonymousActor);
      const withOldCookie = await listMySpaces(
        new Request("http://localhost/api/spaces", { headers: { cookie: ada.cookie } }),
      );
      expect(withOldCookie.status).toBe(401);
      expect(await closed).toBe("io server disconnect");
    });

    it("a link works once: used again it answers 400 invalid_token and changes nothing", async () => {
      const una = await member("Una Once");
      await askForLink(una.email);
      const token = resetLinkIn(await mail.mailTo(una.email)).searchParams.get("token");
      expect((await setPassword(token, NEW_PASSWORD)).status).toBe(200);

      const again = await setPassword(token, "somebody else's password");
      expect(again.status).toBe(400);
      expect(await again.json()).toMatchObject({ error: { code: "invalid_token" } });
      expect(await signsIn(una.email, NEW_PASSWORD)).toBe(true);
    });

    it("a link works for one hour: made 59 minutes ago it works, made an hour ago it answers 400", async () => {
      const eli = await member("Eli Expired");
      const hourAgo = new Date(Date.now() - RESET_LINK_LIFETIME_MS - 1000);
      const stale = await requestPasswordReset(store, { email: eli.email }, hourAgo);
      const staleToken = stale.ok ? stale.value?.token : undefined;
      expect(staleToken).toBeTypeOf("string");
      const expired = await setPassword(staleToken, NEW_PASSWORD);
      expect(expired.status).toBe(400);
      expect(await expired.json()).toMatchObject({ error: { code: "invalid_token" } });
      expect(await signsIn(eli.email, OLD_PASSWORD)).toBe(true);

      const almost = new Date(Date.now() - RESET_LINK_LIFETIME_MS + 60_000);
      const fresh = await requestPasswordReset(store, { email: eli.email }, almost);
      const freshToken = fresh.ok ? fresh.value?.token : undefined;
      expect((await setPassword(freshToken, NEW_PASSWORD)).status).toBe(200);
      expect(await signsIn(eli.email, NEW_PASSWORD)).toBe(true);
    });

    it("a new password ends the account's other links too", async () => {
      const two = await member("Tom Twolinks");
      const first = await requestPasswordReset(store, { email: two.email });
      const second = await requestPasswordReset(store, { email: two.email });
      const tokenOf = (o: typeof first) => (o.ok ? o.value?.token : undefined);
      expect((await setPassword(tokenOf(second), NEW_PASSWORD)).status).toBe(200);
      const other = await setPassword(tokenOf(first), "yet another password");
      expect(other.status).toBe(400);
      expect(await other.json()).toMatchObject({ error: { code: "invalid_token" } });
    });

    it("bad input answers 400 invalid_input naming the field, and a made-up token 400 invalid_token", async () => {
      const noEmail = await askForLink("not an email");
      expect(noEmail.status).toBe(400);
      expect(await noEmail.json()).toMatchObject({
        error: { code: "invalid_input", message: "email: is not a valid email address" },
      });
      expect((await post(requestRoute, "/api/password-reset", "{not json")).status).toBe(400);

      const short = await setPassword("some-token", "short");
      expect(short.status).toBe(400);
      expect(await short.json()).toMatchObject({
        error: { code: "invalid_input", message: "password: must be at least 10 characters" },
      });
      expect((await setPassword(undefined, NEW_PASSWORD)).status).toBe(400);
      const madeUp = await setPassword("a-token-nobody-was-sent", NEW_PASSWORD);
      expect(madeUp.status).toBe(400);
      expect(await madeUp.json()).toMatchObject({ error: { code: "invalid_token" } });
    });

    it("asking too often for one email answers 429 with Retry-After, and no more mail goes out", async () => {
      const busy = await member("Bea Busy");
      const count = limitTable.passwordResets.perAccount;
      for (let i = 0; i < count; i++) expect((await askForLink(busy.email)).status).toBe(202);
      const over = await askForLink(busy.email.toUpperCase());
      expect(over.status).toBe(429);
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await over.json()).toMatchObject({
        error: {
          code: "rate_limited",
          message: expect.stringMatching(
            /^Too many password reset requests for this email just now/,
          ),
        },
      });
      // Another email from the same address is still served.
      expect((await askForLink(`other.${crypto.randomUUID()}@example.test`)).status).toBe(202);

      // A link asked for after the refusal: once its mail is in, a mail the refusal let through
      // would be in too.
      const later = await member("Lee Later");
      expect((await askForLink(later.email)).status).toBe(202);
      await mail.mailTo(later.email);
      expect(mail.mails.filter((m) => m.to.includes(busy.email))).toHaveLength(count);
    });

    it("with no mail server listening the answer is still 202, and the failure is logged", async () => {
      const lost = await member("Lou Lost");
      const closed = await catchMail();
      await closed.close();
      const logged: unknown[][] = [];
      const error = vi.spyOn(console, "error").mockImplementation((...args) => {
        logged.push(args);
      });
      try {
        setTestRuntime(store, {
          mailer: smtpMailer({
            smtpUrl: `smtp://127.0.0.1:${closed.port}`,
            from: "moot@example.test",
          }),
        });
        expect((await askForLink(lost.email)).status).toBe(202);
        for (let i = 0; i < 200 && logged.length === 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        expect(String(logged[0]?.[0])).toContain(`Mail to ${lost.email}`);
      } finally {
        error.mockRestore();
      }
    });

    it("asking from one address too often answers 429, whatever the emails", async () => {
      // One try per email leaves an address a fifth of its usual count: quicker to reach.
      setTestRuntime(store, { limits: rateLimits({ factor: 1, counts: { passwordResets: 1 } }) });
      const { perAddress: usual, perAccount } = limitTable.passwordResets;
      const perAddress = Math.round(usual / perAccount);
      const from = { "x-moot-client-address": "203.0.113.9" };
      for (let i = 0; i < perAddress; i++) {
        const email = `crowd.${i}.${crypto.randomUUID()}@example.test`;
        expect((await askForLink(email, from)).status).toBe(202);
      }
      const over = await askForLink(`late.${crypto.randomUUID()}@example.test`, from);
      expect(over.status).toBe(429);
      const confirmOver = await post(
        confirmRoute,
        "/api/password-reset/confirm",
        { token: "any", password: NEW_PASSWORD },
        from,
      );
      expect(confirmOver.status).toBe(429);
    });
  });
}
