import { commandInput, commandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** The motion's rubric: weights and the counts for full marks (`rubric:set`). */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { motionId: (await params).id });
  return commandResponse(request, "rubric:set", input);
}
