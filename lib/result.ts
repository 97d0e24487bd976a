/** Stable, machine-readable error codes; each comes with a sentence for people. */
export const errorCodes = [
  "invalid_input",
  "unauthenticated",
  "not_found",
  "forbidden",
  "method_not_allowed",
  "conflict",
  "wrong_phase",
  "invalid_citation",
  "invalid_token",
  "too_many_requests",
  "rate_limited",
  "too_complex",
  "payload_too_large",
  "unsupported_media_type",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface Failure {
  ok: false;
  error: {
    code: ErrorCode;
    message: string;
    /** With rate_limited: how long until the same request can succeed (P-RATE-1). */
    retryAfterMs?: number;
  };
}

export function failure(code: ErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}
