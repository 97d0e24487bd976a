import { commandResponse, jsonBody } from "@/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; userId: string }> };

/** {role}: gives the member another role; {muted}: mutes them or lets them post again. */
export async function PATCH(request: Request, { params }: Context) {
  const { id: spaceId, userId } = await params;
  const body = await jsonBody(request);
  // A body that is JSON but not an object (a number, a string) names neither field.
  const fields: { role?: unknown; muted?: unknown } =
    typeof body === "object" && body !== null ? body : {};
  if ("muted" in fields) {
    return commandResponse(request, "member:mute", { spaceId, userId, muted: fields.muted });
  }
  return commandResponse(request, "member:change", { spaceId, userId, role: fields.role });
}

/** Removes the member: their open connections leave the space's motions at once. */
export async function DELETE(request: Request, { params }: Context) {
  const { id: spaceId, userId } = await params;
  return commandResponse(request, "member:change", { spaceId, userId, role: "removed" });
}
