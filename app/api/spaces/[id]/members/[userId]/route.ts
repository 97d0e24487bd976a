import { failure } from "@/lib/result";
import { commandResponse, errorResponse, jsonFields } from "@/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; userId: string }> };

/** {role}: gives the member another role; {muted}: mutes them or lets them post again. */
export async function PATCH(request: Request, { params }: Context) {
  const { id: spaceId, userId } = await params;
  const read = await jsonFields(request);
  if (!read.ok) return errorResponse(read);
  const fields: { role?: unknown; muted?: unknown } = read.body;
  if ("muted" in fields && "role" in fields) {
    return errorResponse(failure("invalid_input", "body: give either role or muted, not both"));
  }
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
