import { describe, expect, it } from "vitest";
import { problemsOf } from "../../lib/forms";

describe("a refusal read out on a form", () => {
  it("lists each field's problem as a sentence naming the field as its label does", () => {
    expect(problemsOf("name: is empty; email: is not valid")).toEqual([
      "Name is empty.",
      "Email is not valid.",
    ]);
    expect(
      problemsOf("sourceUrl: must be a web address starting with http:// or https://"),
    ).toEqual(["Source address (URL) must be a web address starting with http:// or https://."]);
  });

  it("keeps a sentence whole when a clause after its semicolon says what to do", () => {
    expect(
      problemsOf("A guest takes part in one space; create an account to join another."),
    ).toEqual(["A guest takes part in one space; create an account to join another."]);
  });

  it("still parts two sentences of their own, and a sentence from a field's problem", () => {
    expect(
      problemsOf(
        "A name needs at least one visible character.; code: must have 8 letters and digits",
      ),
    ).toEqual([
      "A name needs at least one visible character.",
      "Join code must have 8 letters and digits.",
    ]);
  });
});
