import { rateArgument } from "@/server/domain/debate/judge";
import { commandInput, requestActor, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { argumentId: (await params).id });
  return runCommand(rateArgument(runtime().store, await requestActor(request), input));
}
