import { describe, expect, it } from "vitest";
import { PostArgument } from "../../lib/commands";
import { MarkRead } from "../../lib/reading";
import { SignUpInput } from "../../server/domain/accounts/signUp";

/** The messages of a refused input, each with the field it names. */
const refused = (parsed: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  parsed.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("a field sent as the wrong type is told what it must be, not that it is missing", () => {
  const motionId = "5b0c6a1e-8f3d-4c2a-9e1b-7d4f2a6c8e10";
  it("a seq sent as text, and one left out", () => {
    expect(refused(MarkRead.safeParse({ motionId, seq: "3" }))).toEqual(["seq: must be a number"]);
    expect(refused(MarkRead.safeParse({ motionId }))).toEqual(["seq: is required"]);
  });

  it("an email sent as a list, and a password left out", () => {
    const parsed = SignUpInput.safeParse({ name: "Gail", email: ["gail@school.test"] });
    expect(refused(parsed)).toEqual(["email: must be text", "password: is required"]);
  });

  it("a post's clientId sent as an object", () => {
    const parsed = PostArgument.safeParse({
      motionId,
      clientId: { a: 1 },
      relation: "for",
      body: "A body.",
      citations: [],
    });
    expect(refused(parsed)).toEqual(["clientId: must be text"]);
  });
});
