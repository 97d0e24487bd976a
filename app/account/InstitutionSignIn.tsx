import { pageActor } from "@/server/auth/pageActor";
import { getProviderLinks } from "@/server/domain/accounts/providerLinks";
import { runtime } from "@/server/runtime";
import { ActionForm } from "../components/ActionForm";
import { linkInstitutionAction } from "./institutionActions";

/** Linking the institution's sign-in to a member's account, where one is configured. */
export async function InstitutionSignIn() {
  const { store, oidc } = runtime();
  if (!oidc) return null;
  const links = await getProviderLinks(store, await pageActor());
  if (!links.ok) return null;
  const linked = links.value.providers.includes("oidc");
  return (
    <section aria-labelledby="institution-heading" className="panel">
      <h2 id="institution-heading">Sign in with {oidc.name}</h2>
      {linked ? (
        <p>You can sign in with {oidc.name} as well as with your email and password.</p>
      ) : (
        <ActionForm
          action={linkInstitutionAction}
          submit={`Link ${oidc.name} sign-in`}
          pending={`Going to ${oidc.name}…`}
          secondary
        >
          <p className="meta">
            Link your {oidc.name} account to sign in here with it as well. You sign in there once,
            and come back to this page.
          </p>
        </ActionForm>
      )}
    </section>
  );
}
