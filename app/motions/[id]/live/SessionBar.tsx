"use client";

import { useEffect, useState } from "react";
import type { MotionSettings } from "@/lib/debate";
import { formatClock, phaseLabels, type SessionState, type Side, timeLeftMs } from "@/lib/session";

/** The time left in the phase, read off the server's deadline and redrawn each second. */
export function useTimeLeft(session: SessionState, clockOffset: number) {
  const [now, setNow] = useState(() => Date.now() + clockOffset);
  useEffect(() => {
    setNow(Date.now() + clockOffset);
    if (session.clock !== "running") return;
    const timer = setInterval(() => setNow(Date.now() + clockOffset), 250);
    return () => clearInterval(timer);
  }, [session.clock, clockOffset]);
  return timeLeftMs(session, now);
}

export function phaseSentence(session: SessionState) {
  if (session.clock === "waiting") return "Waiting for the moderator to start the debate";
  if (session.clock === "ended" || !session.phase) return "The debate is over";
  return phaseLabels[session.phase];
}

/** A structured debate's phase and clock, as every screen in the room shows them. */
export function SessionBar({
  settings,
  session,
  clockOffset,
  mySide = null,
}: {
  settings: MotionSettings;
  session: SessionState;
  clockOffset: number;
  /** The side the reader was assigned to speak for; null for everyone who is not a speaker. */
  mySide?: Side | null;
}) {
  const left = useTimeLeft(session, clockOffset);
  if (settings.format !== "oxford") return null;
  return (
    <div className={`session-bar session-${session.clock}`}>
      {/* The phase is announced when it changes; the ticking clock is not. */}
      <p className="session-phase" role="status">
        {phaseSentence(session)}
        {session.clock === "paused" ? " · paused" : ""}
      </p>
      {left !== null ? (
        <p className="session-clock">
          <span className="visually-hidden">Time left in this phase: </span>
          <span data-testid="session-clock">{left === 0 ? "Time is up" : formatClock(left)}</span>
        </p>
      ) : null}
      {mySide && session.clock !== "ended" ? (
        <p className={`session-side session-side-${mySide}`}>You speak {mySide} the motion</p>
      ) : null}
    </div>
  );
}
