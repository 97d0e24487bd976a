import type { Account, Profile } from "next-auth";
import type { OIDCConfig } from "next-auth/providers";
import type { Store } from "../../db/store";
import type { OidcConfig } from "../config";
import { signInWithProvider } from "../domain/accounts/providerSignIn";
import { anonymousActor } from "../policy";
import { returnPathOf } from "./returnPath";
import { actorFromHeaders, isSecureRequest } from "./session";

/** What the sign-in page says for each refusal it is sent back with (`?error=`). */
export const institutionRefusals = {
  forbidden: "OidcEmailUnverified",
  conflict: "OidcLinkedElsewhere",
} as const;

/**
 * The institution's OpenID Connect provider, as Auth.js's generic provider "oidc": discovery
 * from the issuer, the authorization code flow with PKCE, state and nonce checks by Auth.js.
 */
export function institutionProvider(oidc: OidcConfig): OIDCConfig<Profile> {
  return {
    id: "oidc",
    name: oidc.name,
    type: "oidc",
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    checks: ["pkce", "state", "nonce"],
  };
}

/**
 * Auth.js's signIn callback for the provider: the account the person signs into is found,
 * linked or made here (the link Auth.js then reads, server/auth/linkedAccounts.ts), and a refusal
 * sends them back to the sign-in page with the reason, and the return path they started from.
 */
export async function matchInstitutionSignIn(
  store: Store,
  secret: string,
  request: Request | undefined,
  account: Account,
  profile: Profile | undefined,
): Promise<true | string> {
  // A signed-in member who starts this sign-in links the provider to their account.
  const actor = request ? await actorFromHeaders(store, request.headers, secret) : anonymousActor;
  const outcome = await signInWithProvider(store, actor, {
    ...profile,
    provider: account.provider,
    sub: account.providerAccountId,
  });
  if (outcome.ok) return true;
  const reason =
    outcome.error.code === "forbidden" || outcome.error.code === "conflict"
      ? institutionRefusals[outcome.error.code]
      : "OidcRefused";
  const back = request ? returnPathFromCookie(request.headers) : undefined;
  const callback = back ? `&callbackUrl=${encodeURIComponent(back)}` : "";
  return `/signin?error=${reason}${callback}`;
}

/** Auth.js keeps the page the sign-in started from in a cookie of its own. */
export function returnPathFromCookie(headers: Headers): string | undefined {
  const name = isSecureRequest(headers) ? "__Secure-authjs.callback-url" : "authjs.callback-url";
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) {
      const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "";
      return returnPathOf(decodeURIComponent(value.join("=")), host);
    }
  }
  return undefined;
}
