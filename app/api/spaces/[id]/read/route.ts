import { commandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** Marks every motion of the space the caller may read as read. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return commandResponse(request, "space:read", { spaceId: (await params).id });
}
