import { patchAlias } from "@/server/commandRoutes";
import type { CommandName } from "@/server/domain/commands";
import { getArgument } from "@/server/domain/debate/queries";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  return respond(
    await getArgument(runtime().store, await requestActor(request), (await params).id),
  );
}

/** The older PATCH form: `status` names the command, else {pinned} pins, else it is an edit. */
const byStatus = new Map<unknown, CommandName>([
  ["withdrawn", "argument:withdraw"],
  ["hidden", "moderation:hide"],
  ["published", "moderation:restore"],
  ["approved", "moderation:approve"],
  ["rejected", "moderation:reject"],
]);

/**
 * Authors: {body} rewrites the argument, {status: "withdrawn"} withdraws it. Moderators:
 * {status: "hidden", reason} hides it, {status: "published"} restores it, {status: "approved"}
 * or {status: "rejected", reason?} decides a pending one, {pinned} pins it. An alias of
 * POST /api/arguments/:id/commands/:name, limited as that is (an edit counts as a post).
 */
export async function PATCH(request: Request, { params }: Context) {
  return patchAlias(
    request,
    "argument",
    (await params).id,
    (body) => byStatus.get(body.status) ?? ("pinned" in body ? "argument:pin" : "argument:edit"),
  );
}
