import { failure } from "@/lib/result";
import { getMotion } from "@/server/domain/debate/queries";
import { importRefusal, MAX_IMPORT_BYTES } from "@/server/domain/exports/importDebate";
import { creationResponse, errorResponse, overUploadLimit, requestActor } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const tooLarge = failure("payload_too_large", "The export is larger than 30 MB.");

/**
 * Takes back a debate exported as JSON (the body is the export file) into this space, as a new
 * motion with the same tree; answers 201 with the new motion as GET /api/motions/:id shows it.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  const refused = await overUploadLimit(request, actor);
  if (refused) return refused;
  if (Number(request.headers.get("content-length")) > MAX_IMPORT_BYTES) {
    return errorResponse(tooLarge);
  }
  const spaceId = (await params).id;
  // Asked before the body is read: nobody who may not import has the file read for them.
  const denied = await importRefusal(runtime().store, actor, spaceId);
  if (denied) return errorResponse(denied);
  const json = await request.text();
  if (Buffer.byteLength(json) > MAX_IMPORT_BYTES) return errorResponse(tooLarge);
  const clientId = new URL(request.url).searchParams.get("clientId") ?? crypto.randomUUID();
  // The body is parsed and checked off the event loop, in the command.
  // Counted above, before the body was read.
  const input = { clientId, spaceId, json };
  return creationResponse(
    "debate:import",
    actor,
    input,
    { counted: true },
    {
      read: ({ motionId }) => getMotion(runtime().store, actor, motionId),
      location: ({ id }) => `/api/motions/${id}`,
    },
  );
}
