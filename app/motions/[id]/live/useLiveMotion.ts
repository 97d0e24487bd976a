"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { io, type Socket } from "socket.io-client";
import { type LoadedPage, leavesGap, liveFrom, readAgainIn, seqAfter } from "@/lib/live";
import {
  type Ack,
  type ClientToServerEvents,
  MAX_PAYLOAD_BYTES,
  type MotionEvent,
  payloadBytes,
  type ServerToClientEvents,
} from "@/lib/protocol";
import { holdAfter, isHeld } from "@/lib/rateWait";
import type { MotionView, ReaderCan } from "@/lib/views";
import { initialLiveState, type OutgoingPost, reduceLive } from "./liveState";
import { announcePosted } from "./posted";

export type { Connection } from "./liveState";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const sameCan = (a: ReaderCan, b: ReaderCan) =>
  (Object.keys(a) as (keyof ReaderCan)[]).every((key) => a[key] === b[key]);

const ACK_TIMEOUT = 10_000;

/**
 * Whether a socket still making its first connection makes it within `ms`: false as soon as an
 * attempt fails, so a page that cannot connect says so at once.
 */
function firstConnection(socket: Client, ms: number): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (connected: boolean) => {
      clearTimeout(timer);
      socket.off("connect", made);
      socket.off("connect_error", failed);
      resolve(connected);
    };
    const made = () => settle(true);
    const failed = () => settle(false);
    const timer = setTimeout(failed, ms);
    socket.on("connect", made);
    socket.on("connect_error", failed);
  });
}
const tooLongToSend = "Too long to send with its quotes: quote shorter passages.";
const RETRY_DELAY = 3_000;

/**
 * A motion kept live: joins its room from the seq the page was rendered at, applies what
 * arrives, rejoins after a drop or a gap, and re-sends posts the server has not answered.
 */
export function useLiveMotion(
  initial: MotionView,
  /**
   * The room's screen (the projector): it hears what the room hears, whoever opened it, and
   * shows no one's own standing.
   */
  { roomScreen = false }: { roomScreen?: boolean } = {},
) {
  const [state, dispatch] = useReducer(reduceLive, initial, initialLiveState);
  const socketRef = useRef<Client | null>(null);
  const connectionRef = useRef(state.connection);
  connectionRef.current = state.connection;
  // The seq the state holds once what was dispatched is applied, kept as events arrive: in a busy
  // room several messages can come before the page renders again, and the rendered seq would
  // take each for a gap and join again (P-JOIN-7).
  const seqRef = useRef(initial.seq);
  const anonymousRef = useRef(initial.settings.anonymous);
  anonymousRef.current = state.motion.settings.anonymous;
  const outboxRef = useRef(state.outbox);
  const retryRef = useRef<ReturnType<typeof setTimeout>>(undefined);
  outboxRef.current = state.outbox;
  const holdRef = useRef<number | null>(null);
  // What the last join said the reader may do (P-MEMBER-2); null after the motion was read
  // again, when the next join's answer is the one to compare with. Joins are compared with joins:
  // the socket's reader is the one of its handshake, the page's that of the cookie now.
  const lastCanRef = useRef<ReaderCan | null>(initial.can);
  // What the page was last read with: compared with instead on a new connection when no join
  // has answered since that read (lost with the connection, or none was sent).
  const canReadRef = useRef<ReaderCan>(initial.can);

  /** Holds back what the member sends for as long as a rate_limited answer says. */
  const holdFor = useCallback((answer: Ack) => {
    const until = holdAfter(holdRef.current, answer, Date.now());
    if (until === holdRef.current) return;
    holdRef.current = until;
    dispatch({ type: "hold", until });
  }, []);

  const send = useCallback(
    function send(post: OutgoingPost) {
      const socket = socketRef.current;
      // Held back, a post stays in the outbox and goes when the hold ends.
      if (!socket?.connected || isHeld(holdRef.current, Date.now())) return;
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
          dispatch({
            type: "stored",
            argument: answer.argument,
            seq: answer.seq,
            clientId: post.payload.clientId,
          });
          announcePosted({
            motionId: post.payload.motionId,
            argumentId: answer.argument.id,
            status: answer.argument.status,
          });
        } else if (answer.error.code === "rate_limited") {
          holdFor(answer);
        } else {
          dispatch({
            type: "refused",
            clientId: post.payload.clientId,
            message: answer.error.message,
          });
        }
      });
    },
    [holdFor],
  );

  // When the hold ends, the posts that waited go out (commands wait on their own).
  useEffect(() => {
    if (state.holdUntil === null) return;
    const timer = setTimeout(
      () => {
        holdRef.current = null;
        dispatch({ type: "hold", until: null });
        for (const post of outboxRef.current) if (!post.refused) send(post);
      },
      Math.max(0, state.holdUntil - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [state.holdUntil, send]);

  const summarised = initial.partial !== undefined;
  useEffect(() => {
    const socket: Client = io({ transports: ["websocket", "polling"] });
    socketRef.current = socket;

    // One join at a time (P-JOIN-7): events past a gap that arrive while one is under way are
    // fetched by one more join after its answer, if the answer did not bring them.
    let joining = false;
    // The highest seq any message brought: past the seq held, the client is behind.
    let lastSeqHeard = seqRef.current;

    const reload = async () => {
      // What was heard before may be numbered as a restored database no longer numbers it
      // (P-JOIN-6): only what arrives from now on counts.
      lastSeqHeard = 0;
      // Never the browser's copy: its serverNow would set the clock back by the copy's age. A big
      // debate comes back as the page first held it.
      const view = summarised ? "?view=summary" : "";
      const response = await fetch(`/api/motions/${initial.id}${view}`, {
        cache: "no-store",
      }).catch(() => null);
      if (!response?.ok) return false;
      const fresh: MotionView = await response.json();
      seqRef.current = fresh.seq;
      lastCanRef.current = null;
      canReadRef.current = fresh.can;
      dispatch({ type: "reset", motion: liveFrom(fresh) });
      dispatch({ type: "clock", serverNow: fresh.serverNow });
      return true;
    };

    const joinIfBehind = () => {
      if (lastSeqHeard > seqRef.current) join();
    };
    // Names shown or hidden change with anonymity, and a new version of a document may move
    // more passages than its event lists: what is held already must be read again, whether the
    // change came live or in a join's replay. A live new version's is spread over a few seconds
    // (P-LIVE-6); one read pending at a time, the soonest asked for.
    let reread: { at: number; timer: ReturnType<typeof setTimeout> } | undefined;
    const rereadIfCalled = (events: MotionEvent[], live: boolean) => {
      const wait = readAgainIn(events, anonymousRef.current, live ? Math.random : () => 0);
      if (wait === null) return;
      const at = Date.now() + wait;
      if (reread && reread.at <= at) return;
      clearTimeout(reread?.timer);
      reread = {
        at,
        timer: setTimeout(() => {
          reread = undefined;
          void reload().then((reloaded) => reloaded && joinIfBehind());
        }, wait),
      };
    };
    // A join asked for while one is under way runs once that one has answered: the rooms it
    // puts the connection in follow the reader's role as it is then (P-MEMBER-1).
    let joinAgain = false;
    const join = () => {
      if (joining) {
        joinAgain = true;
        return;
      }
      joining = true;
      joinAgain = false;
      socket.emit(
        "motion:join",
        { motionId: initial.id, sinceSeq: seqRef.current, asRoom: roomScreen },
        async (answer) => {
          // Refused (the motion went out of reach) or not reloadable now: try again shortly.
          const later = (delay = RETRY_DELAY) => {
            joining = false;
            dispatch({ type: "connection", connection: "offline" });
            setTimeout(() => socket.connected && join(), delay);
          };
          if (!answer.ok) return later(answer.error.retryAfterMs);
          dispatch({ type: "clock", serverNow: answer.serverNow });
          if (answer.reload) {
            if (!(await reload())) return later();
          } else {
            dispatch({ type: "events", events: answer.events });
            seqRef.current = seqAfter(seqRef.current, answer.events);
            rereadIfCalled(answer.events, false);
          }
          joining = false;
          dispatch({ type: "connection", connection: "live" });
          for (const post of outboxRef.current) if (!post.refused) send(post);
          // Given another role or muted while offline: read as on membership:update (P-MEMBER-2).
          const lastCan = lastCanRef.current;
          lastCanRef.current = answer.can;
          if (!roomScreen && lastCan && !sameCan(lastCan, answer.can)) {
            rereadStanding();
          } else if (joinAgain) join();
          else joinIfBehind();
        },
      );
    };

    socket.on("connect", () => {
      // A join the connection before asked for is never answered. What the reader may do is
      // compared with what the page was last read with, if no join has answered since: a change
      // made while offline must not go unnoticed. At most one more read a connection.
      lastCanRef.current ??= canReadRef.current;
      joining = false;
      join();
    });
    // Only the server closes a connection on purpose: when its session was ended (signed out).
    socket.on("disconnect", (reason) =>
      dispatch({
        type: "connection",
        connection: reason === "io server disconnect" ? "signedOut" : "offline",
      }),
    );
    socket.on("connect_error", () => dispatch({ type: "connection", connection: "offline" }));
    socket.on("presence:update", (presence) => {
      if (presence.motionId === initial.id) dispatch({ type: "presence", presence });
    });
    socket.on("opinions:update", (opinions) => {
      if (opinions.motionId === initial.id) dispatch({ type: "opinions", opinions });
    });
    // The reader was given another role in the space, muted or let speak again (P-MEMBER-1): the
    // page reads what they may do, the motion as they may now see it, and joins its rooms again.
    // One read at a time, and another after it if the standing changed meanwhile, so the last
    // change is the one read last; a failed read is tried again.
    let readingStanding = false;
    let standingChanged = false;
    const readStanding = async () => {
      standingChanged = true;
      if (readingStanding) return;
      readingStanding = true;
      while (standingChanged) {
        standingChanged = false;
        if (!(await reload())) {
          readingStanding = false;
          setTimeout(() => void readStanding(), RETRY_DELAY);
          return;
        }
      }
      readingStanding = false;
      join();
    };
    const rereadStanding = () => {
      dispatch({ type: "pageChanged" });
      void readStanding();
    };
    if (!roomScreen) {
      socket.on("membership:update", ({ spaceId }) => {
        if (spaceId === initial.spaceId) rereadStanding();
      });
    }
    socket.on("motion:events", (events) => {
      if (events[0]?.motionId !== initial.id) return;
      // What follows on from our seq is applied; past a gap, a replay from there brings the rest
      // (a join under way brings it, or is followed by one that does: P-JOIN-7).
      dispatch({ type: "events", events });
      lastSeqHeard = Math.max(lastSeqHeard, ...events.map((event) => event.seq));
      const gap = leavesGap(seqRef.current, events);
      seqRef.current = seqAfter(seqRef.current, events);
      if (gap && !joining) join();
      for (const event of events) {
        if (event.type === "evidence.reanchored") dispatch({ type: "pageChanged" });
      }
      rereadIfCalled(events, true);
    });
    // The browser knows about a lost network before any ping times out: say so at once, and
    // reconnect (and replay what was missed) as soon as it is back.
    const goOffline = () => socket.disconnect();
    const goOnline = () => socket.connect();
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    return () => {
      clearTimeout(retryRef.current);
      clearTimeout(reread?.timer);
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      socket.disconnect();
      socketRef.current = null;
    };
  }, [initial.id, initial.spaceId, send, summarised, roomScreen]);

  const post = useCallback(
    (payload: OutgoingPost["payload"]) => {
      const outgoing = { payload };
      dispatch({ type: "queue", post: outgoing });
      // Sent, a message over the limit would close the connection, and every reconnect resend it.
      if (payloadBytes(payload) > MAX_PAYLOAD_BYTES) {
        dispatch({ type: "refused", clientId: payload.clientId, message: tooLongToSend });
      } else send(outgoing);
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
      // Refused for going too fast, the same command (same clientId) is sent again once the
      // hold is over; the caller waits, keeping what the member entered.
      for (;;) {
        const wait = (holdRef.current ?? 0) - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const socket = socketRef.current;
        // A page that has not connected yet (it shows "Connecting…") sends what the member did
        // once it has, as it sends a post; one whose connection was lost refuses at once.
        const waits = connectionRef.current === "connecting";
        const connected =
          socket !== null &&
          (socket.connected || (waits && (await firstConnection(socket, ACK_TIMEOUT))));
        if (!socket || !connected) return "Not connected: try again once the connection is back.";
        try {
          // One emit serves every command; the caller's payload is typed by the event map.
          const emitter = socket.timeout(ACK_TIMEOUT) as unknown as {
            emitWithAck(event: E, payload: unknown): Promise<Ack>;
          };
          const answer = await emitter.emitWithAck(name, payload);
          if (answer.ok) return null;
          if (answer.error.code !== "rate_limited") return answer.error.message;
          holdFor(answer);
        } catch {
          return "No answer from the server: try again.";
        }
      }
    },
    [holdFor],
  );

  const dismiss = useCallback((clientId: string) => dispatch({ type: "dismiss", clientId }), []);
  const hold = useCallback(
    (page: LoadedPage & { generation: number }) => dispatch({ type: "loaded", page }),
    [],
  );

  return { ...state, post, command, dismiss, hold };
}
