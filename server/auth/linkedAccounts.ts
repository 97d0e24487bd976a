import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { Store } from "../../db/store";

/** Auth.js would make or link an account itself: Moot's signIn callback has always done it. */
function madeByMoot(): never {
  throw new Error(
    "Auth.js asked to write an account or a link: institution sign-ins are linked by signInWithProvider, in the signIn callback",
  );
}

/**
 * What Auth.js reads of Moot's accounts for an institution's sign-in: the member a provider's
 * account is linked to. The signIn callback (server/auth/institution.ts) finds, links or makes
 * that member through the domain's command first, so Auth.js only reads; it writes nothing, and
 * a write it asks for fails loudly instead of going around the command. It is not told who was
 * signed in before (`getUser`), which would refuse a guest's or an ended session's browser.
 */
export function linkedAccounts(store: Store): Adapter {
  return {
    getUser: async () => null,
    async getUserByAccount({ provider, providerAccountId }): Promise<AdapterUser | null> {
      const userId = await store.providerAccounts.userOf(provider, providerAccountId);
      const user = userId ? await store.users.get(userId) : undefined;
      if (!user) return null;
      return { id: user.id, name: user.name, email: user.email ?? "", emailVerified: null };
    },
    // Asked for only when no link was found, to make an account: Moot never leaves it to Auth.js.
    getUserByEmail: madeByMoot,
    createUser: madeByMoot,
    updateUser: madeByMoot,
    linkAccount: madeByMoot,
  };
}
