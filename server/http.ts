import type { ErrorCode, Failure } from "../lib/result";
import type { Outcome } from "./domain/outcome";
import { type Actor, anonymousActor } from "./policy";

const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_citation: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

export function errorResponse({ error }: Failure): Response {
  return json({ error }, statusOf[error.code]);
}

/** The answer to a query or command: its value, or its refusal with the matching status. */
export function respond<T>(outcome: Outcome<T>, status = 200): Response {
  return outcome.ok ? json(outcome.value, status) : errorResponse(outcome);
}

/** Who is asking. Sessions arrive with accounts; until then every request is anonymous. */
export async function requestActor(): Promise<Actor> {
  return anonymousActor;
}
