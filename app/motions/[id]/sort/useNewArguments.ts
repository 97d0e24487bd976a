"use client";

import { useEffect, useRef } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/protocol";

/** The events that put an argument before the room: each may be one more card to judge. */
const arrivals = new Set(["argument.posted", "argument.approved", "argument.restored"]);

const RETRY_DELAY = 3_000;

/**
 * Calls `onArrival` whenever an argument reaches the motion's page while this one is open,
 * including those posted while its connection was down (the join replays from the seq held).
 */
export function useNewArguments(motionId: string, seq: number, onArrival: () => void) {
  const arrived = useRef(onArrival);
  arrived.current = onArrival;

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      transports: ["websocket", "polling"],
    });
    let since = seq;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const heard = (events: { motionId: string; seq: number; type: string }[]) => {
      const ours = events.filter((event) => event.motionId === motionId);
      if (ours.length === 0) return;
      since = Math.max(since, ...ours.map((event) => event.seq));
      if (ours.some((event) => arrivals.has(event.type))) arrived.current();
    };
    const join = () =>
      socket.emit("motion:join", { motionId, sinceSeq: since }, (answer) => {
        if (!answer.ok) {
          retry = setTimeout(() => socket.connected && join(), RETRY_DELAY);
          return;
        }
        // Too far behind to replay: whatever arrived, a new deal reads it.
        if (answer.reload) {
          since = answer.seq;
          arrived.current();
        } else heard(answer.events);
      });
    socket.on("connect", join);
    socket.on("motion:events", heard);
    return () => {
      clearTimeout(retry);
      socket.disconnect();
    };
  }, [motionId, seq]);
}
