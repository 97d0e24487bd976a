"use server";

import { revalidatePath } from "next/cache";
import { type FormState, problemsOf } from "@/lib/forms";
import { pageActor } from "@/server/auth/pageActor";
import { execute } from "@/server/execute";
import { actionDoor } from "@/server/rateLimits/pages";

const rubricFields = [
  "postingWeight",
  "evidenceWeight",
  "engagementWeight",
  "markWeight",
  "postsCap",
  "passagesCap",
  "answersCap",
] as const;

/** A number field as the command reads it: empty is not given, anything else a number (or NaN). */
const numberField = (value: FormDataEntryValue | null) =>
  typeof value === "string" && value.trim() !== "" ? Number(value) : undefined;

/** What was typed in the form, to put back after a refusal. */
const typed = (data: FormData, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? "")]));

export async function setRubricAction(_state: FormState, data: FormData): Promise<FormState> {
  const input = {
    motionId: data.get("motionId"),
    clientId: crypto.randomUUID(),
    ...Object.fromEntries(rubricFields.map((name) => [name, numberField(data.get(name))])),
  };
  const outcome = await execute("rubric:set", await pageActor(), input, await actionDoor());
  if (!outcome.ok) {
    return { problems: problemsOf(outcome.error.message), values: typed(data, rubricFields) };
  }
  revalidatePath(`/spaces/${data.get("spaceId")}/grades`);
  return { notice: "Rubric saved: the scores below follow it." };
}

export async function markGradeAction(_state: FormState, data: FormData): Promise<FormState> {
  // An empty mark is no mark: the comment may stand alone.
  const input = {
    motionId: data.get("motionId"),
    clientId: crypto.randomUUID(),
    userId: data.get("userId"),
    mark: numberField(data.get("mark")) ?? null,
    comment: data.get("comment") ?? "",
  };
  const outcome = await execute("grade:mark", await pageActor(), input, await actionDoor());
  if (!outcome.ok) {
    return {
      problems: problemsOf(outcome.error.message),
      values: typed(data, ["mark", "comment"]),
    };
  }
  revalidatePath(`/spaces/${data.get("spaceId")}/grades`);
  return { notice: "Saved." };
}
