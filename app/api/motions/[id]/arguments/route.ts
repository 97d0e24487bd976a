import { postArgument } from "@/server/domain/debate/postArgument";
import { commandInput, requestActor, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { motionId: (await params).id });
  return runCommand(postArgument(runtime().store, await requestActor(request), input), 201);
}
