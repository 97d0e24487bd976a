import { notFound } from "next/navigation";
import { cache } from "react";
import type { Gradebook, OwnGrades } from "@/lib/grades";
import { pageActor } from "@/server/auth/pageActor";
import { gradebook, ownGrades } from "@/server/domain/grades/gradebook";
import { runtime } from "@/server/runtime";

export type LoadedGrades =
  | { view: "teacher"; book: Gradebook }
  | { view: "member"; own: OwnGrades }
  | { view: "visitor" };

/**
 * The whole gradebook for the space's owners and moderators, a member's own row for anyone else
 * who is graded there; a visitor is asked to sign in; anyone else gets the not-found page.
 * Cached per request, so the page and its metadata ask once.
 */
export const loadGrades = cache(async (spaceId: string): Promise<LoadedGrades> => {
  const actor = await pageActor();
  const store = runtime().store;
  const book = await gradebook(store, actor, spaceId);
  if (book.ok) return { view: "teacher", book: book.value };
  if (book.error.code === "unauthenticated") return { view: "visitor" };
  const own = await ownGrades(store, actor, spaceId);
  if (own.ok) return { view: "member", own: own.value };
  notFound();
});
