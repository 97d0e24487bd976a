import { editArgument, withdrawArgument } from "@/server/domain/debate/changeArgument";
import { getArgument } from "@/server/domain/debate/queries";
import { commandInput, requestActor, respond, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  return respond(
    await getArgument(runtime().store, await requestActor(request), (await params).id),
  );
}

/** {body} rewrites the argument; {status: "withdrawn"} withdraws it. Authors only. */
export async function PATCH(request: Request, { params }: Context) {
  const input = await commandInput(request, { argumentId: (await params).id });
  const command =
    "status" in input && input.status === "withdrawn" ? withdrawArgument : editArgument;
  return runCommand(command(runtime().store, await requestActor(request), input));
}
