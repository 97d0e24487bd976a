import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as rateArgument } from "../../app/api/arguments/[id]/ratings/route";
import { PATCH as changeArgument, GET as getArgument } from "../../app/api/arguments/[id]/route";
import { GET as getDocument } from "../../app/api/documents/[id]/route";
import { POST as postArgument } from "../../app/api/motions/[id]/arguments/route";
import { GET as getMotion } from "../../app/api/motions/[id]/route";
import { POST as castVote } from "../../app/api/motions/[id]/votes/route";
import { POST as manageJoinCode } from "../../app/api/spaces/[id]/join-code/route";
import {
  PATCH as changeMember,
  DELETE as removeMember,
} from "../../app/api/spaces/[id]/members/[userId]/route";
import { GET as listMembers } from "../../app/api/spaces/[id]/members/route";
import {
  POST as createMotion,
  GET as listSpaceMotions,
} from "../../app/api/spaces/[id]/motions/route";
import { GET as getSpace } from "../../app/api/spaces/[id]/route";
import { POST as joinWithCode } from "../../app/api/spaces/join/route";
import { POST as createSpace, GET as listMySpaces } from "../../app/api/spaces/route";
import { POST as signUp } from "../../app/api/users/route";
import type { Store } from "../../db/store";
import type { Citation } from "../../lib/commands";
import type { Ack, ClientToServerEvents, JoinAnswer } from "../../lib/protocol";
import type { SpaceRole } from "../../lib/spaces";
import { sessionCookieFor } from "../../server/auth/session";
import { postArgument as post } from "../../server/domain/debate/postArgument";
import { actorOf, argumentInput, debate, everyStanding } from "../support/debate";
import { type Person, person } from "../support/people";
import {
  appendTestEvent,
  type Client,
  hear,
  nextEvent,
  startRealtime,
  type TestRealtime,
} from "../support/realtime";
import { setTestRuntime } from "../support/runtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

// Every door is called as Next calls it (route handlers) or as a browser does (Socket.IO), by
// people of each standing; what each may do is written out here, not worked out from the policy.

type Who =
  | "a visitor without a session"
  | "a signed-in outsider"
  | "a guest of another space"
  | "an observer"
  | "a participant"
  | "a moderator"
  | "an owner"
  /** A participant of the private space who wrote the argument a door changes. */
  | "its author";

/** What a door acts on: a space, its motion, document and an argument, and a member to change. */
interface Target {
  space: string;
  motion: string;
  document: string;
  argument: string;
  member: string;
  citation: Citation;
}

type Door = (cookie: string | undefined, at: Target) => Promise<Response>;

function request(method: string, path: string, cookie?: string, body?: unknown): Request {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const params = <T extends Record<string, string>>(values: T) => ({
  params: Promise.resolve(values),
});

const doors = {
  "GET /api/spaces/:id": (cookie, at) =>
    getSpace(request("GET", `/api/spaces/${at.space}`, cookie), params({ id: at.space })),
  "GET /api/spaces/:id/members": (cookie, at) =>
    listMembers(
      request("GET", `/api/spaces/${at.space}/members`, cookie),
      params({ id: at.space }),
    ),
  "GET /api/spaces/:id/motions": (cookie, at) =>
    listSpaceMotions(
      request("GET", `/api/spaces/${at.space}/motions`, cookie),
      params({ id: at.space }),
    ),
  "POST /api/spaces/:id/motions": (cookie, at) =>
    createMotion(
      request("POST", `/api/spaces/${at.space}/motions`, cookie, {
        title: "Rail freight should be run by the state",
        description: "Drawn from the harbour report.",
      }),
      params({ id: at.space }),
    ),
  "PATCH /api/spaces/:id/members/:userId": (cookie, at) =>
    changeMember(
      request("PATCH", `/api/spaces/${at.space}/members/${at.member}`, cookie, {
        role: "observer",
      }),
      params({ id: at.space, userId: at.member }),
    ),
  "DELETE /api/spaces/:id/members/:userId": (cookie, at) =>
    removeMember(
      request("DELETE", `/api/spaces/${at.space}/members/${at.member}`, cookie),
      params({ id: at.space, userId: at.member }),
    ),
  "POST /api/spaces/:id/join-code": (cookie, at) =>
    manageJoinCode(
      request("POST", `/api/spaces/${at.space}/join-code`, cookie, { action: "rotate" }),
      params({ id: at.space }),
    ),
  "GET /api/motions/:id": (cookie, at) =>
    getMotion(request("GET", `/api/motions/${at.motion}`, cookie), params({ id: at.motion })),
  "GET /api/documents/:id": (cookie, at) =>
    getDocument(
      request("GET", `/api/documents/${at.document}`, cookie),
      params({ id: at.document }),
    ),
  "POST /api/motions/:id/votes": (cookie, at) =>
    castVote(
      request("POST", `/api/motions/${at.motion}/votes`, cookie, {
        phase: "before",
        stance: "for",
      }),
      params({ id: at.motion }),
    ),
  "POST /api/motions/:id/arguments": (cookie, at) =>
    postArgument(
      request(
        "POST",
        `/api/motions/${at.motion}/arguments`,
        cookie,
        argumentInput(at.motion, at.citation),
      ),
      params({ id: at.motion }),
    ),
  "POST /api/arguments/:id/ratings": (cookie, at) =>
    rateArgument(
      request("POST", `/api/arguments/${at.argument}/ratings`, cookie, { score: 3 }),
      params({ id: at.argument }),
    ),
  "GET /api/arguments/:id": (cookie, at) =>
    getArgument(
      request("GET", `/api/arguments/${at.argument}`, cookie),
      params({ id: at.argument }),
    ),
  "PATCH /api/arguments/:id": (cookie, at) =>
    changeArgument(
      request("PATCH", `/api/arguments/${at.argument}`, cookie, {
        body: "The rail line carried the harbour's trade, and its people, inland.",
      }),
      params({ id: at.argument }),
    ),
} satisfies Record<string, Door>;

type DoorName = keyof typeof doors;

/** What a hidden thing answers: the same sentence as a thing that does not exist. */
const hiddenAs: Record<DoorName, string> = {
  "GET /api/spaces/:id": "No such space.",
  "GET /api/spaces/:id/members": "No such space.",
  "GET /api/spaces/:id/motions": "No such space.",
  "POST /api/spaces/:id/motions": "No such space.",
  "PATCH /api/spaces/:id/members/:userId": "No such space.",
  "DELETE /api/spaces/:id/members/:userId": "No such space.",
  "POST /api/spaces/:id/join-code": "No such space.",
  "GET /api/motions/:id": "No such motion.",
  "GET /api/documents/:id": "No such document.",
  "POST /api/motions/:id/votes": "No such motion.",
  "POST /api/motions/:id/arguments": "No such motion.",
  "POST /api/arguments/:id/ratings": "No such argument.",
  "GET /api/arguments/:id": "No such argument.",
  "PATCH /api/arguments/:id": "No such argument.",
};

const codeOf: Record<number, string> = {
  400: "invalid_input",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
};

const inPrivateSpace: [DoorName, Who, number][] = [
  ["GET /api/spaces/:id", "a visitor without a session", 404],
  ["GET /api/spaces/:id", "a signed-in outsider", 404],
  ["GET /api/spaces/:id", "a guest of another space", 404],
  ["GET /api/spaces/:id", "an observer", 200],
  ["GET /api/spaces/:id", "a participant", 200],
  ["GET /api/spaces/:id", "a moderator", 200],
  ["GET /api/spaces/:id", "an owner", 200],

  ["GET /api/spaces/:id/members", "a visitor without a session", 404],
  ["GET /api/spaces/:id/members", "a signed-in outsider", 404],
  ["GET /api/spaces/:id/members", "a guest of another space", 404],
  ["GET /api/spaces/:id/members", "an observer", 200],
  ["GET /api/spaces/:id/members", "a participant", 200],
  ["GET /api/spaces/:id/members", "a moderator", 200],
  ["GET /api/spaces/:id/members", "an owner", 200],

  ["GET /api/spaces/:id/motions", "a visitor without a session", 404],
  ["GET /api/spaces/:id/motions", "a signed-in outsider", 404],
  ["GET /api/spaces/:id/motions", "a guest of another space", 404],
  ["GET /api/spaces/:id/motions", "an observer", 200],
  ["GET /api/spaces/:id/motions", "a participant", 200],
  ["GET /api/spaces/:id/motions", "a moderator", 200],
  ["GET /api/spaces/:id/motions", "an owner", 200],

  ["POST /api/spaces/:id/motions", "a visitor without a session", 404],
  ["POST /api/spaces/:id/motions", "a signed-in outsider", 404],
  ["POST /api/spaces/:id/motions", "a guest of another space", 404],
  ["POST /api/spaces/:id/motions", "an observer", 403],
  ["POST /api/spaces/:id/motions", "a participant", 403],
  ["POST /api/spaces/:id/motions", "a moderator", 201],
  ["POST /api/spaces/:id/motions", "an owner", 201],

  ["PATCH /api/spaces/:id/members/:userId", "a visitor without a session", 404],
  ["PATCH /api/spaces/:id/members/:userId", "a signed-in outsider", 404],
  ["PATCH /api/spaces/:id/members/:userId", "a guest of another space", 404],
  ["PATCH /api/spaces/:id/members/:userId", "an observer", 403],
  ["PATCH /api/spaces/:id/members/:userId", "a participant", 403],
  ["PATCH /api/spaces/:id/members/:userId", "a moderator", 200],
  ["PATCH /api/spaces/:id/members/:userId", "an owner", 200],

  ["DELETE /api/spaces/:id/members/:userId", "a visitor without a session", 404],
  ["DELETE /api/spaces/:id/members/:userId", "a signed-in outsider", 404],
  ["DELETE /api/spaces/:id/members/:userId", "a guest of another space", 404],
  ["DELETE /api/spaces/:id/members/:userId", "an observer", 403],
  ["DELETE /api/spaces/:id/members/:userId", "a participant", 403],
  ["DELETE /api/spaces/:id/members/:userId", "a moderator", 200],
  ["DELETE /api/spaces/:id/members/:userId", "an owner", 200],

  ["POST /api/spaces/:id/join-code", "a visitor without a session", 404],
  ["POST /api/spaces/:id/join-code", "a signed-in outsider", 404],
  ["POST /api/spaces/:id/join-code", "a guest of another space", 404],
  ["POST /api/spaces/:id/join-code", "an observer", 403],
  ["POST /api/spaces/:id/join-code", "a participant", 403],
  ["POST /api/spaces/:id/join-code", "a moderator", 403],
  ["POST /api/spaces/:id/join-code", "an owner", 200],

  ["GET /api/motions/:id", "a visitor without a session", 404],
  ["GET /api/motions/:id", "a signed-in outsider", 404],
  ["GET /api/motions/:id", "a guest of another space", 404],
  ["GET /api/motions/:id", "an observer", 200],
  ["GET /api/motions/:id", "a participant", 200],
  ["GET /api/motions/:id", "a moderator", 200],
  ["GET /api/motions/:id", "an owner", 200],

  ["GET /api/documents/:id", "a visitor without a session", 404],
  ["GET /api/documents/:id", "a signed-in outsider", 404],
  ["GET /api/documents/:id", "a guest of another space", 404],
  ["GET /api/documents/:id", "an observer", 200],
  ["GET /api/documents/:id", "a participant", 200],
  ["GET /api/documents/:id", "a moderator", 200],
  ["GET /api/documents/:id", "an owner", 200],

  ["POST /api/motions/:id/votes", "a visitor without a session", 404],
  ["POST /api/motions/:id/votes", "a signed-in outsider", 404],
  ["POST /api/motions/:id/votes", "a guest of another space", 404],
  ["POST /api/motions/:id/votes", "an observer", 200],
  ["POST /api/motions/:id/votes", "a participant", 200],
  ["POST /api/motions/:id/votes", "a moderator", 200],
  ["POST /api/motions/:id/votes", "an owner", 200],

  ["POST /api/motions/:id/arguments", "a visitor without a session", 404],
  ["POST /api/motions/:id/arguments", "a signed-in outsider", 404],
  ["POST /api/motions/:id/arguments", "a guest of another space", 404],
  ["POST /api/motions/:id/arguments", "an observer", 403],
  ["POST /api/motions/:id/arguments", "a participant", 201],
  ["POST /api/motions/:id/arguments", "a moderator", 201],
  ["POST /api/motions/:id/arguments", "an owner", 201],

  ["POST /api/arguments/:id/ratings", "a visitor without a session", 404],
  ["POST /api/arguments/:id/ratings", "a signed-in outsider", 404],
  ["POST /api/arguments/:id/ratings", "a guest of another space", 404],
  ["POST /api/arguments/:id/ratings", "an observer", 200],
  ["POST /api/arguments/:id/ratings", "a participant", 200],
  ["POST /api/arguments/:id/ratings", "a moderator", 200],
  ["POST /api/arguments/:id/ratings", "an owner", 200],

  ["GET /api/arguments/:id", "a visitor without a session", 404],
  ["GET /api/arguments/:id", "a signed-in outsider", 404],
  ["GET /api/arguments/:id", "a guest of another space", 404],
  ["GET /api/arguments/:id", "an observer", 200],
  ["GET /api/arguments/:id", "a participant", 200],
  ["GET /api/arguments/:id", "a moderator", 200],
  ["GET /api/arguments/:id", "an owner", 200],

  // Someone else's argument: only its author may rewrite it.
  ["PATCH /api/arguments/:id", "a visitor without a session", 404],
  ["PATCH /api/arguments/:id", "a signed-in outsider", 404],
  ["PATCH /api/arguments/:id", "a guest of another space", 404],
  ["PATCH /api/arguments/:id", "an observer", 403],
  ["PATCH /api/arguments/:id", "a participant", 403],
  ["PATCH /api/arguments/:id", "a moderator", 403],
  ["PATCH /api/arguments/:id", "an owner", 403],
  ["PATCH /api/arguments/:id", "its author", 200],
];

// The public demo-like space: everyone reads it; anyone with a session takes part as a
// participant; a visitor is asked to sign in for anything but reading.
const inPublicSpace: [DoorName, Who, number][] = [
  ["GET /api/spaces/:id", "a visitor without a session", 200],
  ["GET /api/spaces/:id", "a signed-in outsider", 200],
  ["GET /api/spaces/:id/motions", "a visitor without a session", 200],
  ["GET /api/spaces/:id/motions", "a signed-in outsider", 200],
  ["GET /api/motions/:id", "a visitor without a session", 200],
  ["GET /api/motions/:id", "a signed-in outsider", 200],
  ["GET /api/documents/:id", "a visitor without a session", 200],
  ["GET /api/documents/:id", "a signed-in outsider", 200],
  // Taking part makes nobody a member: who is in the space stays its members' to see.
  ["GET /api/spaces/:id/members", "a visitor without a session", 403],
  ["GET /api/spaces/:id/members", "a signed-in outsider", 403],
  ["POST /api/motions/:id/votes", "a visitor without a session", 401],
  ["POST /api/motions/:id/votes", "a signed-in outsider", 200],
  ["POST /api/motions/:id/arguments", "a visitor without a session", 401],
  ["POST /api/motions/:id/arguments", "a signed-in outsider", 201],
  ["POST /api/arguments/:id/ratings", "a visitor without a session", 401],
  ["POST /api/arguments/:id/ratings", "a signed-in outsider", 200],
  ["POST /api/spaces/:id/motions", "a visitor without a session", 401],
  ["POST /api/spaces/:id/motions", "a signed-in outsider", 403],
  ["PATCH /api/spaces/:id/members/:userId", "a visitor without a session", 401],
  ["PATCH /api/spaces/:id/members/:userId", "a signed-in outsider", 403],
  ["DELETE /api/spaces/:id/members/:userId", "a visitor without a session", 401],
  ["DELETE /api/spaces/:id/members/:userId", "a signed-in outsider", 403],
  ["POST /api/spaces/:id/join-code", "a visitor without a session", 401],
  ["POST /api/spaces/:id/join-code", "a signed-in outsider", 403],
  ["GET /api/arguments/:id", "a visitor without a session", 200],
  ["GET /api/arguments/:id", "a signed-in outsider", 200],
  ["PATCH /api/arguments/:id", "a visitor without a session", 401],
  ["PATCH /api/arguments/:id", "a signed-in outsider", 403],
];

const joinAsEach: [Who, "ok" | "not_found"][] = [
  ["a visitor without a session", "not_found"],
  ["a signed-in outsider", "not_found"],
  ["a guest of another space", "not_found"],
  ["an observer", "ok"],
  ["a participant", "ok"],
  ["a moderator", "ok"],
  ["an owner", "ok"],
];

/** The debate commands a browser sends over Socket.IO, each answered through its ack. */
type Command =
  | "argument:post"
  | "motion:vote"
  | "argument:rate"
  | "argument:edit"
  | "argument:withdraw";

type Acked = "ok" | "not_found" | "forbidden" | "unauthenticated";

/**
 * Each command's payload against a target; edit and withdraw act on its `argument`. The vote and
 * the rating differ from the REST doors' (for, 3), which the same people send first: the same
 * again would change nothing and log nothing (P-NOOP-1).
 */
const commands: { [C in Command]: (at: Target) => Parameters<ClientToServerEvents[C]>[0] } = {
  "argument:post": (at) => argumentInput(at.motion, at.citation),
  "motion:vote": (at) => ({
    motionId: at.motion,
    clientId: crypto.randomUUID(),
    phase: "before",
    stance: "against",
  }),
  "argument:rate": (at) => ({ argumentId: at.argument, clientId: crypto.randomUUID(), score: 2 }),
  "argument:edit": (at) => ({
    argumentId: at.argument,
    clientId: crypto.randomUUID(),
    body: "The rail line carried the harbour's trade, and later its people.",
  }),
  "argument:withdraw": (at) => ({ argumentId: at.argument, clientId: crypto.randomUUID() }),
};

const hiddenCommandAs: Record<Command, string> = {
  "argument:post": "No such motion.",
  "motion:vote": "No such motion.",
  "argument:rate": "No such argument.",
  "argument:edit": "No such argument.",
  "argument:withdraw": "No such argument.",
};

// Edit and withdraw act on an argument someone else wrote, but for the row of its author.
const commandsInPrivateSpace: [Command, Who, Acked][] = [
  ["argument:post", "a visitor without a session", "not_found"],
  ["argument:post", "a signed-in outsider", "not_found"],
  ["argument:post", "a guest of another space", "not_found"],
  ["argument:post", "an observer", "forbidden"],
  ["argument:post", "a participant", "ok"],
  ["argument:post", "a moderator", "ok"],
  ["argument:post", "an owner", "ok"],

  ["motion:vote", "a visitor without a session", "not_found"],
  ["motion:vote", "a signed-in outsider", "not_found"],
  ["motion:vote", "a guest of another space", "not_found"],
  ["motion:vote", "an observer", "ok"],
  ["motion:vote", "a participant", "ok"],
  ["motion:vote", "a moderator", "ok"],
  ["motion:vote", "an owner", "ok"],

  ["argument:rate", "a visitor without a session", "not_found"],
  ["argument:rate", "a signed-in outsider", "not_found"],
  ["argument:rate", "a guest of another space", "not_found"],
  ["argument:rate", "an observer", "ok"],
  ["argument:rate", "a participant", "ok"],
  ["argument:rate", "a moderator", "ok"],
  ["argument:rate", "an owner", "ok"],

  ["argument:edit", "a visitor without a session", "not_found"],
  ["argument:edit", "a signed-in outsider", "not_found"],
  ["argument:edit", "a guest of another space", "not_found"],
  ["argument:edit", "an observer", "forbidden"],
  ["argument:edit", "a participant", "forbidden"],
  ["argument:edit", "a moderator", "forbidden"],
  ["argument:edit", "an owner", "forbidden"],
  ["argument:edit", "its author", "ok"],

  ["argument:withdraw", "a visitor without a session", "not_found"],
  ["argument:withdraw", "a signed-in outsider", "not_found"],
  ["argument:withdraw", "a guest of another space", "not_found"],
  ["argument:withdraw", "an observer", "forbidden"],
  ["argument:withdraw", "a participant", "forbidden"],
  ["argument:withdraw", "a moderator", "forbidden"],
  ["argument:withdraw", "an owner", "forbidden"],
  ["argument:withdraw", "its author", "ok"],
];

const commandsInPublicSpace: [Command, Who, Acked][] = [
  ["argument:post", "a visitor without a session", "unauthenticated"],
  ["argument:post", "a signed-in outsider", "ok"],
  ["argument:post", "a guest of another space", "ok"],
  ["motion:vote", "a visitor without a session", "unauthenticated"],
  ["motion:vote", "a signed-in outsider", "ok"],
  ["motion:vote", "a guest of another space", "ok"],
  ["argument:rate", "a visitor without a session", "unauthenticated"],
  ["argument:rate", "a signed-in outsider", "ok"],
  ["argument:rate", "a guest of another space", "ok"],
  ["argument:edit", "a visitor without a session", "unauthenticated"],
  ["argument:edit", "a signed-in outsider", "forbidden"],
  ["argument:edit", "a guest of another space", "forbidden"],
  ["argument:edit", "its author", "ok"],
  ["argument:withdraw", "a visitor without a session", "unauthenticated"],
  ["argument:withdraw", "a signed-in outsider", "forbidden"],
  ["argument:withdraw", "a guest of another space", "forbidden"],
  ["argument:withdraw", "its author", "ok"],
];

/** What a door about the asker themselves needs: the private space's code, a fresh slug and email. */
interface Asking {
  space: string;
  joinCode: string;
  slug: string;
  email: string;
}

const doorsForOneself = {
  // A slug of its own, so that a refused request can be seen to have made no space.
  "POST /api/spaces": (cookie: string | undefined, at: Asking) =>
    createSpace(
      request("POST", "/api/spaces", cookie, { name: "The harbour reading group", slug: at.slug }),
    ),
  "POST /api/spaces/join": (cookie: string | undefined, at: Asking) =>
    joinWithCode(request("POST", "/api/spaces/join", cookie, { code: at.joinCode })),
  "POST /api/users": (cookie: string | undefined, at: Asking) =>
    signUp(
      request("POST", "/api/users", cookie, {
        name: "Nia Newcomer",
        email: at.email,
        password: "correct horse battery",
      }),
    ),
};

type DoorForOneself = keyof typeof doorsForOneself;

// Each row is asked by someone new of that standing, as these doors change who they are.
const forOneself: [DoorForOneself, Who, number, "changes" | "changes nothing"][] = [
  ["POST /api/spaces", "a visitor without a session", 401, "changes nothing"],
  ["POST /api/spaces", "a signed-in outsider", 201, "changes"],
  ["POST /api/spaces", "a guest of another space", 403, "changes nothing"],
  ["POST /api/spaces", "an observer", 201, "changes"],
  ["POST /api/spaces", "a participant", 201, "changes"],
  ["POST /api/spaces", "a moderator", 201, "changes"],
  ["POST /api/spaces", "an owner", 201, "changes"],

  // The private space's join code; a visitor without a guestName gives too little.
  ["POST /api/spaces/join", "a visitor without a session", 400, "changes nothing"],
  ["POST /api/spaces/join", "a signed-in outsider", 200, "changes"],
  ["POST /api/spaces/join", "a guest of another space", 403, "changes nothing"],
  ["POST /api/spaces/join", "an observer", 200, "changes nothing"],
  ["POST /api/spaces/join", "a participant", 200, "changes nothing"],
  ["POST /api/spaces/join", "a moderator", 200, "changes nothing"],
  ["POST /api/spaces/join", "an owner", 200, "changes nothing"],

  // A guest who signs up becomes an account; someone with an account has one already.
  ["POST /api/users", "a visitor without a session", 201, "changes"],
  ["POST /api/users", "a signed-in outsider", 409, "changes nothing"],
  ["POST /api/users", "a guest of another space", 201, "changes"],
  ["POST /api/users", "an observer", 409, "changes nothing"],
  ["POST /api/users", "a participant", 409, "changes nothing"],
  ["POST /api/users", "a moderator", 409, "changes nothing"],
  ["POST /api/users", "an owner", 409, "changes nothing"],
];

const roleOf: Partial<Record<Who, SpaceRole>> = {
  "an observer": "observer",
  "a participant": "participant",
  "a moderator": "moderator",
  "an owner": "owner",
};

const unknownId = "00000000-0000-4000-8000-000000000000";

describe("every door asks the access policy", () => {
  let db: TestStore;
  let store: Store;
  let server: TestRealtime;
  const evictions: { userId: string; motionIds: string[] }[] = [];
  const people = {} as Record<Who, Person | undefined>;
  let privateSpace: Awaited<ReturnType<typeof debate>>;
  let publicSpace: Awaited<ReturnType<typeof debate>>;
  let elsewhere: Awaited<ReturnType<typeof debate>>;
  let privateTarget: Omit<Target, "member">;
  let publicTarget: Omit<Target, "member">;

  const cookieOf = (who: Who) => people[who]?.cookie;

  /** Everything a write door changes: a refused request must leave it as it was. */
  const footprints: Partial<Record<DoorName, (at: Target) => Promise<unknown>>> = {
    "POST /api/spaces/:id/motions": async (at) => (await store.motions.list([at.space])).length,
    "PATCH /api/spaces/:id/members/:userId": async (at) =>
      (await store.memberships.get(at.space, at.member))?.role ?? "removed",
    "DELETE /api/spaces/:id/members/:userId": async (at) =>
      (await store.memberships.get(at.space, at.member))?.role ?? "removed",
    "POST /api/spaces/:id/join-code": async (at) => (await store.spaces.get(at.space))?.joinCode,
    "POST /api/motions/:id/votes": async (at) => (await store.votes.list(at.motion)).length,
    "POST /api/motions/:id/arguments": async (at) =>
      (await store.motions.arguments(at.motion)).length,
    "POST /api/arguments/:id/ratings": async (at) =>
      (await store.ratings.list([at.argument])).length,
    "PATCH /api/arguments/:id": async (at) => {
      const argument = await store.arguments.get(at.argument);
      const revisions = await store.arguments.revisions(at.argument);
      return [argument?.body, argument?.editedAt?.getTime(), argument?.status, revisions.length];
    },
  };

  /** The motion's last seq: every command that succeeds appends to the log. */
  const lastSeq = async (motionId: string) =>
    (await store.events.after(motionId, 0, 1_000_000)).at(-1)?.seq ?? 0;

  /** Everything a debate command changes, and the motion's log: a refusal leaves both. */
  const commandWrites: Record<Command, (at: Target) => Promise<unknown>> = {
    "argument:post": async (at) =>
      (await store.motions.arguments(at.motion)).map((a) => [a.id, a.status]),
    "motion:vote": async (at) =>
      (await store.votes.list(at.motion)).map((v) => [v.userId, v.phase, v.stance]),
    "argument:rate": async (at) =>
      (await store.ratings.list([at.argument])).map((r) => [r.userId, r.score]),
    "argument:edit": async (at) => footprints["PATCH /api/arguments/:id"]?.(at),
    "argument:withdraw": async (at) => footprints["PATCH /api/arguments/:id"]?.(at),
  };
  const commandFootprint = async (command: Command, at: Target) => ({
    writes: await commandWrites[command](at),
    seq: await lastSeq(at.motion),
  });

  /** What a command that succeeded leaves in the store, done by `userId`. */
  const commandLeaves: Record<
    Command,
    (at: Target, answer: Record<string, unknown>, userId: string) => Promise<void>
  > = {
    "argument:post": async (at, answer, userId) => {
      const { id } = answer.argument as { id: string };
      expect(await store.arguments.get(id)).toMatchObject({
        motionId: at.motion,
        authorId: userId,
        status: "published",
      });
    },
    "motion:vote": async (at, _answer, userId) => {
      expect(await store.votes.list(at.motion)).toContainEqual(
        expect.objectContaining({ userId, phase: "before", stance: "against" }),
      );
    },
    "argument:rate": async (at, _answer, userId) => {
      expect(await store.ratings.list([at.argument])).toContainEqual(
        expect.objectContaining({ userId, score: 2 }),
      );
    },
    "argument:edit": async (at) => {
      expect(await store.arguments.get(at.argument)).toMatchObject({
        body: "The rail line carried the harbour's trade, and later its people.",
        editedAt: expect.any(Date),
      });
      expect(await store.arguments.revisions(at.argument)).toHaveLength(1);
    },
    "argument:withdraw": async (at) => {
      expect((await store.arguments.get(at.argument))?.status).toBe("withdrawn");
    },
  };

  /** The ack a command that succeeded answers with, beside `ok` and the seq it appended. */
  const okAnswer: Record<Command, (at: Target, userId: string) => Record<string, unknown>> = {
    "argument:post": (at, userId) => ({
      argument: expect.objectContaining({
        motionId: at.motion,
        author: expect.objectContaining({ id: userId }),
        status: "published",
      }),
    }),
    "motion:vote": () => ({ votes: { before: expect.any(Object), after: expect.any(Object) } }),
    "argument:rate": (at) => ({ argumentId: at.argument, strength: expect.anything() }),
    "argument:edit": (at) => ({
      argumentId: at.argument,
      body: "The rail line carried the harbour's trade, and later its people.",
      editedAt: expect.any(String),
    }),
    "argument:withdraw": (at) => ({ argumentId: at.argument }),
  };

  /** Sends a command as the browser does and waits for its ack. */
  const send = (socket: Client, command: Command, payload: object) =>
    (
      socket as unknown as {
        emitWithAck(event: Command, payload: object): Promise<Ack<Record<string, unknown>>>;
      }
    ).emitWithAck(command, payload);

  const client = (cookie?: string) => server.client(cookie ? { cookie } : undefined);

  const append = (motionId: string) => appendTestEvent(store, server, motionId);

  /** A space's fixed things, and an argument in it to rate. */
  async function targetIn(space: Awaited<ReturnType<typeof debate>>, author: Person) {
    const citation = space.cite("Trade moved inland by rail.");
    const posted = await post(store, actorOf(author), argumentInput(space.motionId, citation));
    if (!posted.ok) throw new Error(posted.error.message);
    return {
      space: space.spaceId,
      motion: space.motionId,
      document: space.documentId,
      argument: posted.value.argument.id,
      citation,
    };
  }

  beforeAll(async () => {
    db = await sqliteTestStore();
    store = db.store;
    privateSpace = await debate(store, "private");
    publicSpace = await debate(store, "public");
    elsewhere = await debate(store, "private");
    Object.assign(people, await everyStanding(store, privateSpace, elsewhere));
    people["its author"] = await privateSpace.member("Ada Author", "participant");
    privateTarget = await targetIn(privateSpace, people["its author"]);
    publicTarget = await targetIn(
      publicSpace,
      await publicSpace.member("Al Author", "participant"),
    );

    server = await startRealtime(store);
    const realtime = server;
    setTestRuntime(store, {
      // What reaches the rooms is the live suites' to prove; here, who is taken out of them.
      publish: (_events, effects = []) => {
        for (const effect of effects) {
          if (effect.type === "member.evicted") {
            evictions.push({ userId: effect.userId, motionIds: effect.motionIds });
          }
        }
        realtime.publish([], effects);
      },
      disconnectSessions: realtime.disconnectSessions,
    });
  });

  afterAll(async () => {
    await server?.close();
    await db?.dispose();
  });

  async function expectAnswer(door: DoorName, who: Who, status: number, at: Target) {
    const footprint = footprints[door];
    const before = await footprint?.(at);
    const response = await doors[door](cookieOf(who), at);
    const body = await response.json();
    expect({ status: response.status, body }).toMatchObject({ status });
    if (status >= 400) expect(body.error.code).toBe(codeOf[status]);
    if (footprint) {
      const after = await footprint(at);
      if (status < 300) expect(after).not.toEqual(before);
      else expect(after).toEqual(before);
    }
    return body;
  }

  /**
   * The target of a command: edit and withdraw act on a new argument by "its author", so that
   * each row starts from an argument nobody has changed and a withdrawal spoils no other row.
   */
  async function commandTarget(command: Command, base: Omit<Target, "member">): Promise<Target> {
    const at = { ...base, member: unknownId };
    if (command !== "argument:edit" && command !== "argument:withdraw") return at;
    const author = people["its author"] as Person;
    const posted = await post(store, actorOf(author), argumentInput(at.motion, at.citation));
    if (!posted.ok) throw new Error(posted.error.message);
    return { ...at, argument: posted.value.argument.id };
  }

  /** Sends `command` as `who` and checks the ack and what it left; the socket and ack. */
  async function expectAck(command: Command, who: Who, expected: Acked, at: Target) {
    const socket = await client(cookieOf(who));
    const before = await commandFootprint(command, at);
    const answer = await send(socket, command, commands[command](at));
    const after = await commandFootprint(command, at);
    if (expected === "ok") {
      const userId = people[who]?.id ?? "";
      expect(answer).toEqual({ ok: true, seq: after.seq, ...okAnswer[command](at, userId) });
      expect(after.seq).toBeGreaterThan(before.seq);
      await commandLeaves[command](at, answer, userId);
    } else {
      expect(answer).toEqual({
        ok: false,
        error: {
          code: expected,
          message:
            expected === "not_found" ? hiddenCommandAs[command] : expect.stringMatching(/\S/),
        },
      });
      expect(after).toEqual(before);
    }
    return { socket, answer };
  }

  describe("in a private space", () => {
    it.each(inPrivateSpace)("%s, asked by %s, answers %i", async (door, who, status) => {
      const tess = await privateSpace.member("Tess Target", "participant");
      const at = { ...privateTarget, member: tess.id };
      const body = await expectAnswer(door, who, status, at);
      if (status === 404) {
        expect(body).toEqual({ error: { code: "not_found", message: hiddenAs[door] } });
        const unknown = { ...at, space: unknownId, motion: unknownId, argument: unknownId };
        const missing = await doors[door](cookieOf(who), {
          ...unknown,
          document: unknownId,
          member: unknownId,
        });
        expect(missing.status).toBe(404);
        expect(await missing.json()).toEqual(body);
      }
      if (door === "DELETE /api/spaces/:id/members/:userId") {
        const evicted = evictions.filter((e) => e.userId === tess.id);
        if (status === 200) {
          expect(evicted).toEqual([
            { userId: tess.id, motionIds: expect.arrayContaining([privateTarget.motion]) },
          ]);
        } else {
          expect(evicted).toEqual([]);
        }
      }
    });

    it("lists the space among a member's spaces, with their role, and nobody else's", async () => {
      for (const [who, role] of [
        ["an observer", "observer"],
        ["a participant", "participant"],
        ["a moderator", "moderator"],
        ["an owner", "owner"],
      ] as const) {
        const response = await listMySpaces(request("GET", "/api/spaces", cookieOf(who)));
        expect(response.status).toBe(200);
        expect(await response.json()).toContainEqual(
          expect.objectContaining({ id: privateTarget.space, role }),
        );
      }
      for (const who of ["a signed-in outsider", "a guest of another space"] as const) {
        const spaces = await (
          await listMySpaces(request("GET", "/api/spaces", cookieOf(who)))
        ).json();
        expect(spaces.map((space: { id: string }) => space.id)).not.toContain(privateTarget.space);
      }
      const visitor = await listMySpaces(request("GET", "/api/spaces"));
      expect(visitor.status).toBe(401);
    });

    it("shows the join code to those who manage members and to nobody else", async () => {
      const codes: Record<string, unknown> = {};
      for (const who of ["an observer", "a participant", "a moderator", "an owner"] as const) {
        const response = await doors["GET /api/spaces/:id"](cookieOf(who), {
          ...privateTarget,
          member: unknownId,
        });
        codes[who] = (await response.json()).joinCode;
      }
      const code = (await store.spaces.get(privateTarget.space))?.joinCode;
      expect(code).toEqual(expect.any(String));
      expect(codes).toEqual({
        "an observer": null,
        "a participant": null,
        "a moderator": code,
        "an owner": code,
      });
    });

    it("a moderator cannot make anyone an owner, nor change or remove the owner", async () => {
      const moderator = cookieOf("a moderator");
      const tess = await privateSpace.member("Tess Target", "participant");
      const promote = await changeMember(
        request("PATCH", "/", moderator, { role: "owner" }),
        params({ id: privateTarget.space, userId: tess.id }),
      );
      expect(promote.status).toBe(403);
      const owner = people["an owner"]?.id ?? "";
      const demote = await changeMember(
        request("PATCH", "/", moderator, { role: "participant" }),
        params({ id: privateTarget.space, userId: owner }),
      );
      expect(demote.status).toBe(403);
      const remove = await removeMember(
        request("DELETE", "/", moderator),
        params({ id: privateTarget.space, userId: owner }),
      );
      expect(remove.status).toBe(403);
      expect((await store.memberships.get(privateTarget.space, tess.id))?.role).toBe("participant");
      expect((await store.memberships.get(privateTarget.space, owner))?.role).toBe("owner");
    });

    it("the last owner cannot step down or be removed", async () => {
      const { spaceId } = await debate(store, "private");
      const owner = await person(store, "Solo Owner", { spaceId, role: "owner" });
      const stepDown = await changeMember(
        request("PATCH", "/", owner.cookie, { role: "moderator" }),
        params({ id: spaceId, userId: owner.id }),
      );
      expect(stepDown.status).toBe(409);
      const leave = await removeMember(
        request("DELETE", "/", owner.cookie),
        params({ id: spaceId, userId: owner.id }),
      );
      expect(leave.status).toBe(409);
      expect((await store.memberships.get(spaceId, owner.id))?.role).toBe("owner");
    });
  });

  describe("in a public space", () => {
    it.each(inPublicSpace)("%s, asked by %s, answers %i", async (door, who, status) => {
      const tess = await publicSpace.member("Tess Target", "participant");
      await expectAnswer(door, who, status, { ...publicTarget, member: tess.id });
    });
  });

  describe("over Socket.IO", () => {
    it.each(joinAsEach)(
      "P-AUTH-1: the handshake's session cookie decides who the connection is: %s joining a private motion gets %s",
      async (who, expected) => {
        const socket = await client(cookieOf(who));
        const answer = await socket.emitWithAck("motion:join", {
          motionId: privateTarget.motion,
          sinceSeq: 0,
        });
        if (expected === "ok") {
          expect(answer).toMatchObject({ ok: true, motionId: privateTarget.motion });
          return;
        }
        expect(answer).toEqual({
          ok: false,
          error: { code: "not_found", message: "No such motion." },
        });
        const unknown = await socket.emitWithAck("motion:join", {
          motionId: unknownId,
          sinceSeq: 0,
        });
        expect(unknown).toEqual(answer);
      },
    );

    it.each(commandsInPrivateSpace)(
      "in a private space, %s sent by %s is answered %s",
      async (command, who, expected) => {
        const at = await commandTarget(command, privateTarget);
        const { socket, answer } = await expectAck(command, who, expected, at);
        if (expected === "not_found") {
          const unknown = { ...at, motion: unknownId, argument: unknownId };
          expect(await send(socket, command, commands[command](unknown))).toEqual(answer);
        }
      },
    );

    it.each(commandsInPublicSpace)(
      "in a public space, %s sent by %s is answered %s",
      async (command, who, expected) => {
        await expectAck(command, who, expected, await commandTarget(command, publicTarget));
      },
    );

    it("P-AUTH-1: the handshake's session cookie decides who the connection is: a cookie sealed with another secret is a visitor", async () => {
      const participant = people["a participant"] as Person;
      const forged = await sessionCookieFor(
        store,
        participant,
        "some-other-secret-that-is-long-enough-too",
        false,
      );
      const socket = await client(`${forged.name}=${forged.value}`);
      const answer = await socket.emitWithAck("motion:join", {
        motionId: privateTarget.motion,
        sinceSeq: 0,
      });
      expect(answer).toMatchObject({ ok: false, error: { code: "not_found" } });
      const open = await socket.emitWithAck("motion:join", {
        motionId: publicTarget.motion,
        sinceSeq: 0,
      });
      expect(open).toMatchObject({ ok: true });
    });

    it("P-AUTH-2: a removed member stops hearing the space's motions at once", async () => {
      const motionId = privateTarget.motion;
      const removed = await privateSpace.member("Rae Removed", "participant");
      const staying = await privateSpace.member("Stan Staying", "observer");
      const [laptop, phone, other] = [
        await client(removed.cookie),
        await client(removed.cookie),
        await client(staying.cookie),
      ] as [Client, Client, Client];
      for (const socket of [laptop, phone, other]) {
        const joined: Ack<JoinAnswer> = await socket.emitWithAck("motion:join", {
          motionId,
          sinceSeq: 0,
        });
        expect(joined.ok).toBe(true);
      }
      const heard = [laptop, phone, other].map((socket) => nextEvent(socket));
      const first = await append(motionId);
      for (const event of await Promise.all(heard)) expect(event.seq).toBe(first);

      const response = await removeMember(
        request(
          "DELETE",
          `/api/spaces/${privateTarget.space}/members/${removed.id}`,
          cookieOf("a moderator"),
        ),
        params({ id: privateTarget.space, userId: removed.id }),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        userId: removed.id,
        role: "removed",
        leaves: expect.arrayContaining([motionId]),
        stopsModerating: [],
      });

      let leaked = 0;
      for (const socket of [laptop, phone]) {
        hear(socket, "event", () => {
          leaked += 1;
        });
      }
      const stillHeard = nextEvent(other);
      const second = await append(motionId);
      expect(await stillHeard).toMatchObject({ motionId, seq: second });
      // A round trip after the publish: had the event been sent, it would have arrived first.
      for (const socket of [laptop, phone]) {
        const again = await socket.emitWithAck("motion:join", { motionId, sinceSeq: 0 });
        expect(again).toEqual({
          ok: false,
          error: { code: "not_found", message: "No such motion." },
        });
      }
      expect(leaked).toBe(0);
    });
  });

  describe("doors about the asker themselves", () => {
    /** Someone new of `who`'s standing: these doors make members and accounts of them. */
    async function newcomer(who: Who): Promise<Person | undefined> {
      const role = roleOf[who];
      if (role) return privateSpace.member(`Nico New ${role}`, role);
      if (who === "a signed-in outsider") return person(store, "Nell Newcomer");
      if (who === "a guest of another space") {
        return person(store, "Gwen Guest", {
          spaceId: elsewhere.spaceId,
          role: "participant",
          guest: true,
        });
      }
      return undefined;
    }

    /** Everything each door may change: a refused request must leave it as it was. */
    const footprintFor: Record<
      DoorForOneself,
      (at: Asking, asker: Person | undefined) => Promise<unknown>
    > = {
      "POST /api/spaces": async (at, asker) => ({
        space: (await store.spaces.bySlug(at.slug))?.id ?? null,
        spaces: asker ? (await store.spaces.listReadable(asker.id)).length : null,
      }),
      "POST /api/spaces/join": async (at) =>
        (await store.memberships.list(at.space)).map((m) => [m.userId, m.role]),
      "POST /api/users": async (at, asker) => {
        const user = asker && (await store.users.get(asker.id));
        return {
          account: (await store.users.byEmail(at.email))?.id ?? null,
          asker: user && [user.name, user.email, user.passwordHash, user.guestSpaceId],
        };
      },
    };

    it.each(forOneself)(
      "%s, asked by %s, answers %i and %s",
      async (door, who, status, changes) => {
        const asker = await newcomer(who);
        const joinCode = (await store.spaces.get(privateTarget.space))?.joinCode;
        if (!joinCode) throw new Error("the private space has no join code");
        const at: Asking = {
          space: privateTarget.space,
          joinCode,
          slug: `door-${crypto.randomUUID()}`,
          email: `door-${crypto.randomUUID()}@example.test`,
        };
        const before = await footprintFor[door](at, asker);
        const response = await doorsForOneself[door](asker?.cookie, at);
        const body = await response.json();
        expect({ status: response.status, body }).toMatchObject({ status });
        if (status >= 400) {
          expect(body).toEqual({
            error: { code: codeOf[status], message: expect.stringMatching(/\S/) },
          });
        }
        const after = await footprintFor[door](at, asker);
        if (changes === "changes") expect(after).not.toEqual(before);
        else expect(after).toEqual(before);
        if (status >= 300) return;

        const me = asker?.id ?? "";
        if (door === "POST /api/spaces") {
          expect(body).toMatchObject({ id: expect.any(String), joinCode: expect.any(String) });
          expect(response.headers.get("location")).toBe(`/api/spaces/${body.id}`);
          expect(await store.memberships.get(body.id, me)).toMatchObject({ role: "owner" });
          expect((await store.spaces.get(body.id))?.visibility).toBe("private");
        }
        if (door === "POST /api/spaces/join") {
          const role = roleOf[who] ?? "participant";
          expect(body).toEqual({
            spaceId: privateTarget.space,
            spaceName: expect.any(String),
            role,
            user: { id: me, name: asker?.name, guest: false },
          });
          expect(await store.memberships.get(privateTarget.space, me)).toMatchObject({ role });
          expect(response.headers.get("set-cookie")).toBeNull();
        }
        if (door === "POST /api/users") {
          const account = await store.users.byEmail(at.email);
          expect(body).toEqual({ id: account?.id, name: "Nia Newcomer", email: at.email });
          expect(response.headers.get("location")).toBe(`/api/users/${body.id}`);
          expect(account).toMatchObject({ guestSpaceId: null, passwordHash: expect.any(String) });
          if (asker) {
            // The guest is now the account: same id, same memberships, signed in afresh.
            expect(body.id).toBe(asker.id);
            expect(await store.memberships.get(elsewhere.spaceId, asker.id)).toMatchObject({
              role: "participant",
            });
            expect(response.headers.get("set-cookie")).toMatch(/^authjs\.session-token=/);
          }
        }
      },
    );
  });
});
