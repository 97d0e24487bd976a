import { getDocument } from "@/server/domain/library/queries";
import { creationResponse, errorResponse, overUploadLimit, requestActor } from "@/server/http";
import { runtime } from "@/server/runtime";
import { documentInput } from "../../../spaces/[id]/documents/documentInput";

export const dynamic = "force-dynamic";

/**
 * A new version of the document: a file (multipart) or pasted text (JSON), as for the first.
 * Answers 201 with the document as it now reads, at the new version's own URL; its passages
 * are re-anchored.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const documentId = (await params).id;
  const actor = await requestActor(request);
  const refused = await overUploadLimit(request, actor);
  if (refused) return refused;
  const body = await documentInput(request, "");
  if (!body.ok) return errorResponse(body);
  // Counted above, before the body was read.
  const input = { ...body.input, documentId };
  return creationResponse(
    "document:version",
    actor,
    input,
    { counted: true },
    {
      read: ({ versionId }) => getDocument(runtime().store, actor, documentId, versionId),
      location: ({ id, versionId }) => `/api/documents/${id}?version=${versionId}`,
    },
  );
}
