import { bodyCommandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** {phase, stance}: the signed-in member's vote (`motion:vote`). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return bodyCommandResponse(request, "motion:vote", { motionId: (await params).id });
}
