import { isDeepStrictEqual } from "node:util";
import type { z } from "zod";
import type { ArgumentRow, MotionRow, Repos, Store } from "../../../db/store";
import {
  ApproveArgument,
  ChangeSettings,
  HideArgument,
  LockMotion,
  PinArgument,
  RejectArgument,
  RestoreArgument,
  SpotlightArgument,
} from "../../../lib/commands";
import type { EventBody } from "../../../lib/eventLog";
import { initialSession } from "../../../lib/session";
import type { Actor, ModerationAction } from "../../policy";
import { outgoing } from "../events";
import { notify } from "../notifications/notify";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { citedBy, placeIn, standingOf } from "./argumentPages";
import { argumentFor, openMotionFor } from "./guards";
import { latestOnHiding } from "./latestAbove";
import { argumentViews } from "./views";

type Change = EventBody | Unchanged | ReturnType<typeof refuse>;
type Moderated = { seq: number } & Record<string, unknown>;

/** What a command answers when things already stand as it asks: nothing is logged (P-NOOP-1). */
type Unchanged = { unchanged: Record<string, unknown> };
export const unchanged = (answer: Record<string, unknown>): Unchanged => ({ unchanged: answer });

/**
 * A moderator's command, on a motion or one of its arguments: checked like every command, then
 * its change and its event (the moderation log) in one transaction.
 */
export async function moderate<S extends z.ZodType<{ clientId: string }>>(
  store: Store,
  actor: Actor,
  input: unknown,
  schema: S,
  command: ModerationAction,
  act: (tx: Repos, cmd: z.infer<S>, motion: MotionRow, argument?: ArgumentRow) => Promise<Change>,
): Promise<Outcome<Moderated>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const cmd = parsed.data as z.infer<S> & { motionId?: string; argumentId?: string | null };
  return store.transaction(async (tx) => {
    const target =
      "motionId" in cmd && cmd.motionId
        ? await openMotionFor(tx, actor, cmd.motionId, command)
        : await argumentFor(tx, actor, cmd.argumentId ?? "", command);
    if (!target.ok) return target;
    const { motion, argument } =
      "motion" in target.value
        ? target.value
        : { motion: target.value as MotionRow, argument: undefined };
    const key = { command, target: argument?.id ?? motion.id, clientId: cmd.clientId };
    return once(tx, actor, key, async () => {
      const change = await act(tx, cmd, motion, argument);
      if ("ok" in change) return change;
      if ("unchanged" in change) return done({ seq: motion.lastSeq, ...change.unchanged });
      const event = await tx.events.append({
        motionId: motion.id,
        ...change,
        actorId: actor.id,
        at: new Date(),
      });
      // An approved post counts as new from the moment it went public.
      if (change.type === "argument.approved" && argument) {
        await tx.arguments.update(argument.id, { publishedSeq: event.seq });
      }
      await notify(tx, motion, event);
      // Sent as the motion is after it: the change that makes it anonymous names nobody already.
      const after = change.type === "motion.settings" ? change.data : motion;
      return done({ seq: event.seq, ...change.data }, [outgoing(event, after)]);
    });
  });
}

/** Changing the format starts its session over: the phases of one format mean nothing in another. */
export const changeSettings = (store: Store, actor: Actor, input: unknown) =>
  moderate(store, actor, input, ChangeSettings, "motion.settings", async (tx, cmd, motion) => {
    const settings = { ...motion.settings, ...cmd.settings };
    if (isDeepStrictEqual(settings, motion.settings)) {
      return unchanged({ settings, session: motion.session });
    }
    const session = settings.format === motion.settings.format ? motion.session : initialSession;
    await tx.motions.update(motion.id, { settings, session });
    return { type: "motion.settings", data: { settings, session } };
  });

/** A pending post goes out to everyone, as if posted now. */
export const approveArgument = (store: Store, actor: Actor, input: unknown) =>
  moderate(
    store,
    actor,
    input,
    ApproveArgument,
    "argument.approve",
    async (tx, _, __, argument) => {
      if (argument?.status !== "pending")
        return refuse("conflict", "That argument is not pending.");
      await tx.arguments.update(argument.id, { status: "published" });
      const [view] = await argumentViews(tx, [{ ...argument, status: "published" }]);
      if (!view) return refuse("not_found", "No such argument.");
      return {
        type: "argument.approved",
        data: { argument: view, place: await placeIn(tx, argument) },
      };
    },
  );

/** A pending post stays with its author, with the reason; nobody else ever sees it. */
export const rejectArgument = (store: Store, actor: Actor, input: unknown) =>
  moderate(
    store,
    actor,
    input,
    RejectArgument,
    "argument.reject",
    async (tx, cmd, __, argument) => {
      if (argument?.status !== "pending")
        return refuse("conflict", "That argument is not pending.");
      const reason = cmd.reason || null;
      await tx.arguments.update(argument.id, { status: "rejected", rejectionReason: reason });
      return {
        type: "argument.rejected",
        data: { argumentId: argument.id, reason, onlyFor: argument.authorId },
      };
    },
  );

/** A locked motion is read-only (closed); unlocking opens it again. */
export const lockMotion = (store: Store, actor: Actor, input: unknown) =>
  moderate(store, actor, input, LockMotion, "motion.lock", async (tx, cmd, motion) => {
    const status = cmd.locked ? "closed" : "open";
    if (motion.status !== "open" && motion.status !== "closed") {
      return refuse("conflict", `A ${motion.status} motion cannot be locked or unlocked.`);
    }
    if (motion.status === status) return unchanged({ locked: cmd.locked, status });
    await tx.motions.update(motion.id, { status });
    return { type: "motion.locked", data: { locked: cmd.locked, status } };
  });

/** Hides an argument from everyone but the moderators; the reason is logged. */
export const hideArgument = (store: Store, actor: Actor, input: unknown) =>
  moderate(
    store,
    actor,
    input,
    HideArgument,
    "argument.hide",
    async (tx, cmd, motion, argument) => {
      if (argument?.status !== "published")
        return refuse("conflict", "Only a published argument can be hidden.");
      await tx.arguments.update(argument.id, { status: "hidden" });
      // A hidden argument leaves the screens too, and does not come back with a restore.
      if (motion.spotlightId === argument.id)
        await tx.motions.update(motion.id, { spotlightId: null });
      const standing = await standingOf(tx, argument);
      return {
        type: "argument.hidden",
        data: {
          argumentId: argument.id,
          reason: cmd.reason,
          ...standing,
          cited: await citedBy(tx, argument),
          ...(await latestOnHiding(tx, argument.motionId, standing.place)),
        },
      };
    },
  );

export const restoreArgument = (store: Store, actor: Actor, input: unknown) =>
  moderate(
    store,
    actor,
    input,
    RestoreArgument,
    "argument.restore",
    async (tx, _, __, argument) => {
      if (argument?.status !== "hidden") return refuse("conflict", "That argument is not hidden.");
      await tx.arguments.update(argument.id, { status: "published" });
      const [view] = await argumentViews(tx, [{ ...argument, status: "published" }]);
      if (!view) return refuse("not_found", "No such argument.");
      return {
        type: "argument.restored",
        data: { argument: view, ...(await standingOf(tx, argument)) },
      };
    },
  );

export const pinArgument = (store: Store, actor: Actor, input: unknown) =>
  moderate(store, actor, input, PinArgument, "argument.pin", async (tx, cmd, motion, argument) => {
    if (!argument) return refuse("not_found", "No such argument.");
    // Pinning shows an argument to the room: never one the room has not seen.
    const pinnable = cmd.pinned ? ["published"] : ["published", "hidden"];
    if (!pinnable.includes(argument.status)) {
      return refuse("conflict", "Only a published argument can be pinned.");
    }
    // A pin leads its side; a reply stays in its thread, under what it answers.
    if (cmd.pinned && argument.parentId !== null) {
      return refuse(
        "conflict",
        "Only an argument for or against the motion can be pinned, not a reply.",
      );
    }
    if (motion.pinned.includes(argument.id) === cmd.pinned) {
      return unchanged({ argumentId: argument.id, pinned: cmd.pinned });
    }
    const others = motion.pinned.filter((id) => id !== argument.id);
    const pinned = cmd.pinned ? [...others, argument.id] : others;
    await tx.motions.update(motion.id, { pinned });
    return { type: "argument.pinned", data: { argumentId: argument.id, pinned: cmd.pinned } };
  });

/** Puts one argument of the motion on every screen (or none, with argumentId null). */
export const spotlightArgument = (store: Store, actor: Actor, input: unknown) =>
  moderate(
    store,
    actor,
    input,
    SpotlightArgument,
    "argument.spotlight",
    async (tx, cmd, motion) => {
      const chosen = cmd.argumentId ? await tx.arguments.get(cmd.argumentId) : null;
      if (cmd.argumentId && (chosen?.motionId !== motion.id || chosen.status !== "published")) {
        return refuse("not_found", "argumentId: no such published argument on this motion");
      }
      if (motion.spotlightId === cmd.argumentId) return unchanged({ argumentId: cmd.argumentId });
      await tx.motions.update(motion.id, { spotlightId: cmd.argumentId });
      return { type: "argument.spotlighted", data: { argumentId: cmd.argumentId } };
    },
  );
