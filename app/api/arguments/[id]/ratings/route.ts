import { rateArgument } from "@/server/domain/debate/judge";
import { commandInput, overLimit, requestActor, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  const refused = await overLimit(request, "votes", actor);
  if (refused) return refused;
  const input = await commandInput(request, { argumentId: (await params).id });
  return runCommand(rateArgument(runtime().store, actor, input));
}
