"use client";

import { useEffect, useState } from "react";
import type { OpinionsUpdate, OpinionsView } from "@/lib/opinionGroups";

/**
 * The room's opinion groups with the reader's place (GET /api/motions/:id/opinions), read again
 * each time the room is told new ones (`update`, P-OPINION-1).
 */
export function useOpinions(motionId: string, update: OpinionsUpdate | null) {
  const [view, setView] = useState<OpinionsView | null>(null);
  const [failed, setFailed] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new update is a reason to ask again
  useEffect(() => {
    let current = true;
    fetch(`/api/motions/${motionId}/opinions`)
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((answer: OpinionsView) => {
        if (!current) return;
        setView(answer);
        setFailed(false);
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [motionId, update]);

  return { view, failed };
}
