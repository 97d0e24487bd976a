import { getDocument } from "@/server/domain/library/queries";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond(
    await getDocument(runtime().store, await requestActor(request), (await params).id),
  );
}
