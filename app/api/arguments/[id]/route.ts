import { editArgument, withdrawArgument } from "@/server/domain/debate/changeArgument";
import { commandInput, requestActor, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** {body} rewrites the argument; {status: "withdrawn"} withdraws it. Authors only. */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { argumentId: (await params).id });
  const command =
    "status" in input && input.status === "withdrawn" ? withdrawArgument : editArgument;
  return runCommand(command(runtime().store, await requestActor(request), input));
}
