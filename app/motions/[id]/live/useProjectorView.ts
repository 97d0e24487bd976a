"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { ArgumentView } from "@/lib/debate";
import type { LiveMotion } from "@/lib/live";
import { byStrength, type ProjectorView, rankable, type Side } from "@/lib/projector";

/** Events come in bursts (a room rating at once): one read after the burst, not one per event. */
const REFRESH_DELAY = 300;

/**
 * What the room's screen shows of a live motion whose page carried only what it showed. Events
 * keep what is held current (a held argument edited, hidden or rated changes at once); when one
 * may change which arguments are shown (any argument event, or a spotlight on one not held), the
 * screen's view is read again from the server, once the burst is over.
 */
export function useProjectorView(initial: ProjectorView, live: LiveMotion) {
  const [view, setView] = useState(initial);
  const seen = useRef({ args: live.arguments, spotlightId: live.spotlightId });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const held = useMemo(() => {
    const byId = new Map<string, ArgumentView>(view.motion.arguments.map((a) => [a.id, a]));
    // What the room's events brought is newer than the last read.
    for (const argument of live.arguments) byId.set(argument.id, argument);
    return byId;
  }, [view, live.arguments]);

  useEffect(() => {
    const before = seen.current;
    seen.current = { args: live.arguments, spotlightId: live.spotlightId };
    const unknownSpotlight =
      live.spotlightId !== before.spotlightId &&
      live.spotlightId !== null &&
      !held.has(live.spotlightId);
    if (before.args === live.arguments && !unknownSpotlight) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const response = await fetch(`/api/motions/${initial.motion.id}/projector`).catch(() => null);
      if (!response?.ok) return; // the next event tries again
      const fresh: ProjectorView = await response.json();
      // Reads may cross: an older one never replaces a newer.
      setView((current) => (fresh.motion.seq >= current.motion.seq ? fresh : current));
    }, REFRESH_DELAY);
  }, [live.arguments, live.spotlightId, held, initial.motion.id]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const published = (id: string | null) => {
    const argument = id === null ? undefined : held.get(id);
    return argument?.status === "published" ? argument : undefined;
  };
  const strongest = (side: Side) =>
    view.strongest[side]
      .map((id) => held.get(id))
      .filter((a): a is ArgumentView => a !== undefined && rankable(a))
      .sort(byStrength);
  return { spotlight: published(live.spotlightId), strongest };
}
