import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { endSession, SESSION_MAX_AGE, startSession } from "../domain/accounts/sessions";
import { signInWithPassword } from "../domain/accounts/signIn";
import { runtime } from "../runtime";
import { clientAddress } from "./address";
import { institutionProvider, matchInstitutionSignIn } from "./institution";
import { linkedAccounts } from "./linkedAccounts";

/** Auth.js's answer when the email or the address is refused for a while. */
export class TooManySignIns extends CredentialsSignin {
  code = "too_many_attempts";
}

/**
 * Auth.js, configured per request from the running server's store and secret: the standard
 * routes under /api/auth, the credentials provider, sessions as sealed JWT cookies that each
 * name a session row (`sid`), so that signing out ends the session on the server too.
 */
export const { handlers, signIn, signOut } = NextAuth((request) => {
  const { store, authSecret, disconnectSessions, oidc } = runtime();
  return {
    secret: authSecret,
    // The custom server is reached directly or through a proxy the operator put in front.
    trustHost: true,
    // Who a sign-in with the institution's provider is, Moot's rule decides in the signIn
    // callback (linking to a signed-in member included), writing the link before Auth.js looks
    // for it: Auth.js then only reads the link.
    adapter: linkedAccounts(store),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
    callbacks: {
      // The institution's sign-ins find, link or make their account by Moot's own rule first.
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        return matchInstitutionSignIn(store, authSecret, request, account, profile);
      },
      async jwt({ token, user }) {
        // Each sign-in is a session of its own, which signing out (here or everywhere) ends.
        if (user?.id) return { ...token, sid: await startSession(store, user.id) };
        // Auth.js's own session route: the cookie of an ended session is cleared, not renewed.
        if (typeof token.sid !== "string") return null;
        const holder = await store.sessions.liveUser(token.sid, new Date());
        return holder?.id === token.sub ? token : null;
      },
    },
    events: {
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (typeof token?.sid !== "string" || typeof token.sub !== "string") return;
        disconnectSessions(await endSession(store, { userId: token.sub, sessionId: token.sid }));
      },
    },
    // A wrong password is an everyday answer, not a server error worth a stack trace.
    logger: {
      error(error: Error) {
        if (!(error instanceof CredentialsSignin)) console.error(error);
      },
    },
    providers: [
      Credentials({
        id: "credentials",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, request) {
          const outcome = await signInWithPassword(store, {
            ...credentials,
            address: clientAddress(request.headers),
          });
          if (outcome.ok) {
            const { id, name, email } = outcome.value;
            return { id, name, email };
          }
          if (outcome.error.code === "too_many_requests") throw new TooManySignIns();
          return null;
        },
      }),
      ...(oidc ? [institutionProvider(oidc)] : []),
    ],
  };
});
