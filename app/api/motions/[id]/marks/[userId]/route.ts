import { bodyCommandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** {mark, comment}: the teacher's own mark for one member on the motion (`grade:mark`). */
export async function PUT(
  request: Request,
  { params }: { params: Promise<{ id: string; userId: string }> },
) {
  const { id, userId } = await params;
  return bodyCommandResponse(request, "grade:mark", { motionId: id, userId });
}
