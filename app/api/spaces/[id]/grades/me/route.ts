import { ownGrades } from "@/server/domain/grades/gradebook";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The caller's own grades in the space: their row of the gradebook, marks and comments. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  return respond(await ownGrades(runtime().store, actor, (await params).id));
}
