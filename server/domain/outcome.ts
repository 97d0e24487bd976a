import type { z } from "zod";
import type { Repos } from "../../db/store";
import type { MotionEvent } from "../../lib/protocol";
import { type ErrorCode, type Failure, failure } from "../../lib/result";
import type { Actor } from "../policy";

/** What a command or query answers: a value (and, for a command, the events to publish), or a refusal. */
export type Outcome<T> = { ok: true; value: T; events: MotionEvent[] } | Failure;

export function done<T>(value: T, events: MotionEvent[] = []): Outcome<T> {
  return { ok: true, value, events };
}

export function refuse(code: ErrorCode, message: string): Failure {
  return failure(code, message);
}

export function invalidInput(error: z.ZodError): Failure {
  const problems = error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
  );
  return failure("invalid_input", problems.join("; "));
}

/**
 * Runs a command once per (actor, clientId): a retry answers the stored value and publishes
 * nothing again. Without a clientId (a caller that does not retry) it simply runs. Call it
 * inside the command's transaction.
 */
export async function once<T>(
  tx: Repos,
  actor: Actor,
  clientId: string | undefined,
  work: () => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  if (clientId === undefined) return work();
  const seen = await tx.commands.find(actor.id, clientId);
  if (seen) return done(seen.result as T);
  const outcome = await work();
  if (outcome.ok) {
    await tx.commands.save({ actorId: actor.id, clientId, result: outcome.value, at: new Date() });
  }
  return outcome;
}
