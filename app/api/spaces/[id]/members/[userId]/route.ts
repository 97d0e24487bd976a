import { changeMember } from "@/server/domain/spaces/members";
import { jsonBody, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; userId: string }> };

async function change(request: Request, { params }: Context, role: unknown) {
  const { id: spaceId, userId } = await params;
  const { store, evict } = runtime();
  const outcome = await changeMember(store, await requestActor(request), { spaceId, userId, role });
  if (outcome.ok) evict(userId, outcome.value.leaves);
  return respond(outcome);
}

/** {role}: gives the member another role. */
export async function PATCH(request: Request, context: Context) {
  const body = (await jsonBody(request)) as { role?: unknown } | undefined;
  return change(request, context, body?.role);
}

export async function DELETE(request: Request, context: Context) {
  return change(request, context, "removed");
}
