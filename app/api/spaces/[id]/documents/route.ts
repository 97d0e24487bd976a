import { getDocument, listSpaceDocuments } from "@/server/domain/library/queries";
import {
  creationResponse,
  errorResponse,
  overUploadLimit,
  requestActor,
  respond,
} from "@/server/http";
import { runtime } from "@/server/runtime";
import { documentInput } from "./documentInput";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The space's documents, as GET /api/documents lists them, for whoever may read the space. */
export async function GET(request: Request, { params }: Context) {
  const actor = await requestActor(request);
  return respond(await listSpaceDocuments(runtime().store, actor, (await params).id));
}

/**
 * Imports a file (multipart) or pasted text (JSON), or copies a document the member may read
 * into the space (JSON `{fromDocumentId}`); answers 201 with the document.
 */
export async function POST(request: Request, { params }: Context) {
  const actor = await requestActor(request);
  const refused = await overUploadLimit(request, actor);
  if (refused) return refused;
  const body = await documentInput(request, (await params).id);
  if (!body.ok) return errorResponse(body);
  const name = body.input.fromDocumentId === undefined ? "document:import" : "document:copy";
  // Counted above, before the body was read.
  return creationResponse(
    name,
    actor,
    body.input,
    { counted: true },
    {
      read: ({ documentId }) => getDocument(runtime().store, actor, documentId),
      location: ({ id }) => `/api/documents/${id}`,
    },
  );
}
