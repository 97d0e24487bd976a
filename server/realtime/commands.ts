import type { ClientToServerEvents } from "../../lib/protocol";
import { type SocketCommandName, socketCommands } from "../domain/commands";
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
