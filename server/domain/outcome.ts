import type { z } from "zod";
import type { Repos } from "../../db/store";
import type { OutgoingEvent } from "../../lib/protocol";
import { type ErrorCode, type Failure, failure } from "../../lib/result";
import type { Actor } from "../policy";

/**
 * What a committed command asks of the live connections beyond its events, carried out where
 * they are published, on every node: a member removed from a space, or who no longer moderates
 * it, stops hearing its motions (or their moderators' rooms) at once; a member given another
 * role, muted or let speak again is told, so their open pages show what they may do now; a
 * member renamed is called so wherever they are connected.
 */
export type Effect =
  | { type: "member.evicted"; userId: string; motionIds: string[]; stopsModerating: string[] }
  | { type: "member.standing"; userId: string; spaceId: string }
  /** A member's new name, for what their open connections are called (who is here). */
  | { type: "member.renamed"; userId: string; name: string }
  /** Sessions that ended (signed out everywhere, a new password, a deleted account). */
  | { type: "sessions.ended"; sessionIds: string[] };

/**
 * What a command or query answers: a value (and, for a command, the events to publish and the
 * effects to carry out after the commit), or a refusal.
 */
export type Outcome<T> =
  | { ok: true; value: T; events: OutgoingEvent[]; effects?: Effect[] }
  | Failure;

export function done<T>(value: T, events: OutgoingEvent[] = [], effects?: Effect[]): Outcome<T> {
  return effects?.length ? { ok: true, value, events, effects } : { ok: true, value, events };
}

export function refuse(code: ErrorCode, message: string): Failure {
  return failure(code, message);
}

/** A check whose message is a whole sentence naming the field itself (lib/text.ts `visible`). */
const isSentence = (issue: z.core.$ZodIssue) =>
  issue.code === "custom" && issue.params?.sentence === true;

export function invalidInput(error: z.ZodError): Failure {
  const problems = error.issues.map((issue) =>
    issue.path.length > 0 && !isSentence(issue)
      ? `${issue.path.join(".")}: ${issue.message}`
      : issue.message,
  );
  return failure("invalid_input", problems.join("; "));
}

/** Which command a clientId was sent with, and on what: a retry must match all three. */
export interface CommandKey {
  command: string;
  target: string;
  clientId: string | undefined;
}

/**
 * Runs a command once per (actor, command, target, clientId): a retry answers the stored value
 * and publishes nothing again, and the same clientId sent with another command or target is
 * another command. Without a clientId (a caller that does not retry) it simply runs. Call it
 * inside the command's transaction.
 */
export async function once<T>(
  tx: Repos,
  actor: Actor,
  key: CommandKey,
  work: () => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  return onceKeptBy(tx, actor, key, async (kept) => {
    const outcome = await work();
    if (outcome.ok && kept) {
      await tx.commands.save({ ...kept, result: outcome.value, at: new Date() });
    }
    return outcome;
  });
}

/** Where a command's answer is kept, for a retry to find. */
export interface KeptAnswer {
  actorId: string;
  clientId: string;
}

/**
 * What a retry of the command finds: the answer kept for it, or where its answer is to be kept
 * (nothing without a clientId). For a command whose work keeps its own answer, in its last
 * write: a post, placed under its motion's lock in one step.
 */
export async function keptAnswer<T>(
  tx: Repos,
  actor: Actor,
  { command, target, clientId }: CommandKey,
): Promise<{ answer: T } | { kept: KeptAnswer | undefined }> {
  if (clientId === undefined) return { kept: undefined };
  // The system's own commands (the demo loader) carry fixed ids that already say what they are.
  const key = actor.kind === "system" ? clientId : `${command}:${target}:${clientId}`;
  const seen = await tx.commands.find(actor.id, key);
  return seen ? { answer: seen.result as T } : { kept: { actorId: actor.id, clientId: key } };
}

async function onceKeptBy<T>(
  tx: Repos,
  actor: Actor,
  key: CommandKey,
  work: (kept: KeptAnswer | undefined) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  const found = await keptAnswer<T>(tx, actor, key);
  return "answer" in found ? done(found.answer) : work(found.kept);
}
