import { changeMember, muteMember } from "@/server/domain/spaces/members";
import { jsonBody, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; userId: string }> };

async function change(request: Request, { params }: Context, role: unknown) {
  const { id: spaceId, userId } = await params;
  const { store, evict } = runtime();
  const outcome = await changeMember(store, await requestActor(request), { spaceId, userId, role });
  if (outcome.ok) evict(userId, outcome.value.leaves, outcome.value.stopsModerating);
  return respond(outcome);
}

/** {role}: gives the member another role; {muted}: mutes them or lets them post again. */
export async function PATCH(request: Request, context: Context) {
  const body = await jsonBody(request);
  // A body that is JSON but not an object (a number, a string) names neither field.
  const fields: { role?: unknown; muted?: unknown } =
    typeof body === "object" && body !== null ? body : {};
  if ("muted" in fields) {
    const { id: spaceId, userId } = await context.params;
    const input = { spaceId, userId, muted: fields.muted };
    return respond(await muteMember(runtime().store, await requestActor(request), input));
  }
  return change(request, context, fields.role);
}

export async function DELETE(request: Request, context: Context) {
  return change(request, context, "removed");
}
