import { z } from "zod";
import { isUniqueViolation, type Store, type UserRow } from "../../../db/store";
import type { Actor } from "../../policy";
import { newId } from "../ids";
import { done, type Outcome, refuse } from "../outcome";

/** What an identity provider says of the person, as its ID token's claims name it. */
export const ProviderClaims = z.object({
  /** Auth.js's id of the provider ("oidc"). */
  provider: z.string().min(1).max(50),
  sub: z.string().min(1).max(255),
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)).optional().catch(undefined),
  email_verified: z.boolean().optional().catch(undefined),
  name: z.string().trim().max(200).optional().catch(undefined),
});
export type ProviderClaims = z.infer<typeof ProviderClaims>;

/** What a sign-in with the provider comes to, before anything is written. */
export type ProviderDecision =
  | { kind: "linked"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "create" }
  | { kind: "refuse"; code: "conflict" | "forbidden"; message: string };

export const unverifiedEmailMessage =
  "An account with this email exists, but your institution has not verified the email. " +
  "Sign in with your password, then link your institution's sign-in from your account page.";
export const linkedElsewhereMessage =
  "This sign-in is linked to another account. Sign out first to sign in with it.";

/**
 * The matching rule. A provider account linked before signs into its user; a signed-in member
 * links it to their own account; otherwise an account with the same email is only signed into
 * when the provider says it verified that email, and a new account is made when none has it.
 */
export function decideProviderSignIn(facts: {
  claims: ProviderClaims;
  /** The user the provider account is linked to already. */
  linkedUserId: string | undefined;
  /** The account signed in on this browser (not a guest), which asks to link the provider. */
  signedInUserId: string | undefined;
  /** The account holding the claimed email. */
  emailUser: Pick<UserRow, "id"> | undefined;
}): ProviderDecision {
  const { claims, linkedUserId, signedInUserId, emailUser } = facts;
  if (linkedUserId) {
    if (signedInUserId && signedInUserId !== linkedUserId) {
      return { kind: "refuse", code: "conflict", message: linkedElsewhereMessage };
    }
    return { kind: "linked", userId: linkedUserId };
  }
  if (signedInUserId) return { kind: "link", userId: signedInUserId };
  if (emailUser) {
    if (claims.email_verified !== true) {
      return { kind: "refuse", code: "forbidden", message: unverifiedEmailMessage };
    }
    return { kind: "link", userId: emailUser.id };
  }
  return { kind: "create" };
}

/** A new account's name: the provider's name claim, else the email's local part. */
export function nameFromClaims(claims: ProviderClaims): string {
  const name = claims.name?.slice(0, 60).trim();
  if (name) return name;
  const local = claims.email?.split("@")[0]?.slice(0, 60);
  return local || "Member";
}

export type ProviderSignIn = { userId: string; created: boolean; linked: boolean };

/**
 * Signs a person in with an identity provider: finds, links or makes the account the matching
 * rule names, in one transaction. The link is a row of the accounts table, which Auth.js's
 * adapter then reads to sign the same account in.
 */
export async function signInWithProvider(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<ProviderSignIn>> {
  const parsed = ProviderClaims.safeParse(input);
  if (!parsed.success) return refuse("invalid_input", "The provider did not say who you are.");
  const claims = parsed.data;
  const signedInUserId = actor.kind === "user" && !actor.guestOf ? actor.id : undefined;
  const attempt = () =>
    store.transaction(async (tx): Promise<Outcome<ProviderSignIn>> => {
      const decision = decideProviderSignIn({
        claims,
        linkedUserId: await tx.providerAccounts.userOf(claims.provider, claims.sub),
        signedInUserId,
        emailUser: claims.email ? await tx.users.byEmail(claims.email) : undefined,
      });
      if (decision.kind === "refuse") return refuse(decision.code, decision.message);
      if (decision.kind === "linked") {
        return done({ userId: decision.userId, created: false, linked: false });
      }
      const link = {
        type: "oidc" as const,
        provider: claims.provider,
        providerAccountId: claims.sub,
      };
      if (decision.kind === "link") {
        await tx.providerAccounts.insert({ ...link, userId: decision.userId });
        return done({ userId: decision.userId, created: false, linked: true });
      }
      const id = newId();
      await tx.users.insert({
        id,
        name: nameFromClaims(claims),
        // Only an email the provider vouches for is kept: an unverified one would hold the
        // address against its real owner signing up.
        email: claims.email_verified === true ? (claims.email ?? null) : null,
        passwordHash: null,
        guestSpaceId: null,
        createdAt: new Date(),
      });
      await tx.providerAccounts.insert({ ...link, userId: id });
      return done({ userId: id, created: true, linked: true });
    });
  // Two first sign-ins at once: the second meets the first's rows and signs into them.
  return attempt().catch((error: unknown) => {
    if (isUniqueViolation(error)) return attempt();
    throw error;
  });
}
