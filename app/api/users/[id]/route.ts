import { getUser } from "@/server/domain/accounts/account";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The signed-in user's own id, name and email; anyone else's id is not found. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond(await getUser(runtime().store, await requestActor(request), (await params).id));
}
