import { markAllRead } from "@/server/domain/reading/markRead";
import { requestActor, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Marks every motion of the space the caller may read as read. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = { spaceId: (await params).id };
  return runCommand(markAllRead(runtime().store, await requestActor(request), input));
}
