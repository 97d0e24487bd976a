"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ArgumentNode } from "@/lib/debate";
import type { ReadingView } from "@/lib/reading";
import {
  ancestorsOf,
  argumentAnchor,
  branchRead,
  linkedArgument,
  repliesShown,
} from "@/lib/threads";
import type { ThreadView } from "./ArgumentItem";
import type { useLiveMotion } from "./useLiveMotion";
import { useMarkRead } from "./useMarkRead";

/**
 * The reading side of a motion's page: which arguments are new to the reader since their last
 * visit (as of the page's load, so the marks stay while the page marks them read), which reply
 * branches start folded, and the argument a `#argument-<id>` link points at.
 */
export function useThreads({
  motionId,
  live,
  reading,
  viewerId,
}: {
  motionId: string;
  live: ReturnType<typeof useLiveMotion>;
  reading: ReadingView | null;
  viewerId: string | null;
}): ThreadView {
  const { arguments: args, wentPublic, seq } = live.motion;
  const fresh = useMemo(() => {
    if (!reading) return new Set<string>();
    const atLoad = new Set(reading.newIds);
    return new Set(
      args
        .filter(
          (a) =>
            a.status === "published" &&
            a.author.id !== viewerId &&
            (atLoad.has(a.id) || (wentPublic[a.id] ?? 0) > reading.lastSeq),
        )
        .map((a) => a.id),
    );
  }, [args, wentPublic, reading, viewerId]);
  // What arrives while the page is open (one's own posts too) is in view: it never folds away.
  const onArrival = useRef(new Set(args.map((a) => a.id)));
  // A visitor has read nothing as far as the page knows: no branch folds for them.
  const isRead = useCallback(
    (id: string) => reading !== null && !fresh.has(id) && onArrival.current.has(id),
    [reading, fresh],
  );

  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [linkedId, setLinkedId] = useState<string | null>(null);
  const opened = useMemo(
    () => new Set(linkedId ? ancestorsOf(linkedId, args) : []),
    [linkedId, args],
  );

  // The address names an argument: on arrival, and whenever the hash changes on the page.
  const argsNow = useRef(args);
  argsNow.current = args;
  useEffect(() => {
    const follow = () => {
      const id = linkedArgument(window.location.hash);
      setLinkedId(id);
      // A branch the reader folded by hand unfolds for a link into it.
      if (id) {
        const above = new Set(ancestorsOf(id, argsNow.current));
        setChosen((c) => Object.fromEntries(Object.entries(c).filter(([k]) => !above.has(k))));
      }
    };
    follow();
    // Next's <Link> changes only the hash with history.pushState, which fires no hashchange;
    // the Navigation API (where the browser has it) hears that too.
    const navigation = (window as { navigation?: EventTarget }).navigation;
    window.addEventListener("hashchange", follow);
    window.addEventListener("popstate", follow);
    navigation?.addEventListener("navigatesuccess", follow);
    return () => {
      window.removeEventListener("hashchange", follow);
      window.removeEventListener("popstate", follow);
      navigation?.removeEventListener("navigatesuccess", follow);
    };
  }, []);

  // Scrolls once per link, as soon as the argument is on the page (it may arrive with the live data).
  const reached = useRef<string | null>(null);
  const present = linkedId !== null && args.some((a) => a.id === linkedId);
  useEffect(() => {
    if (!linkedId || !present || reached.current === linkedId) return;
    const frame = requestAnimationFrame(() => {
      const element = document.getElementById(argumentAnchor(linkedId));
      if (!element) return;
      reached.current = linkedId;
      element.scrollIntoView({ block: "center" });
      element.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [linkedId, present]);

  useMarkRead({
    seq,
    from: reading?.lastSeq ?? 0,
    connection: live.connection,
    enabled: reading !== null,
    mark: useCallback(
      (upTo: number) => live.command("motion:read", { motionId, seq: upTo }),
      [live.command, motionId],
    ),
    markOnLeaving: useCallback(
      (upTo: number) =>
        navigator.sendBeacon(
          `/api/motions/${motionId}/read`,
          new Blob([JSON.stringify({ seq: upTo })], { type: "application/json" }),
        ),
      [motionId],
    ),
  });

  return {
    isNew: (id) => fresh.has(id),
    repliesRead: (node: ArgumentNode) => node.children.every((c) => branchRead(c, isRead)),
    repliesShown: (node: ArgumentNode) => repliesShown(node, isRead, chosen, opened),
    onToggleReplies: (id, shown) => setChosen((c) => ({ ...c, [id]: shown })),
    linkedId,
  };
}
