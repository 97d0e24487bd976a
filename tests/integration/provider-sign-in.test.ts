import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../db/store";
import { linkedAccounts } from "../../server/auth/linkedAccounts";
import {
  signInWithProvider,
  unverifiedEmailMessage,
} from "../../server/domain/accounts/providerSignIn";
import { signUp } from "../../server/domain/accounts/signUp";
import { type Actor, anonymousActor } from "../../server/policy";
import { debate } from "../support/debate";
import { must } from "../support/outcome";
import { person } from "../support/people";
import { dialects, type TestStore } from "../support/stores";

const claims = (sub: string, more: Record<string, unknown> = {}) => ({
  provider: "oidc",
  sub,
  ...more,
});

const asUser = (id: string, name: string): Actor => ({ kind: "user", id, name, guestOf: null });

/** Who Auth.js's adapter signs in for the provider account: the link as the sign-in reads it. */
const adapterUser = async (store: Store, sub: string) =>
  (await linkedAccounts(store).getUserByAccount?.({ provider: "oidc", providerAccountId: sub }))
    ?.id;

const passwordAccount = (store: Store, email: string) =>
  must(signUp(store, anonymousActor, { name: "Ada Lovelace", email, password: "a long password" }));

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(
    `signing in with the institution's provider, on ${dialect.name}`,
    () => {
      // A fresh database for each case.
      let db: TestStore;
      beforeEach(async () => {
        db = await dialect.open();
      });
      afterEach(() => db.dispose());

      it("Auth.js only reads the links: an account or a link it would write itself is refused", async () => {
        const adapter = linkedAccounts(db.store);
        const user = { id: "u", name: "Eve", email: "eve@school.test", emailVerified: null };
        expect(() => adapter.createUser?.(user)).toThrow(/signInWithProvider/);
        expect(() =>
          adapter.linkAccount?.({
            userId: "u",
            type: "oidc",
            provider: "oidc",
            providerAccountId: "sub-eve",
          }),
        ).toThrow(/signInWithProvider/);
        expect(() => adapter.updateUser?.(user)).toThrow(/signInWithProvider/);
        expect(await adapterUser(db.store, "sub-eve")).toBeUndefined();
        expect(await db.store.users.byEmail("eve@school.test")).toBeUndefined();
      });

      it("a new person gets an account named from the name claim, and signs into it again", async () => {
        const first = await must(
          signInWithProvider(
            db.store,
            anonymousActor,
            claims("sub-new", {
              email: "Grace@School.test",
              email_verified: true,
              name: "Grace Hopper",
            }),
          ),
        );
        expect(first).toMatchObject({ created: true, linked: true });
        const user = await db.store.users.get(first.userId);
        expect(user).toMatchObject({
          name: "Grace Hopper",
          email: "grace@school.test",
          passwordHash: null,
        });
        expect(await adapterUser(db.store, "sub-new")).toBe(first.userId);
        expect(
          await linkedAccounts(db.store).getUserByAccount?.({
            provider: "oidc",
            providerAccountId: "sub-new",
          }),
        ).toMatchObject({ name: "Grace Hopper", email: "grace@school.test" });

        const again = await must(
          signInWithProvider(
            db.store,
            anonymousActor,
            claims("sub-new", { email: "grace@school.test", email_verified: true }),
          ),
        );
        expect(again).toEqual({ userId: first.userId, created: false, linked: false });
      });

      it("without a name claim the account is named after the email's local part", async () => {
        const signedIn = await must(
          signInWithProvider(
            db.store,
            anonymousActor,
            claims("sub-noname", { email: "alan.t@school.test", email_verified: true }),
          ),
        );
        expect((await db.store.users.get(signedIn.userId))?.name).toBe("alan.t");
      });

      it("a verified email signs into the password account that has it, which keeps its password", async () => {
        const account = await passwordAccount(db.store, "ada@school.test");
        const signedIn = await must(
          signInWithProvider(
            db.store,
            anonymousActor,
            claims("sub-ada", { email: "ADA@school.test", email_verified: true, name: "A. L." }),
          ),
        );
        expect(signedIn).toEqual({ userId: account.id, created: false, linked: true });
        expect(await db.store.users.get(account.id)).toMatchObject({ name: "Ada Lovelace" });
        expect((await db.store.users.get(account.id))?.passwordHash).not.toBeNull();
        expect(await adapterUser(db.store, "sub-ada")).toBe(account.id);
        expect(await db.store.providerAccounts.providersOf(account.id)).toEqual(["oidc"]);
      });

      it("an unverified email never signs into the account that has it", async () => {
        const account = await passwordAccount(db.store, "ada@school.test");
        for (const verified of [false, undefined]) {
          const refused = await signInWithProvider(
            db.store,
            anonymousActor,
            claims("sub-mallory", { email: "ada@school.test", email_verified: verified }),
          );
          expect(refused).toEqual({
            ok: false,
            error: { code: "forbidden", message: unverifiedEmailMessage },
          });
        }
        expect(await adapterUser(db.store, "sub-mallory")).toBeUndefined();
        expect(await db.store.providerAccounts.providersOf(account.id)).toEqual([]);
      });

      it("an unverified email that nobody has makes an account without that email", async () => {
        const signedIn = await must(
          signInWithProvider(
            db.store,
            anonymousActor,
            claims("sub-unverified", { email: "eve@school.test", name: "Eve" }),
          ),
        );
        expect(signedIn.created).toBe(true);
        expect(await db.store.users.get(signedIn.userId)).toMatchObject({
          name: "Eve",
          email: null,
        });
        // The address stays free for its owner to sign up with.
        await passwordAccount(db.store, "eve@school.test");
      });

      it("a signed-in member links the provider to their own account, whatever its email", async () => {
        const account = await passwordAccount(db.store, "ada@home.test");
        const me = asUser(account.id, account.name);
        const linked = await must(
          signInWithProvider(
            db.store,
            me,
            claims("sub-link", { email: "a.lovelace@school.test", email_verified: false }),
          ),
        );
        expect(linked).toEqual({ userId: account.id, created: false, linked: true });
        // Both ways now sign into the one account.
        const viaProvider = await must(
          signInWithProvider(db.store, anonymousActor, claims("sub-link")),
        );
        expect(viaProvider.userId).toBe(account.id);
        expect(await adapterUser(db.store, "sub-link")).toBe(account.id);
      });

      it("a provider account linked to someone else is not linked to a second account", async () => {
        const ada = await passwordAccount(db.store, "ada@school.test");
        await must(
          signInWithProvider(
            db.store,
            anonymousActor,
            claims("sub-ada", { email: "ada@school.test", email_verified: true }),
          ),
        );
        const ben = await must(
          signUp(db.store, anonymousActor, {
            name: "Ben",
            email: "ben@school.test",
            password: "a long password",
          }),
        );
        const refused = await signInWithProvider(
          db.store,
          asUser(ben.id, "Ben"),
          claims("sub-ada"),
        );
        expect(refused).toMatchObject({ ok: false, error: { code: "conflict" } });
        expect(await adapterUser(db.store, "sub-ada")).toBe(ada.id);
      });

      it("an account made by the provider is a member like any other, not a guest", async () => {
        const d = await debate(db.store);
        const guest = await person(db.store, "Gus Guest", {
          spaceId: d.spaceId,
          role: "participant",
          guest: true,
        });
        const signedIn = await must(
          signInWithProvider(
            db.store,
            anonymousActor,
            claims("sub-member", { email: "nia@school.test", email_verified: true, name: "Nia" }),
          ),
        );
        await db.store.transaction((tx) =>
          tx.memberships.insert({
            spaceId: d.spaceId,
            userId: signedIn.userId,
            role: "participant",
            joinedAt: new Date(),
          }),
        );
        const members = await db.store.memberships.list(d.spaceId);
        expect(members.find((m) => m.userId === signedIn.userId)).toMatchObject({ guest: false });
        expect(members.find((m) => m.userId === guest.id)).toMatchObject({ guest: true });
      });

      it("a provider that does not say who the person is is refused", async () => {
        const refused = await signInWithProvider(db.store, anonymousActor, { provider: "oidc" });
        expect(refused).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      });
    },
  );
}
