import { failure } from "@/lib/result";
import { type PatchField, patchAlias } from "@/server/commandRoutes";
import { conditionalGet } from "@/server/conditionalGet";
import { getMotion, readMotion } from "@/server/domain/debate/queries";
import { motionViewTag } from "@/server/domain/debate/viewTag";
import { errorResponse, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";
import { streamedJson } from "@/server/streamedJson";

export const dynamic = "force-dynamic";

/**
 * The whole debate as the caller may read it, or with ?view=summary the start of a big one as
 * the motion's page holds it; `304` when If-None-Match names its ETag.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { store } = runtime();
  const [actor, { id }] = await Promise.all([requestActor(request), params]);
  const view = new URL(request.url).searchParams.get("view");
  if (view !== null && view !== "summary") {
    return errorResponse(failure("invalid_input", 'view must be "summary", or left out'));
  }
  const summary = view === "summary";
  return conditionalGet(
    request,
    await motionViewTag(store, actor, id, summary ? "summary" : ""),
    async () => {
      if (summary) return respond(await getMotion(store, actor, id, { summary }));
      // The whole of a big debate is megabytes of JSON: read and written a few threads at a time.
      const read = await readMotion(store, actor, id);
      if (!read.ok) return respond(read);
      const { threads, ...view } = read.value;
      return streamedJson(view, "arguments", threads);
    },
  );
}

/** The older PATCH form of the motion's commands: the fields that name each. */
const byField: PatchField[] = [
  ["settings", "motion:settings"],
  ["spotlight", "argument:spotlight"],
  ["timer", "session:timer"],
  ["locked", "motion:lock"],
  ["action", "session:phase"],
  ["seconds", "session:phase"],
  ["side", "session:side"],
  ["userId", "session:side"],
  ["status", "motion:status"],
  ["title", "motion:edit"],
  ["description", "motion:edit"],
];

/**
 * Owners and moderators: {settings} changes the motion's settings, {locked} locks or unlocks
 * it, {spotlight: argumentId | null} puts an argument on every screen, {action, seconds?} runs
 * the session's phases, {timer: seconds} sets the phase's time left, {userId, side} assigns a
 * speaker's side, {title, description} rewords a draft, {status} moves the motion along its life.
 * An alias of POST /api/motions/:id/commands/:name.
 */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return patchAlias(request, "motion", (await params).id, byField, "motion:settings");
}
