import { previewDocument } from "@/server/domain/library/previewDocument";
import { errorResponse, overUploadLimit, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";
import { documentInput } from "../documentInput";

export const dynamic = "force-dynamic";

/** What importing the same body would store, without storing anything. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  const refused = await overUploadLimit(request, actor);
  if (refused) return refused;
  const body = await documentInput(request, (await params).id);
  if (!body.ok) return errorResponse(body);
  return respond(await previewDocument(runtime().store, actor, body.input));
}
