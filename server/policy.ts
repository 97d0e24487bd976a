import type { SpaceRole, SpaceVisibility } from "../lib/spaces";

/**
 * Who is acting: the system (the demo loader, scripts), a visitor without a session, or a user
 * with a session. A guest is a user without an account, admitted to one space by its code.
 */
export type Actor =
  | { kind: "system"; id: "system"; name: string }
  | { kind: "anonymous"; id: "anonymous"; name: string }
  | { kind: "user"; id: string; name: string; guestOf: string | null };

export const systemActor: Actor = { kind: "system", id: "system", name: "Moot" };
export const anonymousActor: Actor = { kind: "anonymous", id: "anonymous", name: "Visitor" };

export type Action =
  | "space.create"
  | "space.join"
  | "space.read"
  | "space.manage"
  | "member.list"
  | "member.manage"
  | "motion.create"
  | "motion.follow"
  | "motion.vote"
  | "argument.post"
  | "argument.edit"
  | "argument.rate"
  | "argument.agree"
  | "motion.moderate"
  | ModerationAction
  | "member.mute"
  | "document.import"
  | "grade.read"
  | "grade.set";

/** A moderator's commands on a motion: each its own action, all for owners and moderators. */
export const moderationActions = [
  "motion.settings",
  "motion.lock",
  "motion.edit",
  "motion.status",
  "argument.approve",
  "argument.reject",
  "argument.hide",
  "argument.restore",
  "argument.pin",
  "argument.spotlight",
  "session.phase",
  "session.timer",
  "session.side",
  "citation.review",
] as const;
export type ModerationAction = (typeof moderationActions)[number];

/** Moderation works on a locked motion too: a moderator unlocks it, or tidies it up. */
export const isModeration = (action: Action): boolean =>
  action === "motion.moderate" || (moderationActions as readonly Action[]).includes(action);

export const actions: readonly Action[] = [
  "space.create",
  "space.join",
  "space.read",
  "space.manage",
  "member.list",
  "member.manage",
  "motion.create",
  "motion.follow",
  "motion.vote",
  "argument.post",
  "argument.edit",
  "argument.rate",
  "argument.agree",
  "motion.moderate",
  ...moderationActions,
  "member.mute",
  "document.import",
  "grade.read",
  "grade.set",
];

/** A space as the policy sees it, with the actor's role there (null: not a member). */
export interface Place {
  space: { id: string; visibility: SpaceVisibility };
  role: SpaceRole | null;
  /** A moderator muted the member: they read and vote, but do not post. */
  muted?: boolean;
}

export interface Denial {
  code: "not_found" | "forbidden" | "unauthenticated";
  message: string;
}

const hidden: Denial = { code: "not_found", message: "No such space." };
const signInFirst: Denial = {
  code: "unauthenticated",
  message: "Sign in, or join with a code as a guest, to take part.",
};
const forbid = (message: string): Denial => ({ code: "forbidden", message });
const moderatorsOnly = "Only the space's owners and moderators moderate a debate.";
const muted = forbid("A moderator has muted you in this space: you can read and vote, not post.");

/** What someone may do in a space: a member's role, a reader of a public space, or nothing. */
type Standing = SpaceRole | "reader" | null;

const rank: Record<SpaceRole, number> = { observer: 1, participant: 2, moderator: 3, owner: 4 };

function standing(actor: Actor, place: Place | null): Standing {
  if (!place) return null;
  if (place.role) return place.role;
  if (place.space.visibility !== "public") return null;
  // Anyone may read a public space; anyone with a session, guests too, may take part in it.
  return actor.kind === "user" ? "participant" : "reader";
}

/** The least role an action needs inside a space, and what to say to someone below it. */
const needs: Record<
  Exclude<Action, "space.create" | "space.join">,
  [SpaceRole | "reader", string]
> = {
  "space.read": ["reader", ""],
  "member.list": ["observer", "Only the space's members see who else is in it."],
  "motion.vote": ["observer", ""],
  // Following is one's own notifications: any member, or anyone signed in on a public space.
  "motion.follow": ["observer", ""],
  "argument.rate": ["observer", ""],
  // Only an argument's author edits or withdraws it: authorizeOnArgument, below, asks who that is.
  "argument.edit": ["observer", ""],
  "argument.post": ["participant", "Observers read and vote, but do not post."],
  // A muted member still says what they agree with: only posting is taken from them.
  "argument.agree": [
    "participant",
    "Observers read and vote; saying what one agrees with is for the participants.",
  ],
  "motion.create": ["moderator", "Only the space's owners and moderators may create motions."],
  "motion.moderate": ["moderator", moderatorsOnly],
  ...(Object.fromEntries(
    moderationActions.map((a) => [a, ["moderator", moderatorsOnly]]),
  ) as Record<ModerationAction, [SpaceRole, string]>),
  "member.mute": ["moderator", "Only the space's owners and moderators mute members."],
  "document.import": ["moderator", "Only the space's owners and moderators may add documents."],
  "member.manage": ["moderator", "Only the space's owners and moderators manage members."],
  "grade.read": ["moderator", "Only the space's owners and moderators read its gradebook."],
  "grade.set": ["moderator", "Only the space's owners and moderators grade its members."],
  "space.manage": ["owner", "Only the space's owner may change its join code."],
};

/**
 * The one access policy every door asks: null when the actor may act, else why not.
 * A space the actor may not read answers not_found, exactly as a space that does not exist.
 */
export function authorize(actor: Actor, action: Action, place: Place | null): Denial | null {
  if (actor.kind === "system") return null;
  if (action === "space.create") {
    if (actor.kind === "anonymous") return signInFirst;
    return actor.guestOf ? forbid("Guests take part in one space; create an account first.") : null;
  }
  if (action === "space.join") {
    if (actor.kind !== "user" || !actor.guestOf || actor.guestOf === place?.space.id) return null;
    return forbid("A guest takes part in one space; create an account to join another.");
  }
  const has = standing(actor, place);
  if (has === null) return hidden;
  const [least, message] = needs[action];
  if (least === "reader") return null;
  // Taking part in a public space makes nobody a member: who is in it stays its members' to see.
  if (action === "member.list" && !place?.role) return forbid(message);
  if (has === "reader") return signInFirst;
  if (rank[has] < rank[least]) return forbid(message);
  const posts = action === "argument.post" || action === "argument.edit";
  return posts && place?.muted && rank[has] < rank.moderator ? muted : null;
}

/**
 * Whether a manager may give a member a new role or remove them: moderators manage
 * participants, observers and other moderators; only an owner touches an owner or makes one.
 */
export function authorizeMemberChange(
  manager: SpaceRole,
  member: SpaceRole,
  change: SpaceRole | "removed",
): Denial | null {
  if (manager === "owner") return null;
  if (manager === "moderator" && member !== "owner" && change !== "owner") return null;
  return forbid("Only an owner may change an owner's role or make someone an owner.");
}

/**
 * What an argument's author may do to it and the others may not, once `authorize` let the actor
 * act in its space: only its author edits or withdraws it, and its rating is the others' to give
 * (P-CMD-6).
 */
export function authorizeOnArgument(
  actor: Actor,
  action: "argument.edit" | "argument.rate",
  argument: { authorId: string },
): Denial | null {
  const own = actor.id === argument.authorId;
  if (action === "argument.edit") {
    return own ? null : forbid("Only its author may edit or withdraw an argument.");
  }
  return own
    ? forbid("You cannot rate your own argument: its rating is for the others to give.")
    : null;
}
