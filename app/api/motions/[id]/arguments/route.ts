import { getArgument } from "@/server/domain/debate/queries";
import { execute } from "@/server/execute";
import { commandInput, created, errorResponse, requestActor, restDoor } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Answers 201 with the argument as GET /api/arguments/:id shows it to its author. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  const input = await commandInput(request, { motionId: (await params).id });
  const posted = await execute("argument:post", actor, input, restDoor(request));
  if (!posted.ok) return errorResponse(posted);
  const argument = await getArgument(runtime().store, actor, posted.value.argument.id);
  return created(argument, ({ id }) => `/api/arguments/${id}`);
}
