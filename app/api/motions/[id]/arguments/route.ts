import { postArgument } from "@/server/domain/debate/postArgument";
import { commandInput, overLimit, requestActor, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  const refused = await overLimit(request, "posts", actor);
  if (refused) return refused;
  const input = await commandInput(request, { motionId: (await params).id });
  return runCommand(postArgument(runtime().store, actor, input), 201);
}
