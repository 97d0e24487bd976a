import type { Effect } from "../domain/outcome";
import type { MootServer } from "./index";
import { type AnnouncePresence, motionsIn } from "./motion";
import { userRoom } from "./publish";
import { sharesRooms } from "./redis";

/**
 * Gives a renamed member's open connections their new name, on every node, and tells the rooms
 * they are in who is here again, so presence names them anew at once (P-PRESENCE-4). Each node
 * renames its own connections: the other nodes hear of it through the adapter.
 */
export function renamer(io: MootServer, announcePresence: AnnouncePresence) {
  const renameHere = (userId: string, name: string) => {
    const motions = new Set<string>();
    for (const socketId of io.of("/").adapter.rooms.get(userRoom(userId)) ?? []) {
      const socket = io.of("/").sockets.get(socketId);
      if (socket?.data.actor?.kind !== "user") continue;
      socket.data.actor = { ...socket.data.actor, name };
      for (const motionId of motionsIn(socket.rooms)) motions.add(motionId);
    }
    for (const motionId of motions) announcePresence(motionId);
  };
  io.on("member:renamed", renameHere);
  return ({ userId, name }: Extract<Effect, { type: "member.renamed" }>) => {
    renameHere(userId, name);
    // A lone node's adapter has no one to tell, and warns on every call that it cannot.
    if (sharesRooms(io)) io.serverSideEmit("member:renamed", userId, name);
  };
}
