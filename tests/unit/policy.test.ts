import { describe, expect, it } from "vitest";
import {
  type Action,
  type Actor,
  anonymousActor,
  authorize,
  systemActor,
} from "../../server/policy";

const actions: Action[] = ["space.read", "space.create", "document.import", "motion.create"];
const publicSpace = { visibility: "public" as const };
const privateSpace = { visibility: "private" as const };

// Every actor against every action and kind of space: what the policy answers.
const table: [Actor, Action, typeof publicSpace | typeof privateSpace | null, string][] = [
  [anonymousActor, "space.read", publicSpace, "allow"],
  [anonymousActor, "space.read", privateSpace, "not_found"],
  [anonymousActor, "space.read", null, "not_found"],
  [anonymousActor, "space.create", null, "forbidden"],
  [anonymousActor, "document.import", publicSpace, "forbidden"],
  [anonymousActor, "document.import", privateSpace, "not_found"],
  [anonymousActor, "motion.create", publicSpace, "forbidden"],
  [anonymousActor, "motion.create", privateSpace, "not_found"],
  ...actions.flatMap((action) =>
    [publicSpace, privateSpace].map(
      (space) => [systemActor, action, space, "allow"] as [Actor, Action, typeof space, string],
    ),
  ),
];

describe("the access policy", () => {
  it.each(table)("%o may %s in %o: %s", (actor, action, space, expected) => {
    expect(authorize(actor, action, space)?.code ?? "allow").toBe(expected);
  });

  it("answers a hidden space exactly as a space that does not exist", () => {
    expect(authorize(anonymousActor, "space.read", privateSpace)).toEqual(
      authorize(anonymousActor, "space.read", null),
    );
  });
});
