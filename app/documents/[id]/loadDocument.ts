import { notFound } from "next/navigation";
import { cache } from "react";
import { pageActor } from "@/server/auth/pageActor";
import { getDocument } from "@/server/domain/library/queries";
import { runtime } from "@/server/runtime";

/**
 * The document (at `version`, else as it reads now) as this reader may see it, or the
 * not-found page. Cached per request, so the page and its metadata read it once.
 */
export const loadDocument = cache(async (id: string, version?: string) => {
  const outcome = await getDocument(runtime().store, await pageActor(), id, version);
  if (!outcome.ok) notFound();
  return outcome.value;
});
