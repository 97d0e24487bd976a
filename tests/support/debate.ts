import type { Store } from "../../db/store";
import { selectorAt } from "../../lib/anchoring";
import type { Citation, PostArgument } from "../../lib/commands";
import type { SpaceRole } from "../../lib/spaces";
import { postArgument } from "../../server/domain/debate/postArgument";
import type { Actor } from "../../server/policy";
import { motionOn, spaceWithDocument } from "./fixtures";
import { must } from "./outcome";
import { type Person, person } from "./people";

/** The Actor a signed-in person acts as. */
export const actorOf = (p: Person): Actor => ({
  kind: "user",
  id: p.id,
  name: p.name,
  guestOf: null,
});

/** A space with one document and an open motion on it (evidence required, the default). */
export async function debate(store: Store, visibility: "public" | "private" = "private") {
  const { spaceId, documentId, versionId } = await spaceWithDocument(store, visibility);
  const text = (await store.documents.version(versionId))?.text;
  if (text === undefined) throw new Error("the document just imported has no text");
  const motionId = await motionOn(store, spaceId, documentId, text);
  /** A citation of `quote`, which must occur in the document, at its true offsets. */
  const cite = (quote: string): Citation => {
    const start = text.indexOf(quote);
    if (start === -1) throw new Error(`not in the document: ${quote}`);
    return { documentId, ...selectorAt(text, start, start + quote.length) };
  };
  const member = (name: string, role: SpaceRole) => person(store, name, { spaceId, role });
  /** A guest of the space (joined by code, no account yet) whose argument citing `quote` is posted. */
  const guestWhoPosted = async (name: string, quote: string) => {
    const guest = await person(store, name, { spaceId, role: "participant", guest: true });
    const actor: Actor = { kind: "user", id: guest.id, name, guestOf: spaceId };
    await must(postArgument(store, actor, argumentInput(motionId, cite(quote))));
    return guest;
  };
  return { spaceId, documentId, versionId, text, motionId, cite, member, guestWhoPosted };
}

/** A top-level argument's payload, citing one passage of the sample document. */
export function argumentInput(
  motionId: string,
  citation: Citation,
  change: Partial<PostArgument> = {},
): PostArgument {
  return {
    motionId,
    clientId: crypto.randomUUID(),
    parentId: null,
    relation: "for",
    body: "The rail line carried the harbour's trade.",
    citations: [citation],
    ...change,
  };
}

/** `who`'s argument on the debate's motion, citing a passage of its document: the argument stored. */
export async function postIn(
  store: Store,
  d: Awaited<ReturnType<typeof debate>>,
  who: Person,
  change: Partial<PostArgument> = {},
) {
  const input = argumentInput(d.motionId, d.cite("Trade moved inland by rail."), change);
  return (await must(postArgument(store, actorOf(who), input))).argument;
}

/**
 * One person of each standing towards `space` (a private space): an outsider, a guest of
 * `elsewhere`, and a member of each role. The visitor without a session is `undefined`.
 */
export async function everyStanding(
  store: Store,
  space: Awaited<ReturnType<typeof debate>>,
  elsewhere: Awaited<ReturnType<typeof debate>>,
) {
  return {
    "a visitor without a session": undefined,
    "a signed-in outsider": await person(store, "Olive Outsider"),
    "a guest of another space": await person(store, "Gus Guest", {
      spaceId: elsewhere.spaceId,
      role: "participant",
      guest: true,
    }),
    "an observer": await space.member("Otto Observer", "observer"),
    "a participant": await space.member("Pia Participant", "participant"),
    "a moderator": await space.member("Mo Moderator", "moderator"),
    "an owner": await space.member("Orla Owner", "owner"),
  };
}
