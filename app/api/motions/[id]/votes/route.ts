import { commandInput, commandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** {phase, stance}: the signed-in member's vote (`motion:vote`). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { motionId: (await params).id });
  return commandResponse(request, "motion:vote", input);
}
