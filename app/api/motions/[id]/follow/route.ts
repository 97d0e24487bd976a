import { followMotion } from "@/server/domain/notifications/follow";
import { commandInput, requestActor, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** {state: "following" | "unfollowed" | "muted"}: how the signed-in member hears from the motion. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { motionId: (await params).id });
  return runCommand(followMotion(runtime().store, await requestActor(request), input));
}
