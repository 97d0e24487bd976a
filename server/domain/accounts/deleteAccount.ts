import { z } from "zod";
import type { Repos, Store } from "../../../db/store";
import { DELETED_MEMBER } from "../../../lib/accounts";
import { text } from "../../../lib/text";
import type { Actor } from "../../policy";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { passwordMatches } from "./password";
import { renameAuthor } from "./renameAuthor";
import { SESSION_MAX_AGE } from "./sessions";

/** How recent a sign-in must be to delete an account that has no password. */
export const FRESH_SIGN_IN_MS = 10 * 60_000;

export const DeleteAccountInput = z.object({
  password: text().max(1024).optional(),
  /** The session the request came with: set by the door from the cookie, never by the body. */
  sessionId: z.string().max(200).nullable(),
});

export interface DeletedAccount {
  /** The sessions ended, whose open connections close once it has committed. */
  ended: string[];
}

/**
 * Deletes the signed-in member's account, all at once or not at all: every session ends, no
 * password or linked identity provider signs them in again, they leave every space, their name
 * and email are gone (the
 * row stays, named "Deleted member", so what they wrote keeps its author), and each motion they
 * argued in logs `author.deleted` (for the moderators alone where nothing of theirs went
 * public). A member with a password confirms with it; one who signs in through an identity
 * provider confirms by a sign-in of the last ten minutes; a guest, whose only credential is the
 * session itself, needs nothing more. A space's last owner hands it over first.
 */
export async function deleteAccount(
  store: Store,
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<Outcome<DeletedAccount>> {
  if (actor.kind !== "user") return refuse("unauthenticated", "Sign in to delete your account.");
  const parsed = DeleteAccountInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { password, sessionId } = parsed.data;
  const user = await store.users.get(actor.id);
  if (!user || user.deletedAt) return refuse("unauthenticated", "Sign in to delete your account.");
  if (user.passwordHash) {
    if (!password) return refuse("invalid_input", "password: is required to delete your account");
    if (!(await passwordMatches(user.passwordHash, password))) {
      return refuse("forbidden", "The password is wrong: your account was not deleted.");
    }
  } else if (!actor.guestOf && !(await signedInJustNow(store, actor.id, sessionId, now))) {
    return refuse(
      "forbidden",
      "Sign in again to delete your account: it needs a sign-in of the last 10 minutes.",
    );
  }
  return store.transaction(async (tx): Promise<Outcome<DeletedAccount>> => {
    const unowned = await spacesLeftWithoutOwner(tx, actor.id);
    if (unowned.length > 0) {
      const names = unowned.map((name) => `"${name}"`).join(", ");
      return refuse(
        "conflict",
        `You are the last owner of ${names}: make another member an owner first.`,
      );
    }
    const ended = await tx.sessions.removeAll(actor.id);
    // Nobody is left to take part: the spaces' member lists and gradebooks drop them (what they
    // wrote stays, as "Deleted member").
    for (const membership of await tx.people.memberships(actor.id)) {
      await tx.memberships.remove(membership.spaceId, actor.id);
    }
    await tx.people.unlinkProviders(actor.id);
    // Nobody else reads these, and a motion they followed would keep filling an inbox no one opens.
    await tx.people.eraseInbox(actor.id);
    await tx.users.update(actor.id, {
      name: DELETED_MEMBER,
      email: null,
      emailVerified: null,
      image: null,
      passwordHash: null,
      deletedAt: now,
    });
    const events = await renameAuthor(tx, actor.id, DELETED_MEMBER, "author.deleted", now);
    return done({ ended }, events, [{ type: "sessions.ended", sessionIds: ended }]);
  });
}

/** Whether the request's session is the member's and began within FRESH_SIGN_IN_MS of `now`. */
async function signedInJustNow(
  store: Store,
  userId: string,
  sessionId: string | null,
  now: Date,
): Promise<boolean> {
  const session = sessionId ? await store.sessions.get(sessionId) : undefined;
  if (session?.userId !== userId) return false;
  const startedAt = session.expires.getTime() - SESSION_MAX_AGE * 1000;
  return now.getTime() - startedAt <= FRESH_SIGN_IN_MS;
}

/** The names of the spaces the member owns alone, which would be left without an owner. */
async function spacesLeftWithoutOwner(tx: Repos, userId: string): Promise<string[]> {
  const owned = (await tx.people.memberships(userId)).filter((m) => m.role === "owner");
  const alone: string[] = [];
  for (const membership of owned) {
    // As a change of role does: another owner stepping down meanwhile waits for this answer.
    await tx.spaces.lock(membership.spaceId);
    const members = await tx.memberships.list(membership.spaceId);
    const owners = members.filter((m) => m.role === "owner" && m.userId !== userId);
    if (owners.length === 0) alone.push(membership.spaceName);
  }
  return alone;
}
