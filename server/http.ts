import { type ErrorCode, type Failure, failure } from "../lib/result";
import { clientAddress } from "./auth/address";
import {
  actorFromHeaders,
  endSessionOf,
  isSecureRequest,
  sessionCookieFor,
  setCookieHeader,
} from "./auth/session";
import { UPLOAD_COUNTED_HEADER } from "./bodyLimits";
import type { CommandName, ValueOf } from "./domain/commands";
import type { Outcome } from "./domain/outcome";
import { type Door, execute } from "./execute";
import type { Actor } from "./policy";
import type { LimitFamily } from "./rateLimits/table";
import { runtime } from "./runtime";

const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_citation: 400,
  invalid_token: 400,
  unauthenticated: 401,
  forbidden: 403,
  method_not_allowed: 405,
  not_found: 404,
  conflict: 409,
  wrong_phase: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  rate_limited: 429,
  too_complex: 422,
  internal: 500,
};

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

export function errorResponse({ error }: Failure): Response {
  const response = json({ error }, statusOf[error.code]);
  // A rate limit says when to come back, in whole seconds as HTTP has it (P-RATE-1).
  if (error.retryAfterMs !== undefined) {
    response.headers.set("Retry-After", String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  }
  return response;
}

/**
 * Counts this request against the limit of `family` for the actor and the request's address:
 * null when it may go ahead, else the 429 (with Retry-After) to answer instead.
 */
export async function overLimit(
  request: Request,
  family: LimitFamily,
  actor: Actor,
): Promise<Response | null> {
  const refusal = await runtime().limits.consume(family, actor, clientAddress(request.headers));
  return refusal && errorResponse(refusal);
}

/**
 * overLimit for the uploads family, unless the body gate already counted this request before
 * reading its body (server/bodyGate.ts): one count per request.
 */
export async function overUploadLimit(request: Request, actor: Actor): Promise<Response | null> {
  if (request.headers.get(UPLOAD_COUNTED_HEADER) === "1") return null;
  return overLimit(request, "uploads", actor);
}

/** The answer to a query or command: its value, or its refusal with the matching status. */
export function respond<T>(outcome: Outcome<T>): Response {
  return outcome.ok ? json(outcome.value) : errorResponse(outcome);
}

/**
 * The answer to a creation: 201 with the new resource as its own GET answers it, and a Location
 * header naming that GET, so every creation door answers alike (docs/api.md, "Creation answers").
 */
export function created<T>(outcome: Outcome<T>, locationOf: (resource: T) => string): Response {
  if (!outcome.ok) return errorResponse(outcome);
  const response = json(outcome.value, 201);
  response.headers.set("Location", locationOf(outcome.value));
  return response;
}

/** The origin the caller reached us at, for absolute links (as the join link builds it). */
export function originOf(headers: Headers, fallback = "http://localhost"): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return fallback;
  return `${isSecureRequest(headers) ? "https" : "http"}://${host}`;
}

/** Who is asking: the user of the request's session cookie, or the anonymous visitor. */
export function requestActor(request: Request): Promise<Actor> {
  const { store, authSecret } = runtime();
  return actorFromHeaders(store, request.headers, authSecret);
}

/** A request's body as read: its value, or the refusal to answer instead. */
export type Body<T> = { ok: true; body: T } | Failure;

/**
 * The request's JSON body: undefined when it has none (zod then says what is missing), a 400
 * when it is not JSON. A body cut short or sent as something else is never read as no fields:
 * a command that needs none would run, and without the clientId that made a retry safe.
 */
export async function jsonBody(request: Request): Promise<Body<unknown>> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return failure("invalid_input", "body: not valid JSON");
  }
}

/** A body whose fields are a command's input: a JSON object, or none ({}); anything else is a 400. */
export async function jsonFields(request: Request): Promise<Body<Record<string, unknown>>> {
  const read = await jsonBody(request);
  if (!read.ok || read.body === undefined) return read.ok ? { ok: true, body: {} } : read;
  const { body } = read;
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    return { ok: true, body: { ...body } };
  }
  return failure("invalid_input", "body: must be a JSON object");
}

/**
 * Signs the response's browser in as this user with a new session (the cookie Auth.js would
 * set), ending the session the request came with, if any.
 */
export async function withSession(
  response: Response,
  user: { id: string; name: string; email?: string | null },
  request: Request,
): Promise<Response> {
  const { store, authSecret, disconnectSessions } = runtime();
  disconnectSessions(await endSessionOf(store, request.headers, authSecret));
  const cookie = await sessionCookieFor(store, user, authSecret, isSecureRequest(request.headers));
  response.headers.append("set-cookie", setCookieHeader(cookie));
  return response;
}

/**
 * A command's input from a JSON body and the path's ids. A REST caller that sends no clientId
 * gets one, so its request runs once; sending one makes a retry safe.
 */
export async function commandInput(
  request: Request,
  fromPath: Record<string, string>,
): Promise<Body<Record<string, unknown>>> {
  const read = await jsonFields(request);
  if (!read.ok) return read;
  return { ok: true, body: { clientId: crypto.randomUUID(), ...read.body, ...fromPath } };
}

/** A REST request as a door of execute: its command's limit is counted on its address. */
export const restDoor = (request: Request): Door => ({ address: clientAddress(request.headers) });

/** Runs a command for a REST door (server/execute.ts) and answers its value or its refusal. */
export async function commandResponse(
  request: Request,
  name: CommandName,
  input: unknown,
): Promise<Response> {
  const actor = await requestActor(request);
  return respond(await execute(name, actor, input, restDoor(request)));
}

/** Runs a command on the request's body and the path's ids (`commandInput`), answered as `commandResponse`. */
export async function bodyCommandResponse(
  request: Request,
  name: CommandName,
  fromPath: Record<string, string>,
): Promise<Response> {
  const input = await commandInput(request, fromPath);
  return input.ok ? commandResponse(request, name, input.body) : errorResponse(input);
}

/** How a creation command's value is answered: the new resource and where its GET is. */
export interface Creation<V, R> {
  /** The new resource as its own GET answers it, read with that GET's query. */
  read: (value: V) => Promise<Outcome<R>>;
  /** That GET's path. */
  location: (resource: R) => string;
}

/**
 * Runs a command that makes something and answers it as a creation (`created`): its refusal as
 * it is, else 201 with the resource `read` finds and its Location.
 */
export async function creationResponse<N extends CommandName, R>(
  name: N,
  actor: Actor,
  input: unknown,
  door: Door,
  { read, location }: Creation<ValueOf<N>, R>,
): Promise<Response> {
  const outcome = await execute(name, actor, input, door);
  if (!outcome.ok) return errorResponse(outcome);
  return created(await read(outcome.value), location);
}

/** The `?format=` a table's route is asked for (JSON unless said), or the refusal of another. */
export function tableFormat(request: Request): "json" | "csv" | Response {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format === "json" || format === "csv") return format;
  return errorResponse(failure("invalid_input", 'format: must be "json" or "csv"'));
}

/** A CSV file to download; `filename` must be safe in a header (made of ids and words). */
export function csvDownload(filename: string, csv: string): Response {
  // A byte order mark, so that Excel reads the names as UTF-8 rather than the local code page.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}
