import { commandInput, commandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** {state: "following" | "unfollowed" | "muted"}: how the signed-in member hears from the motion. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { motionId: (await params).id });
  return commandResponse(request, "motion:follow", input);
}
