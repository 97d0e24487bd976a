import type { Ack } from "../../lib/protocol";
import { type Failure, failure } from "../../lib/result";
import type { Outcome } from "../domain/outcome";

/** Answers through the ack, if the client sent one: `{ok: true, ...value}` or the refusal. */
export function reply<T extends object>(ack: unknown, outcome: Outcome<T>): void {
  if (typeof ack !== "function") return;
  const answer: Ack<T> = outcome.ok ? { ok: true, ...outcome.value } : outcome;
  ack(answer);
}

/**
 * Runs a handler's work, which answers by itself: if it throws, `answer` gets `internal` and
 * the connection is kept. null when it threw.
 */
export async function caught<T>(
  answer: (refusal: Failure) => void,
  work: () => Promise<T>,
): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    console.error(error);
    answer(failure("internal", "Something went wrong on our side; try again."));
    return null;
  }
}

/** Runs a handler's work and answers its outcome through the ack; one that throws, `internal`. */
export function guarded<T extends object>(
  ack: unknown,
  work: () => Promise<Outcome<T>>,
): Promise<Outcome<T> | null> {
  const answer = (outcome: Outcome<T>) => reply(ack, outcome);
  return caught(answer, async () => {
    const outcome = await work();
    answer(outcome);
    return outcome;
  });
}

/**
 * A client may emit an event with an ack and no payload: the ack then arrives first. Sorts
 * the arguments into the payload (undefined if none, which the command refuses) and the ack.
 */
export function payloadAndAck(args: unknown[]): { payload: unknown; ack: unknown } {
  const last = args.at(-1);
  if (typeof last !== "function") return { payload: args[0], ack: undefined };
  return { payload: args.length > 1 ? args[0] : undefined, ack: last };
}
