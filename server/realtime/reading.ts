import type { Store } from "../../db/store";
import { markRead } from "../domain/reading/markRead";
import type { MootSocket } from "./index";
import { guarded, payloadAndAck } from "./reply";

/** `motion:read`: the reader's own mark; it changes nothing anyone else sees, so nothing is published. */
export function registerReadingHandlers(socket: MootSocket, store: Store) {
  socket.on("motion:read", async (...args: unknown[]) => {
    const { payload, ack } = payloadAndAck(args);
    await guarded(ack, () => markRead(store, socket.data.actor, payload));
  });
}
