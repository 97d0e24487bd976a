import { failure } from "@/lib/result";
import { type PatchField, patchAlias } from "@/server/commandRoutes";
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

const byStatus = new Map<unknown, CommandName>([
  ["withdrawn", "argument:withdraw"],
  ["hidden", "moderation:hide"],
  ["published", "moderation:restore"],
  ["approved", "moderation:approve"],
  ["rejected", "moderation:reject"],
]);

/** The older PATCH form: `status` names the command, {pinned} pins, {body} edits. */
const byField: PatchField[] = [
  [
    "status",
    (status) =>
      byStatus.get(status) ??
      failure("invalid_input", `status: must be one of ${[...byStatus.keys()].join(", ")}`),
  ],
  ["pinned", "argument:pin"],
  ["body", "argument:edit"],
];

/**
 * Authors: {body} rewrites the argument, {status: "withdrawn"} withdraws it. Moderators:
 * {status: "hidden", reason} hides it, {status: "published"} restores it, {status: "approved"}
 * or {status: "rejected", reason?} decides a pending one, {pinned} pins it. An alias of
 * POST /api/arguments/:id/commands/:name, limited as that is (an edit counts as a post).
 */
export async function PATCH(request: Request, { params }: Context) {
  return patchAlias(request, "argument", (await params).id, byField, "argument:edit");
}
