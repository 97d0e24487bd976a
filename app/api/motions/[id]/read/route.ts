import { markRead } from "@/server/domain/reading/markRead";
import { commandInput, requestActor, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Marks the motion read up to the body's `seq` for the caller. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { motionId: (await params).id });
  return runCommand(markRead(runtime().store, await requestActor(request), input));
}
