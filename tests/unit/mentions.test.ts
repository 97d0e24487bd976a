import { describe, expect, it } from "vitest";
import { mentionedNames } from "../../server/domain/notifications/mentions";

const members = ["Ana", "Ana Lima", "Ben Okafor", "Zoë Ørsted", "Mo"];

describe("P-NOTE-4: @mentions", () => {
  it.each([
    ["@Ana Lima, read this.", ["Ana Lima"]],
    ["@Ana, read this.", ["Ana"]],
    ["@ana lima and @BEN OKAFOR", ["Ana Lima", "Ben Okafor"]],
    ["Hello @Zoë Ørsted!", ["Zoë Ørsted"]],
    ["(@Mo)", ["Mo"]],
    ["@Mo @Mo @mo", ["Mo"]],
    ["@Anabel is nobody here", []],
    ["ana@Mo.example is an address", []],
    ["@ Ana has a space after the at", []],
    ["No mention at all", []],
    ["@Ana Limas: not Ana Lima, so the shorter Ana", ["Ana"]],
  ])("%s mentions %j", (body, expected) => {
    expect(mentionedNames(body, members).sort()).toEqual([...expected].sort());
  });

  it("mentions nobody when the space has no members to name", () => {
    expect(mentionedNames("@Ana", [])).toEqual([]);
  });
});
