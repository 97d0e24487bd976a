import { z } from "zod";
import type { Store } from "../../../db/store";
import type { Actor } from "../../policy";
import { newId } from "../ids";
import { done, invalidInput, type Outcome, refuse } from "../outcome";

/** Thirty days, Auth.js's default: pages, REST and sockets all read the same session cookie. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

/**
 * Starts a session for a user who just signed in (or joined as a guest, or made an account from
 * a guest): its id goes into the cookie, and the cookie is honoured while this row lasts. Rows of
 * sessions that ran out are swept here, so the table holds about as many rows as live sessions.
 */
export async function startSession(store: Store, userId: string, now = new Date()) {
  const sessionId = newId();
  await store.transaction(async (tx) => {
    await tx.sessions.removeExpired(now);
    await tx.sessions.insert({
      sessionToken: sessionId,
      userId,
      expires: new Date(now.getTime() + SESSION_MAX_AGE * 1000),
    });
  });
  return sessionId;
}

/**
 * Ends one session: signing out. Whoever holds the sealed cookie may end the session it names,
 * and nobody else's: the user and the session both come from the cookie. Answers the ids ended,
 * whose open connections the caller closes.
 */
export function endSession(
  store: Store,
  session: { userId: string; sessionId: string },
): Promise<string[]> {
  return store.transaction((tx) => tx.sessions.remove(session.userId, session.sessionId));
}

/** "Sign out everywhere" takes nothing: whose sessions end is the signed-in user's. */
export const EndSessionsInput = z.object({}).optional();

/**
 * Ends every session of the signed-in user, on every browser and device ("Sign out everywhere");
 * their open connections close once it has committed.
 */
export async function endAllSessions(
  store: Store,
  actor: Actor,
  input: unknown = {},
): Promise<Outcome<{ ended: string[] }>> {
  const parsed = EndSessionsInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (actor.kind !== "user") return refuse("unauthenticated", "Sign in to sign out everywhere.");
  const ended = await store.transaction((tx) => tx.sessions.removeAll(actor.id));
  return done({ ended }, [], [{ type: "sessions.ended", sessionIds: ended }]);
}
