import type { ArgumentRow, MotionRow, Repos, SpaceRow, Store } from "../../../db/store";
import { type Action, type Actor, authorize, isModeration, type Place } from "../../policy";
import { Id } from "../ids";
import { done, type Outcome, refuse } from "../outcome";
import { placeOf } from "../spaces/access";

/**
 * The motion a debate command acts on, if it exists, the actor may do `action`, and (unless
 * the command is a moderator's, which work on a locked motion too) it is open.
 */
export async function openMotionFor(
  tx: Repos,
  actor: Actor,
  motionId: string,
  action: Action,
): Promise<Outcome<MotionRow>> {
  return checkedMotion(tx, actor, await tx.motions.lock(motionId), action);
}

/**
 * The same checks on the motion as it stands without its lock: for a command that takes the
 * lock last and checks again under it what may have changed meanwhile (postArgument). Also
 * whether the actor moderates it, from the same reads.
 */
export async function unlockedMotionFor(
  tx: Repos,
  actor: Actor,
  motionId: string,
  action: Action,
): Promise<Outcome<{ motion: MotionRow; moderates: boolean; space: SpaceRow }>> {
  const found = await tx.motions.withPlace(motionId, actor.kind === "user" ? actor.id : null);
  if (!found) return refuse("not_found", "No such motion.");
  const place = {
    space: found.space,
    role: found.membership?.role ?? null,
    muted: found.membership?.muted ?? false,
  };
  const checked = motionChecks(actor, found.motion, action, place);
  if (!checked.ok) return checked;
  const moderates = authorize(actor, "motion.moderate", place) === null;
  return done({ motion: checked.value, moderates, space: found.space });
}

async function checkedMotion(
  tx: Repos,
  actor: Actor,
  motion: MotionRow | undefined,
  action: Action,
): Promise<Outcome<MotionRow>> {
  const place = motion ? await placeOf(tx, actor, motion.spaceId) : null;
  return motionChecks(actor, motion, action, place);
}

function motionChecks(
  actor: Actor,
  motion: MotionRow | undefined,
  action: Action,
  place: Place | null,
): Outcome<MotionRow> {
  const denied = authorize(actor, action, place);
  if (denied?.code === "not_found" || !motion) return refuse("not_found", "No such motion.");
  // A draft is its moderators' alone: to anyone else, and to every other command, it is not there.
  const draftHidden = motion.status === "draft" && (denied || !isModeration(action));
  if (draftHidden) return refuse("not_found", "No such motion.");
  if (denied) return refuse(denied.code, denied.message);
  if (motion.status === "archived") {
    return refuse("conflict", "This motion is archived: it stays to be read, as it ended.");
  }
  if (motion.status !== "open" && !isModeration(action)) {
    return refuse("conflict", "This motion is closed: it takes no more posts, votes or ratings.");
  }
  return done(motion);
}

/** The argument a command acts on and its motion, under the same checks. */
export async function argumentFor(
  tx: Repos,
  actor: Actor,
  argumentId: string,
  action: Action,
): Promise<Outcome<{ argument: ArgumentRow; motion: MotionRow }>> {
  const unlocked = await tx.arguments.get(argumentId);
  if (unlocked) await tx.motions.lock(unlocked.motionId);
  // Read again under the lock: a concurrent edit or withdrawal has committed by now.
  const argument = unlocked && (await tx.arguments.get(argumentId));
  // A pending, rejected or hidden argument exists for its author and the moderators alone: to
  // anyone else it answers as an id that names nothing.
  const motionOf = async (motionId: string) => (await tx.motions.get(motionId)) ?? null;
  const seen =
    argument?.status === "published" ||
    argument?.status === "withdrawn" ||
    argument?.authorId === actor.id ||
    (argument !== undefined && (await moderates(tx, actor, await motionOf(argument.motionId))));
  if (!argument || !seen) return refuse("not_found", "No such argument.");
  const motion = await openMotionFor(tx, actor, argument.motionId, action);
  if (!motion.ok) {
    return motion.error.code === "not_found" ? refuse("not_found", "No such argument.") : motion;
  }
  return done({ argument, motion: motion.value });
}

/** Whether the actor is one of the owners and moderators of the motion's space. */
export async function moderates(tx: Repos, actor: Actor, motion: MotionRow | null) {
  const place = motion ? await placeOf(tx, actor, motion.spaceId) : null;
  return authorize(actor, "motion.moderate", place) === null;
}

/**
 * A motion only its space's owners and moderators may look into (its log, its results). A draft has no results yet and answers as an unknown id.
 */
export async function moderatedMotion(
  store: Store,
  actor: Actor,
  motionId: unknown,
): Promise<Outcome<MotionRow>> {
  const parsed = Id.safeParse(motionId);
  if (!parsed.success) return refuse("invalid_input", "That is not a valid motion id.");
  const motion = await store.motions.get(parsed.data);
  const place =
    motion && motion.status !== "draft" ? await placeOf(store, actor, motion.spaceId) : null;
  const denied = authorize(actor, "motion.moderate", place);
  if (!motion || !place || denied?.code === "not_found") {
    return refuse("not_found", "No such motion.");
  }
  if (denied) return refuse(denied.code, denied.message);
  return done(motion);
}

/** People's names by id, for views only moderators get. */
export async function namesOf(
  store: Store,
  userIds: Iterable<string>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(userIds)) {
    const user = await store.users.get(id);
    if (user) names.set(id, user.name);
  }
  return names;
}
