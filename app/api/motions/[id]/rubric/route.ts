import { bodyCommandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** The motion's rubric: weights and the counts for full marks (`rubric:set`). */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return bodyCommandResponse(request, "rubric:set", { motionId: (await params).id });
}
