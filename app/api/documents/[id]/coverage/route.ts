import { documentCoverage } from "@/server/domain/library/coverage";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Per block of the current version, how many readable arguments cite it for and against. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  return respond(await documentCoverage(runtime().store, actor, (await params).id));
}
