import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInWithPassword } from "../domain/accounts/signIn";
import { runtime } from "../runtime";
import { clientAddress } from "./address";
import { SESSION_MAX_AGE } from "./session";

/** Auth.js's answer when the email or the address is refused for a while. */
export class TooManySignIns extends CredentialsSignin {
  code = "too_many_attempts";
}

/**
 * Auth.js, configured per request from the running server's store and secret: the standard
 * routes under /api/auth, the credentials provider, sessions as sealed JWT cookies.
 */
export const { handlers, signIn, signOut } = NextAuth(() => {
  const { store, authSecret } = runtime();
  return {
    secret: authSecret,
    // The custom server is reached directly or through a proxy the operator put in front.
    trustHost: true,
    adapter: store.authAdapter(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
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
    ],
  };
});
