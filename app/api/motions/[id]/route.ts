import { changeMotionStatus, editMotion } from "@/server/domain/debate/lifecycle";
import { changeSettings, lockMotion, spotlightArgument } from "@/server/domain/debate/moderate";
import { getMotion } from "@/server/domain/debate/queries";
import { assignSide, runPhase, setTimer } from "@/server/domain/debate/session";
import { commandInput, requestActor, respond, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return respond(await getMotion(runtime().store, await requestActor(request), (await params).id));
}

/**
 * Owners and moderators: {settings} changes the motion's settings, {locked} locks or unlocks
 * it, {spotlight: argumentId | null} puts an argument on every screen, {action, seconds?} runs
 * the session's phases, {timer: seconds} sets the phase's time left, {userId, side} assigns a
 * speaker's side, {title, description} rewords a draft, {status} moves the motion along its life.
 */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { motionId: (await params).id });
  const actor = await requestActor(request);
  const { store } = runtime();
  if ("spotlight" in input) {
    return runCommand(spotlightArgument(store, actor, { ...input, argumentId: input.spotlight }));
  }
  if ("timer" in input)
    return runCommand(setTimer(store, actor, { ...input, seconds: input.timer }));
  const command =
    "locked" in input
      ? lockMotion
      : "action" in input
        ? runPhase
        : "side" in input
          ? assignSide
          : "status" in input
            ? changeMotionStatus
            : "title" in input
              ? editMotion
              : changeSettings;
  return runCommand(command(store, actor, input));
}
