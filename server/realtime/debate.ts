import { failure } from "../../lib/result";
import { socketCommands } from "../domain/commands";
import type { Outcome } from "../domain/outcome";
import type { Execute } from "../execute";
import type { MootSocket } from "./index";
import { payloadAndAck, reply } from "./reply";

/**
 * Each command the registry serves over Socket.IO, as the event of its name: run it, ack, and
 * publish its events after commit. Its limits were counted before it got here (./limits.ts).
 */
export function registerCommandHandlers(socket: MootSocket, execute: Execute) {
  for (const name of socketCommands) {
    socket.on(name as "argument:post", async (...args: unknown[]) => {
      const { payload, ack } = payloadAndAck(args);
      // Every command served here answers an object (lib/protocol.ts, ClientToServerEvents).
      const answer = (outcome: Outcome<unknown>) => reply(ack, outcome as Outcome<object>);
      try {
        await execute(name, socket.data.actor, payload, { counted: true, answer });
      } catch (error) {
        // A handler that throws answers `internal` and keeps the connection.
        console.error(error);
        answer(failure("internal", "Something went wrong on our side; try again."));
      }
    });
  }
}
