import type { ClientToServerEvents } from "../../lib/protocol";
import { failure } from "../../lib/result";
import {
  isCommandName,
  isSocketCommand,
  type SocketCommandName,
  socketCommands,
} from "../domain/commands";
import type { Outcome } from "../domain/outcome";
import type { Execute } from "../execute";
import type { MootSocket } from "./index";
import { caught, payloadAndAck, reply } from "./reply";

/**
 * The registry's socket commands and the client's events (lib/protocol.ts) name the same
 * commands, the joins aside: a command served with `socket: true` and no client type, or a
 * client type no command serves, is a property missing here, named in tsc's message (as
 * db/schema-parity.ts, a check that runs only at compile time).
 */
type ClientCommandName = Exclude<keyof ClientToServerEvents, "motion:join" | "motion:leave">;
type Unmatched =
  | Exclude<SocketCommandName, ClientCommandName>
  | Exclude<ClientCommandName, SocketCommandName>;
export const socketCommandsTyped: Record<Unmatched, never> = {};

/**
 * Each command the registry serves over Socket.IO, as the event of its name: run it, ack, and
 * publish its events after commit. Its limits were counted before it got here (./limits.ts).
 */
export function registerCommandHandlers(socket: MootSocket, execute: Execute) {
  for (const name of socketCommands) {
    socket.on(name, async (...args: unknown[]) => {
      const { payload, ack } = payloadAndAck(args);
      // Every command served here answers an object (lib/protocol.ts, ClientToServerEvents).
      const answer = (outcome: Outcome<unknown>) => reply(ack, outcome as Outcome<object>);
      await caught(answer, () =>
        execute(name, socket.data.actor, payload, { counted: true, answer }),
      );
    });
  }
}

/**
 * An event no handler here serves (a name of no command, or a command of another door such as
 * `debate:import`) is answered `not_found` through its ack (P-ACK-1), not left to the client's
 * timeout. It passed the connection's budget first (./limits.ts).
 */
export function answerUnservedEvents(socket: MootSocket) {
  socket.use(([event, ...args], next) => {
    if (event === "motion:join" || event === "motion:leave" || isSocketCommand(event)) {
      return next();
    }
    const ack = args.at(-1);
    if (typeof ack !== "function") return;
    const message = isCommandName(event)
      ? `${event} is not served over Socket.IO: use its REST route (docs/api.md).`
      : `There is no event named "${event}".`;
    ack(failure("not_found", message));
  });
}
