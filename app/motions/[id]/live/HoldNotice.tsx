"use client";

import { useEffect, useState } from "react";
import { holdNotice } from "@/lib/rateWait";

/**
 * While the server holds the member back for going too fast: when they can post again, counting
 * down each second; what they sent meanwhile waits and goes by itself (P-RATE-1).
 */
export function HoldNotice({ until }: { until: number | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [until]);
  const notice = holdNotice(until, now);
  return (
    <>
      {/* Said once to a screen reader; the countdown itself is a timer, not read out each second. */}
      <p className="visually-hidden" role="status">
        {notice ? "Sending too fast: what you send now waits, and goes by itself." : ""}
      </p>
      {notice ? (
        <p className="notice hold-notice" role="timer">
          {notice}. What you send meanwhile waits and goes by itself.
        </p>
      ) : null}
    </>
  );
}
