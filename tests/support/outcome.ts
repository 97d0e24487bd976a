import type { Store } from "../../db/store";
import { exportDebate } from "../../server/domain/exports";
import type { Outcome } from "../../server/domain/outcome";
import type { Actor } from "../../server/policy";

/** A command's or query's value; its refusal fails the test with the refusal's message. */
export async function must<T>(pending: Promise<Outcome<T>>): Promise<T> {
  const outcome = await pending;
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

export const exportFormats = ["json", "csv", "md", "argdown", "annotations"] as const;

/** A motion exported as `who` may read it, in one format: the file's text. */
export const exported = async (store: Store, who: Actor, motionId: string, format: string) =>
  (await must(exportDebate(store, who, motionId, format, "https://moot.test"))).body;
