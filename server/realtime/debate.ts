import type { Store } from "../../db/store";
import type { OutgoingEvent } from "../domain/debate/audience";
import { editArgument, withdrawArgument } from "../domain/debate/changeArgument";
import { castVote, rateArgument } from "../domain/debate/judge";
import { changeMotionStatus, editMotion } from "../domain/debate/lifecycle";
import {
  approveArgument,
  changeSettings,
  hideArgument,
  lockMotion,
  pinArgument,
  rejectArgument,
  restoreArgument,
  spotlightArgument,
} from "../domain/debate/moderate";
import { postArgument } from "../domain/debate/postArgument";
import { assignSide, runPhase, setTimer } from "../domain/debate/session";
import { reviewCitation } from "../domain/library/reviewCitations";
import { followMotion } from "../domain/notifications/follow";
import type { Outcome } from "../domain/outcome";
import type { Actor } from "../policy";
import type { MootSocket } from "./index";
import { guarded, payloadAndAck } from "./reply";

type DebateCommand = (store: Store, actor: Actor, input: unknown) => Promise<Outcome<object>>;

const commands: Record<string, DebateCommand> = {
  "argument:post": postArgument,
  "argument:edit": editArgument,
  "argument:withdraw": withdrawArgument,
  "motion:vote": castVote,
  "argument:rate": rateArgument,
  "motion:settings": changeSettings,
  "motion:lock": lockMotion,
  "moderation:hide": hideArgument,
  "moderation:restore": restoreArgument,
  "argument:pin": pinArgument,
  "argument:spotlight": spotlightArgument,
  "moderation:approve": approveArgument,
  "moderation:reject": rejectArgument,
  "session:phase": runPhase,
  "session:timer": setTimer,
  "session:side": assignSide,
  "motion:edit": editMotion,
  "citation:review": reviewCitation,
  "motion:status": changeMotionStatus,
  "motion:follow": followMotion,
};

/** Each debate command as a socket event: run it, ack, and publish its events after commit. */
export function registerDebateHandlers(
  socket: MootSocket,
  store: Store,
  publish: (events: OutgoingEvent[]) => void,
) {
  for (const [name, command] of Object.entries(commands)) {
    socket.on(name as "argument:post", async (...args: unknown[]) => {
      const { payload, ack } = payloadAndAck(args);
      const outcome = await guarded(ack, () => command(store, socket.data.actor, payload));
      if (outcome?.ok) publish(outcome.events);
    });
  }
}
