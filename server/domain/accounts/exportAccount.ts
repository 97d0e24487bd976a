import type { Store } from "../../../db/store";
import type { Actor } from "../../policy";
import { done, type Outcome, refuse } from "../outcome";

/** The member's own data as a file: what they may take with them when they leave. */
export interface AccountFile {
  filename: string;
  body: string;
}

/**
 * Everything the member did here, and nothing of anyone else: their profile, the spaces they
 * belong to with their role, the motions they took part in, their arguments (with citations and
 * earlier wordings), votes, ratings, agreements and notifications. Other people appear only as
 * ids where the member's own rows point at them (an argument's parent, a rated argument).
 */
export async function exportAccount(
  store: Store,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<AccountFile>> {
  const signIn = refuse("unauthenticated", "Sign in to download your data.");
  if (actor.kind !== "user") return signIn;
  return store.snapshot(async (read): Promise<Outcome<AccountFile>> => {
    const user = await read.users.get(actor.id);
    if (!user || user.deletedAt) return signIn;
    const [memberships, written, votes, ratings, agreements, notifications] = await Promise.all([
      read.people.memberships(user.id),
      read.people.arguments(user.id),
      read.people.votes(user.id),
      read.people.ratings(user.id),
      read.people.agreements(user.id),
      read.people.notifications(user.id),
    ]);
    const argumentIds = written.map((a) => a.id);
    const citations = await read.arguments.citations(argumentIds);
    const edits = (await Promise.all(argumentIds.map((id) => read.arguments.revisions(id)))).flat();
    const judged = await read.arguments.byIds([
      ...new Set([...ratings, ...agreements].map((r) => r.argumentId)),
    ]);
    const motionOfArgument = new Map(judged.map((a) => [a.id, a.motionId]));
    const motionIds = new Set([
      ...written.map((a) => a.motionId),
      ...votes.map((v) => v.motionId),
      ...judged.map((a) => a.motionId),
      ...notifications.map((n) => n.motionId),
    ]);
    const motions = (await Promise.all([...motionIds].map((id) => read.motions.get(id))))
      .filter((m) => m !== undefined)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const file = {
      format: "moot-account",
      version: 1,
      exportedAt: now.toISOString(),
      profile: {
        id: user.id,
        name: user.name,
        email: user.email,
        created: user.createdAt.toISOString(),
        guest: user.passwordHash === null && user.guestSpaceId !== null,
      },
      memberships: memberships.map((m) => ({
        space: { id: m.spaceId, name: m.spaceName },
        role: m.role,
        joinedAt: m.joinedAt.toISOString(),
        muted: m.muted,
      })),
      motions: motions.map((m) => ({ id: m.id, spaceId: m.spaceId, title: m.title })),
      arguments: written.map((a) => ({
        id: a.id,
        motionId: a.motionId,
        parentId: a.parentId,
        relation: a.relation,
        body: a.body,
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        editedAt: a.editedAt?.toISOString() ?? null,
        citations: citations
          .filter((c) => c.argumentId === a.id)
          .map((c) => ({
            documentId: c.documentId,
            versionId: c.versionId,
            exact: c.exact,
            prefix: c.prefix,
            suffix: c.suffix,
            start: c.start,
            end: c.end,
          })),
      })),
      edits: edits.map((e) => ({
        argumentId: e.argumentId,
        revision: e.revision,
        body: e.body,
        replacedAt: e.replacedAt.toISOString(),
      })),
      votes: votes.map((v) => ({
        motionId: v.motionId,
        phase: v.phase,
        stance: v.stance,
        castAt: v.castAt.toISOString(),
      })),
      ratings: ratings.map((r) => ({
        argumentId: r.argumentId,
        motionId: motionOfArgument.get(r.argumentId) ?? null,
        score: r.score,
        ratedAt: r.ratedAt.toISOString(),
      })),
      agreements: agreements.map((a) => ({
        argumentId: a.argumentId,
        motionId: motionOfArgument.get(a.argumentId) ?? null,
        stance: a.stance,
        judgedAt: a.judgedAt.toISOString(),
      })),
      // Who caused a notification is someone else: only what it was about is the member's.
      notifications: notifications.map((n) => ({
        id: n.id,
        type: n.type,
        motionId: n.motionId,
        argumentId: n.argumentId,
        at: n.at.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
    };
    return done({
      filename: `moot-account-${now.toISOString().slice(0, 10)}.json`,
      body: JSON.stringify(file, null, 2),
    });
  });
}
