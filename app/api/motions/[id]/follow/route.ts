import { bodyCommandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** {state: "following" | "unfollowed" | "muted"}: how the signed-in member hears from the motion. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return bodyCommandResponse(request, "motion:follow", { motionId: (await params).id });
}
