import { addVersion } from "@/server/domain/library/addVersion";
import { getDocument } from "@/server/domain/library/queries";
import { errorResponse, overUploadLimit, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";
import { documentInput } from "../../../spaces/[id]/documents/documentInput";

export const dynamic = "force-dynamic";

/**
 * A new version of the document: a file (multipart) or pasted text (JSON), as for the first.
 * Answers 201 with the document as it now reads; its passages are re-anchored.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const documentId = (await params).id;
  const actor = await requestActor(request);
  const refused = await overUploadLimit(request, actor);
  if (refused) return refused;
  const body = await documentInput(request, "");
  if (!body.ok) return errorResponse(body);
  const { store, publish } = runtime();
  const added = await addVersion(store, actor, { ...body.input, documentId });
  if (!added.ok) return respond(added);
  publish(added.events);
  return respond(await getDocument(store, actor, documentId), 201);
}
