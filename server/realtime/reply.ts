import type { Ack } from "../../lib/protocol";
import { failure } from "../../lib/result";
import type { Outcome } from "../domain/outcome";

/** Answers through the ack, if the client sent one: `{ok: true, ...value}` or the refusal. */
export function reply<T extends object>(ack: unknown, outcome: Outcome<T>): void {
  if (typeof ack !== "function") return;
  const answer: Ack<T> = outcome.ok ? { ok: true, ...outcome.value } : outcome;
  ack(answer);
}

/** A handler that throws answers `internal` and keeps the connection. */
export async function guarded<T extends object>(
  ack: unknown,
  work: () => Promise<Outcome<T>>,
): Promise<Outcome<T> | null> {
  try {
    const outcome = await work();
    reply(ack, outcome);
    return outcome;
  } catch (error) {
    console.error(error);
    reply(ack, failure("internal", "Something went wrong on our side; try again."));
    return null;
  }
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
