import type { Store } from "../../../db/store";
import type { WhoAgreed } from "../../../lib/debate";
import type { Actor } from "../../policy";
import { Id } from "../ids";
import { done, type Outcome, refuse } from "../outcome";
import { moderatedMotion, namesOf } from "./guards";

/**
 * Who agreed with an argument, disagreed or passed, by name: for the space's owners and
 * moderators, in a motion that is not anonymous (P-AGREE-2). Participants never learn it.
 */
export async function whoAgreed(
  store: Store,
  actor: Actor,
  argumentId: unknown,
): Promise<Outcome<WhoAgreed>> {
  const parsed = Id.safeParse(argumentId);
  if (!parsed.success) return refuse("invalid_input", "That is not a valid argument id.");
  const argument = await store.arguments.get(parsed.data);
  if (!argument) return refuse("not_found", "No such argument.");
  const found = await moderatedMotion(store, actor, argument.motionId);
  if (!found.ok) {
    return found.error.code === "not_found" ? refuse("not_found", "No such argument.") : found;
  }
  if (found.value.settings.anonymous) {
    return refuse(
      "forbidden",
      "In an anonymous motion nobody sees who agreed, moderators neither.",
    );
  }
  const rows = await store.agreements.list([argument.id]);
  const names = await namesOf(
    store,
    rows.map((row) => row.userId),
  );
  return done({
    argumentId: argument.id,
    people: rows
      .map((row) => ({
        user: { id: row.userId, name: names.get(row.userId) ?? row.userId },
        stance: row.stance,
      }))
      .sort((a, b) => a.user.name.localeCompare(b.user.name)),
  });
}
