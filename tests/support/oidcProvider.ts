/**
 * A real OpenID Connect provider for the browser tests: the institution's identity provider,
 * with its own login page (oidc-provider's built-in one: any password, the login names the
 * account) and one client, Moot on E2E_PORT. Run with tsx; it serves until it is stopped.
 */
import Provider, { type Configuration } from "oidc-provider";
import { e2eOidcPort, e2ePort } from "../e2e/ports";

export const oidcTestClient = { id: "moot-e2e", secret: "a-client-secret-for-the-e2e-tests" };

/** The people the institution knows, by the login they type; their claims are what Moot reads. */
export const institutionPeople = {
  grace: { email: "grace@school.test", email_verified: true, name: "Grace Hopper" },
  ada: { email: "ada@school.test", email_verified: true, name: "Ada at School" },
  linus: { email: "linus@school.test", email_verified: true, name: "Linus at School" },
  nia: { email: "nia@school.test", email_verified: true, name: "Nia Okafor" },
  olga: { email: "olga@school.test", email_verified: true, name: "Olga Petrova" },
  /** Claims an email the institution has not verified, which an account here holds. */
  mallory: { email: "bea@school.test", email_verified: false, name: "Mallory" },
} as const;

export function institutionProvider(appPort: number): Provider {
  const issuer = `http://127.0.0.1:${e2eOidcPort}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: oidcTestClient.id,
        client_secret: oidcTestClient.secret,
        redirect_uris: [`http://127.0.0.1:${appPort}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx, id) {
      const person = institutionPeople[id as keyof typeof institutionPeople];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
    // The institution's own app: no consent screen, every client scope granted at once.
    async loadExistingGrant(ctx) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      grant.addOIDCClaims(["email", "email_verified", "name"]);
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    // Claims in the ID token itself, as most institutions' providers send them (Auth.js reads
    // the ID token's claims, not the userinfo endpoint).
    conformIdTokenClaims: false,
    cookies: { keys: ["a-cookie-key-for-the-e2e-provider"] },
    pkce: { required: () => true },
  };
  return new Provider(issuer, configuration);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  institutionProvider(e2ePort).listen(e2eOidcPort, "127.0.0.1", () => {
    console.log(`The test identity provider is serving http://127.0.0.1:${e2eOidcPort}`);
  });
}
