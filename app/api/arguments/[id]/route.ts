import { editArgument, withdrawArgument } from "@/server/domain/debate/changeArgument";
import {
  approveArgument,
  hideArgument,
  pinArgument,
  rejectArgument,
  restoreArgument,
} from "@/server/domain/debate/moderate";
import { getArgument } from "@/server/domain/debate/queries";
import { commandInput, overLimit, requestActor, respond, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  return respond(
    await getArgument(runtime().store, await requestActor(request), (await params).id),
  );
}

const byStatus = {
  withdrawn: withdrawArgument,
  hidden: hideArgument,
  published: restoreArgument,
  approved: approveArgument,
  rejected: rejectArgument,
};

/**
 * Authors: {body} rewrites the argument, {status: "withdrawn"} withdraws it. Moderators:
 * {status: "hidden", reason} hides it, {status: "published"} restores it, {status: "approved"}
 * or {status: "rejected", reason?} decides a pending one, {pinned} pins it.
 */
export async function PATCH(request: Request, { params }: Context) {
  const input = await commandInput(request, { argumentId: (await params).id });
  const status = "status" in input ? String(input.status) : "";
  const command =
    byStatus[status as keyof typeof byStatus] ?? ("pinned" in input ? pinArgument : editArgument);
  const actor = await requestActor(request);
  // An edit counts as a post; a moderator's decisions and a withdrawal are not limited.
  const refused = command === editArgument ? await overLimit(request, "posts", actor) : null;
  if (refused) return refused;
  return runCommand(command(runtime().store, actor, input));
}
