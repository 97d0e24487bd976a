import { institutionRefusals } from "@/server/auth/institution";
import {
  linkedElsewhereMessage,
  unverifiedEmailMessage,
} from "@/server/domain/accounts/providerSignIn";

/** The sentence for the reason Auth.js (or Moot's matching rule) sent a sign-in back with. */
export function signInProblem(error: string, provider: string | undefined): string {
  if (error === institutionRefusals.forbidden) return unverifiedEmailMessage;
  if (error === institutionRefusals.conflict) return linkedElsewhereMessage;
  if (error === "CredentialsSignin" || !provider) return "Email or password is wrong.";
  return `Signing in with ${provider} did not work. Try again, or sign in with your email and password.`;
}
