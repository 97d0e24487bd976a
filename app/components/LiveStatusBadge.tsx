"use client";

import { useEffect, useState } from "react";
import type { MotionStatus } from "@/lib/debate";
import { StatusBadge } from "./StatusBadge";

/** Said on the window by the motion's live page when the motion's status changes. */
export const MOTION_STATUS = "moot:motion-status";

export interface MotionStatusChange {
  motionId: string;
  status: MotionStatus;
}

export const announceStatus = (change: MotionStatusChange) =>
  window.dispatchEvent(new CustomEvent<MotionStatusChange>(MOTION_STATUS, { detail: change }));

/**
 * The motion's status badge, drawn with the page and then kept as the live page hears it (a lock
 * closes the motion, an unlock opens it again), for a badge that sits outside the live part.
 */
export function LiveStatusBadge({ motionId, status }: MotionStatusChange) {
  const [now, setNow] = useState(status);
  useEffect(() => {
    const heard = (event: Event) => {
      const change = (event as CustomEvent<MotionStatusChange>).detail;
      if (change.motionId === motionId) setNow(change.status);
    };
    window.addEventListener(MOTION_STATUS, heard);
    return () => window.removeEventListener(MOTION_STATUS, heard);
  }, [motionId]);
  return <StatusBadge status={now} />;
}
