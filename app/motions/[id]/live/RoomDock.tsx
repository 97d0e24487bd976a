"use client";

import { useEffect, useRef } from "react";
import type { VotePhase } from "@/lib/debate";
import type { Connection } from "./useLiveMotion";

function connectionLine(connection: Connection, waiting: number): string | null {
  switch (connection) {
    case "live":
      return null;
    case "connecting":
      return "Connecting…";
    case "offline":
      return `Connection lost. Reconnecting…${
        waiting > 0 ? ` ${waiting} ${waiting === 1 ? "post" : "posts"} waiting to be sent` : ""
      }`;
    case "signedOut":
      return "You were signed out on this browser. Sign in again to take part.";
  }
}

const voteNames: Record<VotePhase, string> = {
  before: "Opening vote is open",
  after: "Final vote is open",
};

/** The vote's own controls: brought into view with the first choice focused. */
function goToVote(phase: VotePhase) {
  const fieldset = document.getElementById(`vote-${phase}`);
  fieldset?.scrollIntoView({ block: "center", behavior: "smooth" });
  fieldset?.querySelector("input")?.focus({ preventScroll: true });
}

/**
 * What the reader must not miss, fixed to the bottom of the screen at any scroll position: the
 * connection while it is not live, and a vote they have yet to cast.
 */
export function RoomDock({
  connection,
  waiting,
  voteOpen,
}: {
  connection: Connection;
  /** Posts written while offline, sent once the connection is back. */
  waiting: number;
  /** The vote phase the reader may vote in and has not yet; null when there is none. */
  voteOpen: VotePhase | null;
}) {
  const line = connectionLine(connection, waiting);
  const dock = useRef<HTMLDivElement>(null);
  // The page makes room below its end, so the dock never covers the composer's Post button.
  useEffect(() => {
    const element = dock.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty("--dock-height", `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--dock-height");
    };
  }, []);
  return (
    <div ref={dock} className="room-dock">
      {voteOpen ? (
        <div className="vote-prompt">
          <span>{voteNames[voteOpen]}</span>
          <button type="button" onClick={() => goToVote(voteOpen)}>
            Vote now
          </button>
        </div>
      ) : null}
      {/* One status region, there from the start, so each change of it is read out. */}
      <p
        className={line ? `connection connection-${connection}` : "visually-hidden"}
        role="status"
        aria-live="polite"
      >
        {line ?? "Live: new arguments appear as they are posted."}
      </p>
    </div>
  );
}
