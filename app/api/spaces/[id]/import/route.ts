import { failure } from "@/lib/result";
import { importDebate, MAX_IMPORT_BYTES } from "@/server/domain/exports/importDebate";
import { errorResponse, requestActor, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const tooLarge = failure("payload_too_large", "The export is larger than 20 MB.");

/**
 * Takes back a debate exported as JSON (the body is the export file) into this space, as a new
 * motion with the same tree; answers the new motion's id.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (Number(request.headers.get("content-length")) > MAX_IMPORT_BYTES) {
    return errorResponse(tooLarge);
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return errorResponse(tooLarge);
  let debate: unknown;
  try {
    debate = JSON.parse(text);
  } catch {
    return errorResponse(
      failure("invalid_input", "The body is not JSON: send the export file as it was downloaded."),
    );
  }
  const actor = await requestActor(request);
  const clientId = new URL(request.url).searchParams.get("clientId") ?? crypto.randomUUID();
  const spaceId = (await params).id;
  return runCommand(importDebate(runtime().store, actor, { clientId, spaceId, debate }), 201);
}
