"use client";

import { useEffect, useRef } from "react";
import type { Connection } from "./useLiveMotion";

/** How long the page waits for events to settle before it marks them read. */
const MARK_DELAY = 1_500;

/**
 * Marks the motion read up to the latest seq the page holds, while the page is visible and
 * connected: after it loads, as events arrive, when the reader comes back to the tab, and
 * after a reconnect has replayed what was missed. Debounced: a busy debate sends one mark per
 * quiet moment, not one per event.
 */
export function useMarkRead({
  seq,
  from,
  connection,
  enabled,
  mark,
  markOnLeaving,
}: {
  seq: number;
  /** The seq already marked (the reader's lastSeq when the page loaded). */
  from: number;
  connection: Connection;
  enabled: boolean;
  mark: (seq: number) => Promise<string | null>;
  /** Marks without waiting for an answer: for a page being left, whose connection goes with it. */
  markOnLeaving: (seq: number) => void;
}) {
  const marked = useRef(from);
  // What is on the screen as the reader leaves (another page, a closed tab) has been read,
  // though the quiet moment the marking waits for never came.
  const latest = useRef({ seq, enabled, markOnLeaving });
  latest.current = { seq, enabled, markOnLeaving };
  useEffect(() => {
    const leave = () => {
      const { seq: now, enabled: on, markOnLeaving: send } = latest.current;
      if (!on || now <= marked.current) return;
      send(now);
      marked.current = now;
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, []);
  useEffect(() => {
    if (!enabled || connection !== "live") return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      if (document.visibilityState !== "visible" || seq <= marked.current) return;
      timer = setTimeout(async () => {
        // A refusal (a dropped connection) leaves `marked` behind, so the next chance retries.
        if ((await mark(seq)) === null) marked.current = Math.max(marked.current, seq);
      }, MARK_DELAY);
    };
    schedule();
    document.addEventListener("visibilitychange", schedule);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", schedule);
    };
  }, [seq, connection, enabled, mark]);
}
