"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { io, type Socket } from "socket.io-client";
import type { PostArgument } from "@/lib/commands";
import type { ArgumentView } from "@/lib/debate";
import { applyEvents, type LiveMotion, liveFrom } from "@/lib/live";
import type {
  Ack,
  ClientToServerEvents,
  MotionEvent,
  Presence,
  ServerToClientEvents,
} from "@/lib/protocol";
import type { MotionView } from "@/lib/views";
import { announcePosted } from "./posted";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Connection = "connecting" | "live" | "offline";

/** A post on its way: shown at once, sent (again after a reconnect) until the server answers. */
export interface OutgoingPost {
  payload: Required<Pick<PostArgument, "motionId" | "clientId" | "relation" | "body">> &
    PostArgument;
  refused?: string;
}

interface State {
  motion: LiveMotion;
  /** How many times a document of the motion got a new version since the page loaded. */
  documentsChanged: number;
  /** How far the server's clock is ahead of this device's, in ms: deadlines are the server's. */
  clockOffset: number;
  connection: Connection;
  presence: Presence | null;
  outbox: OutgoingPost[];
}

type Action =
  | { type: "events"; events: MotionEvent[] }
  | { type: "reset"; motion: LiveMotion }
  | { type: "stored"; argument: ArgumentView; clientId: string }
  | { type: "connection"; connection: Connection }
  | { type: "clock"; serverNow: number }
  | { type: "documentsChanged" }
  | { type: "presence"; presence: Presence }
  | { type: "queue"; post: OutgoingPost }
  | { type: "refused"; clientId: string; message: string }
  | { type: "dismiss"; clientId: string };

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case "events":
      return { ...state, motion: applyEvents(state.motion, action.events).state };
    case "reset":
      return { ...state, motion: action.motion };
    case "stored": {
      // The ack may come before the event: show the stored argument now; the event changes nothing.
      const others = state.motion.arguments.filter((a) => a.id !== action.argument.id);
      return {
        ...state,
        motion: { ...state.motion, arguments: [...others, action.argument] },
        outbox: state.outbox.filter((p) => p.payload.clientId !== action.clientId),
      };
    }
    case "connection":
      return { ...state, connection: action.connection };
    case "clock":
      return { ...state, clockOffset: action.serverNow - Date.now() };
    case "documentsChanged":
      return { ...state, documentsChanged: state.documentsChanged + 1 };
    case "presence":
      return { ...state, presence: action.presence };
    case "queue":
      return { ...state, outbox: [...state.outbox, action.post] };
    case "refused":
      return {
        ...state,
        outbox: state.outbox.map((p) =>
          p.payload.clientId === action.clientId ? { ...p, refused: action.message } : p,
        ),
      };
    case "dismiss":
      return {
        ...state,
        outbox: state.outbox.filter((p) => p.payload.clientId !== action.clientId),
      };
  }
}

const ACK_TIMEOUT = 10_000;
const RETRY_DELAY = 3_000;

/**
 * A motion kept live: joins its room from the seq the page was rendered at, applies what
 * arrives, rejoins after a drop or a gap, and re-sends posts the server has not answered.
 */
export function useLiveMotion(initial: MotionView) {
  const [state, dispatch] = useReducer(reduce, {
    motion: liveFrom(initial),
    clockOffset: initial.serverNow - Date.now(),
    documentsChanged: 0,
    connection: "connecting",
    presence: null,
    outbox: [],
  });
  const socketRef = useRef<Client | null>(null);
  const seqRef = useRef(initial.seq);
  seqRef.current = state.motion.seq;
  const anonymousRef = useRef(initial.settings.anonymous);
  anonymousRef.current = state.motion.settings.anonymous;
  const outboxRef = useRef(state.outbox);
  const retryRef = useRef<ReturnType<typeof setTimeout>>(undefined);
  outboxRef.current = state.outbox;

  const send = useCallback(function send(post: OutgoingPost) {
    const socket = socketRef.current;
    if (!socket?.connected) return;
    socket.timeout(ACK_TIMEOUT).emit("argument:post", post.payload, (error, answer) => {
      // No answer in time: try again (the clientId makes it safe); a reconnect also re-sends.
      if (error) {
        retryRef.current = setTimeout(() => {
          if (outboxRef.current.some((p) => p.payload.clientId === post.payload.clientId)) {
            send(post);
          }
        }, RETRY_DELAY);
        return;
      }
      if (answer.ok) {
        dispatch({ type: "stored", argument: answer.argument, clientId: post.payload.clientId });
        announcePosted(post.payload.motionId);
      } else {
        dispatch({
          type: "refused",
          clientId: post.payload.clientId,
          message: answer.error.message,
        });
      }
    });
  }, []);

  useEffect(() => {
    const socket: Client = io({ transports: ["websocket", "polling"] });
    socketRef.current = socket;

    const reload = async () => {
      const response = await fetch(`/api/motions/${initial.id}`).catch(() => null);
      if (!response?.ok) return false;
      const fresh: MotionView = await response.json();
      dispatch({ type: "reset", motion: liveFrom(fresh) });
      dispatch({ type: "clock", serverNow: fresh.serverNow });
      return true;
    };

    const join = () => {
      socket.emit(
        "motion:join",
        { motionId: initial.id, sinceSeq: seqRef.current },
        async (answer) => {
          // Refused (the motion went out of reach) or not reloadable now: try again shortly.
          const later = () => {
            dispatch({ type: "connection", connection: "offline" });
            setTimeout(() => socket.connected && join(), RETRY_DELAY);
          };
          if (!answer.ok) return later();
          dispatch({ type: "clock", serverNow: answer.serverNow });
          if (answer.reload) {
            if (!(await reload())) return later();
          } else {
            dispatch({ type: "events", events: answer.events });
          }
          dispatch({ type: "connection", connection: "live" });
          for (const post of outboxRef.current) if (!post.refused) send(post);
        },
      );
    };

    socket.on("connect", join);
    socket.on("disconnect", () => dispatch({ type: "connection", connection: "offline" }));
    socket.on("connect_error", () => dispatch({ type: "connection", connection: "offline" }));
    socket.on("presence", (presence) => {
      if (presence.motionId === initial.id) dispatch({ type: "presence", presence });
    });
    socket.on("motion:event", (event) => {
      if (event.motionId !== initial.id) return;
      if (event.seq > seqRef.current + 1)
        join(); // missed something: replay from our seq
      else dispatch({ type: "events", events: [event] });
      if (event.type === "evidence.reanchored") dispatch({ type: "documentsChanged" });
      // Names shown or hidden change with anonymity: what is held already must be read again.
      const settings = (event.data as { settings?: { anonymous?: boolean } }).settings;
      if (event.type === "motion.settings" && settings?.anonymous !== anonymousRef.current) {
        void reload();
      }
    });
    // The browser knows about a lost network before any ping times out: say so at once, and
    // reconnect (and replay what was missed) as soon as it is back.
    const goOffline = () => socket.disconnect();
    const goOnline = () => socket.connect();
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    return () => {
      clearTimeout(retryRef.current);
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      socket.disconnect();
      socketRef.current = null;
    };
  }, [initial.id, send]);

  const post = useCallback(
    (payload: OutgoingPost["payload"]) => {
      const outgoing = { payload };
      dispatch({ type: "queue", post: outgoing });
      send(outgoing);
    },
    [send],
  );

  /** Any other command: answered through the ack, the change arriving as an event. */
  const command = useCallback(
    async <
      E extends Exclude<
        keyof ClientToServerEvents,
        "motion:join" | "motion:leave" | "argument:post"
      >,
    >(
      name: E,
      payload: Parameters<ClientToServerEvents[E]>[0],
    ): Promise<string | null> => {
      const socket = socketRef.current;
      if (!socket?.connected) return "Not connected: try again once the connection is back.";
      try {
        // One emit serves every command; the caller's payload is typed by the event map.
        const emitter = socket.timeout(ACK_TIMEOUT) as unknown as {
          emitWithAck(event: E, payload: unknown): Promise<Ack>;
        };
        const answer = await emitter.emitWithAck(name, payload);
        return answer.ok ? null : answer.error.message;
      } catch {
        return "No answer from the server: try again.";
      }
    },
    [],
  );

  const dismiss = useCallback((clientId: string) => dispatch({ type: "dismiss", clientId }), []);

  return { ...state, post, command, dismiss };
}
