import { describe, expect, it } from "vitest";
import type { SpaceRole } from "../../lib/spaces";
import {
  type Action,
  type Actor,
  anonymousActor,
  authorize,
  authorizeMemberChange,
  authorizeOnArgument,
  type Place,
  systemActor,
} from "../../server/policy";

const SPACE = "11111111-1111-4111-8111-111111111111";
const OTHER_SPACE = "22222222-2222-4222-8222-222222222222";

const account: Actor = { kind: "user", id: "u-1", name: "Ada", guestOf: null };
const guestHere: Actor = { kind: "user", id: "u-2", name: "Bo", guestOf: SPACE };
const guestElsewhere: Actor = { kind: "user", id: "u-3", name: "Cy", guestOf: OTHER_SPACE };

type Who = [label: string, actor: Actor, role: SpaceRole | null];
const people: Who[] = [
  ["a visitor without a session", anonymousActor, null],
  ["a signed-in outsider", account, null],
  ["a guest of another space", guestElsewhere, null],
  ["an observer", account, "observer"],
  ["a guest participant", guestHere, "participant"],
  ["a participant", account, "participant"],
  ["a moderator", account, "moderator"],
  ["an owner", account, "owner"],
];

const columns: Action[] = [
  "space.read",
  "member.list",
  "motion.vote",
  "argument.post",
  "motion.create",
  "document.import",
  "member.manage",
  "space.manage",
  "space.join",
  "argument.rate",
  "argument.edit",
  "motion.moderate",
  "motion.settings",
  "motion.lock",
  "motion.edit",
  "motion.status",
  "argument.approve",
  "argument.reject",
  "argument.hide",
  "argument.restore",
  "argument.pin",
  "argument.spotlight",
  "session.phase",
  "session.timer",
  "session.side",
  "citation.review",
  "member.mute",
];

// What each person may do in a space: ok, or the status a door answers (404 hides the space).
// Columns in the order of `columns`: the last fifteen are a moderator's commands and muting.
const inPrivateSpace: Record<string, string> = {
  "a visitor without a session":
    "404 404 404 404 404 404 404 404 ok 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404",
  "a signed-in outsider":
    "404 404 404 404 404 404 404 404 ok 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404",
  "a guest of another space":
    "404 404 404 404 404 404 404 404 403 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404",
  "an observer":
    "ok ok ok 403 403 403 403 403 ok ok ok 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403",
  "a guest participant":
    "ok ok ok ok 403 403 403 403 ok ok ok 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403",
  "a participant":
    "ok ok ok ok 403 403 403 403 ok ok ok 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403",
  "a moderator":
    "ok ok ok ok ok ok ok 403 ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok",
  "an owner": "ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok",
};

// The public demo space: everyone reads it; anyone with a session, guests too, takes part.
// Who is in it stays its members' to see.
const inPublicSpace: Record<string, string> = {
  "a visitor without a session":
    "ok 403 401 401 401 401 401 401 ok 401 401 401 401 401 401 401 401 401 401 401 401 401 401 401 401 401 401",
  "a signed-in outsider":
    "ok 403 ok ok 403 403 403 403 ok ok ok 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403",
  "a guest of another space":
    "ok 403 ok ok 403 403 403 403 403 ok ok 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403",
  "an observer":
    "ok ok ok 403 403 403 403 403 ok ok ok 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403",
  "a guest participant":
    "ok ok ok ok 403 403 403 403 ok ok ok 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403",
  "a participant":
    "ok ok ok ok 403 403 403 403 ok ok ok 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403",
  "a moderator":
    "ok ok ok ok ok ok ok 403 ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok",
  "an owner": "ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok",
};
const statusOf = { not_found: "404", forbidden: "403", unauthenticated: "401" } as const;
const answer = (actor: Actor, action: Action, place: Place | null) => {
  const denial = authorize(actor, action, place);
  return denial ? statusOf[denial.code] : "ok";
};

function rows(expected: Record<string, string>, visibility: "public" | "private") {
  return people.flatMap(([label, actor, role]) => {
    const answers = expected[label]?.split(" ") ?? [];
    return columns.map((action, i) => ({
      label,
      action,
      actor,
      place: { space: { id: SPACE, visibility }, role },
      expected: answers[i],
    }));
  });
}

describe("the access policy", () => {
  it.each(rows(inPrivateSpace, "private"))(
    "in a private space, $label: $action is $expected",
    ({ actor, action, place, expected }) => {
      expect(answer(actor, action, place)).toBe(expected);
    },
  );

  it.each(rows(inPublicSpace, "public"))(
    "in the public space, $label: $action is $expected",
    ({ actor, action, place, expected }) => {
      expect(answer(actor, action, place)).toBe(expected);
    },
  );

  it("answers a hidden space exactly as a space that does not exist", () => {
    const hidden = { space: { id: SPACE, visibility: "private" as const }, role: null };
    for (const action of columns.filter((a) => a !== "space.join")) {
      expect(authorize(account, action, hidden)).toEqual(authorize(account, action, null));
    }
  });

  it("lets people with an account create spaces, and not guests or visitors", () => {
    expect(answer(account, "space.create", null)).toBe("ok");
    expect(answer(guestHere, "space.create", null)).toBe("403");
    expect(answer(anonymousActor, "space.create", null)).toBe("401");
  });

  // Following is about one's own notifications: whoever may read the space and has a session.
  it.each([
    ["a visitor without a session", "404", "401"],
    ["a signed-in outsider", "404", "ok"],
    ["a guest of another space", "404", "ok"],
    ["an observer", "ok", "ok"],
    ["a guest participant", "ok", "ok"],
    ["a participant", "ok", "ok"],
    ["a moderator", "ok", "ok"],
    ["an owner", "ok", "ok"],
  ])(
    "P-NOTE-2: %s may follow a motion: %s in a private space, %s in the public one",
    (label, inPrivate, inPublic) => {
      const [, actor, role] = people.find(([who]) => who === label) as Who;
      for (const [visibility, expected] of [
        ["private", inPrivate],
        ["public", inPublic],
      ] as const) {
        expect(answer(actor, "motion.follow", { space: { id: SPACE, visibility }, role })).toBe(
          expected,
        );
      }
    },
  );

  it("lets the system do everything", () => {
    const hidden = { space: { id: SPACE, visibility: "private" as const }, role: null };
    for (const action of columns) expect(answer(systemActor, action, hidden)).toBe("ok");
  });

  it.each([
    ["a participant", "participant", "argument.post", "403"],
    ["a participant", "participant", "argument.edit", "403"],
    ["a participant", "participant", "motion.vote", "ok"],
    ["a participant", "participant", "argument.rate", "ok"],
    ["a moderator", "moderator", "argument.post", "ok"],
    ["an owner", "owner", "argument.post", "ok"],
  ] as const)("muted, %s: %s is %s", (_, role, action, expected) => {
    const place = { space: { id: SPACE, visibility: "private" as const }, role, muted: true };
    expect(answer(account, action, place)).toBe(expected);
  });

  it.each([
    ["moderator", "participant", "observer", "ok"],
    ["moderator", "observer", "moderator", "ok"],
    ["moderator", "moderator", "removed", "ok"],
    ["moderator", "participant", "owner", "403"],
    ["moderator", "owner", "participant", "403"],
    ["moderator", "owner", "removed", "403"],
    ["owner", "owner", "moderator", "ok"],
    ["owner", "participant", "owner", "ok"],
  ] as const)("a %s changing a %s to %s: %s", (manager, member, change, expected) => {
    const denial = authorizeMemberChange(manager, member, change);
    expect(denial ? statusOf[denial.code] : "ok").toBe(expected);
  });

  it.each([
    ["its author", "argument.edit", "u-1", "ok"],
    ["someone else", "argument.edit", "u-9", "403"],
    ["its author", "argument.rate", "u-1", "403"],
    ["someone else", "argument.rate", "u-9", "ok"],
  ] as const)("on an argument, %s: %s is %s", (_, action, authorId, expected) => {
    const denial = authorizeOnArgument(account, action, { authorId });
    expect(denial ? statusOf[denial.code] : "ok").toBe(expected);
  });
});
