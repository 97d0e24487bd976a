import { exportDebate } from "@/server/domain/exports";
import { overLimit, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/**
 * The motion as a file to download (?format=json|csv|md|argdown|annotations), holding what the
 * caller may read of it, exactly as the motion's page shows it to them.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const url = new URL(request.url);
  const actor = await requestActor(request);
  const refused = await overLimit(request, "exports", actor);
  if (refused) return refused;
  const format = url.searchParams.get("format") ?? "json";
  const file = await exportDebate(runtime().store, actor, (await params).id, format, url.origin);
  if (!file.ok) return respond(file);
  const { body, contentType, filename } = file.value;
  return new Response(body, {
    headers: {
      "content-type": contentType,
      // The name is [a-z0-9-] and an extension (fileStem): safe in the header as it is.
      "content-disposition": `attachment; filename="${filename}"`,
      // What a participant may read changes when a moderator hides a post: never reuse a copy.
      "cache-control": "no-store",
    },
  });
}
