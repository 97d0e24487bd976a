import type { Store } from "../../db/store";
import type { SpaceRole } from "../../lib/spaces";
import { sessionCookieFor } from "../../server/auth/session";

/** The secret test servers seal sessions with; a real server generates or reads its own. */
export const testAuthSecret = "a-test-secret-that-is-long-enough-for-authjs";

export interface Person {
  id: string;
  name: string;
  /** The Cookie header a browser signed in as this person sends. */
  cookie: string;
}

/**
 * A person with a session and, in a space, a role: set straight into the store, because these
 * tests are about what each role may do, not about how people sign up (accounts.test.ts).
 */
export async function person(
  store: Store,
  name: string,
  membership?: { spaceId: string; role: SpaceRole; guest?: boolean },
): Promise<Person> {
  const id = crypto.randomUUID();
  const guest = membership?.guest === true;
  await store.transaction(async (tx) => {
    await tx.users.insert({
      id,
      name,
      email: guest ? null : `${id}@example.test`,
      passwordHash: guest ? null : "not-a-real-hash",
      guestSpaceId: guest ? (membership?.spaceId ?? null) : null,
      createdAt: new Date(),
    });
    if (membership) {
      await tx.memberships.insert({
        spaceId: membership.spaceId,
        userId: id,
        role: membership.role,
        joinedAt: new Date(),
      });
    }
  });
  const session = await sessionCookieFor(store, { id, name }, testAuthSecret, false);
  return { id, name, cookie: `${session.name}=${session.value}` };
}
