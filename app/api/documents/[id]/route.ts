import { getDocument } from "@/server/domain/library/queries";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The document as it reads now, or with `?version=<versionId>` as it read then. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const version = new URL(request.url).searchParams.get("version") ?? undefined;
  const actor = await requestActor(request);
  return respond(await getDocument(runtime().store, actor, (await params).id, version));
}
