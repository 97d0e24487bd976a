/** Stable, machine-readable error codes; each comes with a sentence for people. */
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "not_found"
  | "forbidden"
  | "conflict"
  | "wrong_phase"
  | "invalid_citation"
  | "too_many_requests"
  | "rate_limited"
  | "too_complex"
  | "payload_too_large"
  | "unsupported_media_type"
  | "internal";

export interface Failure {
  ok: false;
  error: { code: ErrorCode; message: string };
}

export function failure(code: ErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}
