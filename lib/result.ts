/** Stable, machine-readable error codes; each comes with a sentence for people. */
export type ErrorCode =
  | "invalid_input"
  | "not_found"
  | "forbidden"
  | "conflict"
  | "invalid_citation"
  | "internal";

export interface Failure {
  ok: false;
  error: { code: ErrorCode; message: string };
}

export function failure(code: ErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}
