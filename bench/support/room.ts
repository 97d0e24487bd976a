import type { Store } from "../../db/store";
import { selectorAt } from "../../lib/anchoring";
import type { SpaceRole } from "../../lib/spaces";
import { sessionCookieFor } from "../../server/auth/session";
import { createMotion } from "../../server/domain/debate/createMotion";
import { importDocument } from "../../server/domain/library/importDocument";
import { createSpace } from "../../server/domain/spaces/createSpace";
import { type Actor, systemActor } from "../../server/policy";

const text = "The harbour was closed in winter. Trade moved inland by rail.";
const quote = "Trade moved inland by rail.";

export const must = <T>(
  outcome: { ok: true; value: T } | { ok: false; error: { message: string } },
) => {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
};

/**
 * A space (private unless said otherwise) with one short document and one open motion: a
 * citation posts can carry. In a public one visitors without an account may join the room.
 */
export async function benchRoom(
  store: Store,
  spaceName: string,
  visibility: "private" | "public" = "private",
) {
  const { spaceId } = must(await createSpace(store, systemActor, { name: spaceName, visibility }));
  const document = must(
    await importDocument(store, systemActor, {
      spaceId,
      title: "Harbour report",
      mediaType: "text/plain",
      raw: new TextEncoder().encode(text),
    }),
  );
  const canonical = (await store.documents.version(document.versionId))?.text ?? "";
  const start = canonical.indexOf(quote);
  const citation = {
    documentId: document.documentId,
    ...selectorAt(canonical, start, start + quote.length),
  };
  const { motionId } = must(
    await createMotion(store, systemActor, { spaceId, title: "Rail paid off", status: "open" }),
  );
  return { spaceId, motionId, citation };
}

/** A member of the space in `role`, set straight into the store: the actor the commands take. */
export async function benchMember(
  store: Store,
  spaceId: string,
  name: string,
  role: SpaceRole = "participant",
): Promise<Actor & { kind: "user" }> {
  const id = crypto.randomUUID();
  await store.transaction(async (tx) => {
    await tx.users.insert({
      id,
      name,
      email: `${id}@bench.test`,
      passwordHash: "x",
      guestSpaceId: null,
      createdAt: new Date(),
    });
    await tx.memberships.insert({ spaceId, userId: id, role, joinedAt: new Date() });
  });
  return { kind: "user", id, name, guestOf: null };
}

/** The Cookie header of a new session of `user`'s. */
export async function sessionCookie(
  store: Store,
  user: { id: string; name: string },
  secret: string,
) {
  const cookie = await sessionCookieFor(store, user, secret, false);
  return `${cookie.name}=${cookie.value}`;
}

/** A participant of the space, set straight into the store: the Cookie header of their session. */
export async function memberCookie(store: Store, spaceId: string, name: string, secret: string) {
  return sessionCookie(store, await benchMember(store, spaceId, name), secret);
}
