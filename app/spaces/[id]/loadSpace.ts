import { notFound } from "next/navigation";
import { cache } from "react";
import { pageActor } from "@/server/auth/pageActor";
import { listSpaceMotions } from "@/server/domain/debate/queries";
import { listSpaceDocuments } from "@/server/domain/library/queries";
import { citationsToReview } from "@/server/domain/library/reviewCitations";
import { getSpace, listMembers } from "@/server/domain/spaces/queries";
import { runtime } from "@/server/runtime";

/**
 * Everything the space's page shows, or the not-found page. Cached per request (by the space's
 * id), so the page and its metadata run these queries once.
 */
export const loadSpace = cache(async (id: string) => {
  const actor = await pageActor();
  const store = runtime().store;
  const [space, motions, members, documents, toReview] = await Promise.all([
    getSpace(store, actor, id),
    listSpaceMotions(store, actor, id),
    listMembers(store, actor, id),
    listSpaceDocuments(store, actor, id),
    citationsToReview(store, actor, id),
  ]);
  if (!space.ok || !motions.ok) notFound();
  const ours = documents.ok ? documents.value : [];
  return {
    actor,
    space: space.value,
    motions: motions.value,
    members: members.ok ? members.value : null,
    documents: ours,
    hasDocuments: ours.length > 0,
    // Only the space's owners and moderators review citations; for anyone else it is null.
    toReview: toReview.ok ? toReview.value : null,
  };
});
