import { isDeepStrictEqual } from "node:util";
import type { MotionRow, Repos, Store } from "../../../db/store";
import { AssignSide, RunPhase, SetTimer } from "../../../lib/commands";
import type { EventBody } from "../../../lib/eventLog";
import { type SessionState, setSessionTimer, stepSession } from "../../../lib/session";
import type { Actor } from "../../policy";
import { refuse } from "../outcome";
import { moderate, unchanged } from "./moderate";

/**
 * The moderator runs a structured debate's session: its phases, the clock, and who speaks for
 * which side. Each change is stored as the whole new session, so any client, joining late or
 * replaying, holds exactly the server's deadline.
 */
const structuredOnly = (motion: MotionRow) =>
  motion.settings.format === "oxford"
    ? null
    : refuse(
        "conflict",
        "Free discussion has no phases: choose the structured debate format first.",
      );

/** Stores the session a command makes, and the event that says so (`logged` of the new session). */
async function storeSession(
  tx: Repos,
  motion: MotionRow,
  next: SessionState | { problem: string },
  logged: (session: SessionState) => EventBody,
) {
  if ("problem" in next) return refuse("conflict", next.problem);
  const event = logged(next);
  if (isDeepStrictEqual(next, motion.session)) return unchanged(event.data);
  await tx.motions.update(motion.id, { session: next });
  return event;
}

export const runPhase = (store: Store, actor: Actor, input: unknown) =>
  moderate(store, actor, input, RunPhase, "session.phase", async (tx, cmd, motion) => {
    const step = stepSession(
      motion.session,
      cmd.action,
      cmd.seconds,
      Date.now(),
      motion.settings.phaseSeconds,
    );
    return (
      structuredOnly(motion) ??
      storeSession(tx, motion, step, (session) => ({
        type: "session.phase",
        data: { action: cmd.action, session },
      }))
    );
  });

export const setTimer = (store: Store, actor: Actor, input: unknown) =>
  moderate(store, actor, input, SetTimer, "session.timer", async (tx, cmd, motion) => {
    const next = setSessionTimer(motion.session, cmd.seconds, Date.now());
    return (
      structuredOnly(motion) ??
      storeSession(tx, motion, next, (session) => ({ type: "session.timer", data: { session } }))
    );
  });

export const assignSide = (store: Store, actor: Actor, input: unknown) =>
  moderate(store, actor, input, AssignSide, "session.side", async (tx, cmd, motion) => {
    const refused = structuredOnly(motion);
    if (refused) return refused;
    const member = await tx.memberships.get(motion.spaceId, cmd.userId);
    if (!member) return refuse("not_found", "userId: that person is not a member of this space");
    if (cmd.side && member.role !== "participant") {
      return refuse(
        "conflict",
        "Only participants speak: observers do not post, moderators run the room.",
      );
    }
    const { [cmd.userId]: _, ...others } = motion.session.sides;
    const sides = cmd.side ? { ...others, [cmd.userId]: cmd.side } : others;
    return storeSession(tx, motion, { ...motion.session, sides }, (session) => ({
      type: "session.side",
      data: { userId: cmd.userId, side: cmd.side, session },
    }));
  });
