"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type ArgumentNode, repliesToLoad } from "@/lib/debate";
import type { ReadingView } from "@/lib/reading";
import {
  ancestorsOf,
  argumentAnchor,
  arrivedBelowOf,
  branchRead,
  linkedArgument,
  type NewOutside,
  newRepliesOf,
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
  loadBranch,
  loadReplies,
  isLoading,
  walkedToEnd,
  generation,
  newBelowLoaded,
}: {
  motionId: string;
  live: ReturnType<typeof useLiveMotion>;
  reading: ReadingView | null;
  /**
   * Of arguments loaded after the page opened, the new ones below each as the page would have
   * counted them at its load (`newBelow` of GET /api/motions/:id/arguments).
   */
  newBelowLoaded: Readonly<Record<string, number>>;
  viewerId: string | null;
  /** Loads the thread down to an argument the page does not hold; why not, if it cannot. */
  loadBranch: (argumentId: string) => Promise<string | null>;
  /** Counts the times the page's state was read whole again (a link's thread may be gone). */
  generation: number;
  loadReplies: (node: ArgumentNode) => void;
  isLoading: (argumentId: string) => boolean;
  /** Whether an argument's replies were read to their end: what they still count is not shown. */
  walkedToEnd: (argumentId: string) => boolean;
}): { thread: ThreadView & { linkProblem: string | null }; newCount: number } {
  const { arguments: args, wentPublic, seq, outside } = live.motion;
  const fresh = useMemo(() => {
    if (!reading) return new Set<string>();
    const atLoad = new Set(reading.newIds);
    return new Set(
      args
        .filter(
          (a) =>
            a.status === "published" &&
            a.author.id !== viewerId &&
            (atLoad.has(a.id) ||
              (wentPublic[a.id] ?? 0) > reading.lastSeq ||
              // Loaded later from a big debate: public since the reader's last visit.
              (a.publishedSeq ?? 0) > reading.lastSeq),
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
  // Kept while the thread above the link stays the same, not renewed by every arrival.
  const linkPath = linkedId ? ancestorsOf(linkedId, args).join(" ") : "";
  const opened = useMemo(() => new Set(linkPath ? linkPath.split(" ") : []), [linkPath]);

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
  // A big debate's page may not hold the argument: its thread is loaded once per link. Why it
  // could not be is said while the address names that link, not after it names another.
  const [linkFailed, setLinkFailed] = useState<{ id: string; problem: string } | null>(null);
  const sought = useRef<string | null>(null);
  const soughtIn = useRef(generation);
  useEffect(() => {
    const again = soughtIn.current !== generation;
    if (!linkedId || present || (sought.current === linkedId && !again)) return;
    sought.current = linkedId;
    soughtIn.current = generation;
    setLinkFailed(null);
    void loadBranch(linkedId).then((problem) =>
      setLinkFailed(problem === null ? null : { id: linkedId, problem }),
    );
  }, [linkedId, present, loadBranch, generation]);
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

  // What the items read through refs: an item redraws when its own node changes, not when
  // another argument arrives (a node's replies changing makes a new node).
  const freshNow = useRef(fresh);
  freshNow.current = fresh;
  const isReadNow = useRef(isRead);
  isReadNow.current = isRead;
  // New arguments the page does not hold: counted as the page found them, and as they arrived
  // since under a branch it does not hold.
  const outsideNow = useMemo((): NewOutside => {
    const arrivedBelow = arrivedBelowOf(outside ?? {}, viewerId);
    // Of one held at the load, the reading counted only what the page did not hold below it.
    const loadedSince = Object.entries(newBelowLoaded).filter(([id]) => !onArrival.current.has(id));
    return {
      atLoad: { ...Object.fromEntries(loadedSince), ...reading?.newBelow },
      heldAtLoad: onArrival.current,
      arrived: (id) => wentPublic[id] !== undefined,
      arrivedBelow,
      held: new Set(args.map((a) => a.id)),
    };
  }, [reading, outside, args, wentPublic, viewerId, newBelowLoaded]);
  const belowNow = useRef(outsideNow);
  belowNow.current = outsideNow;
  const view = useMemo(
    (): ThreadView => ({
      isNew: (id) => freshNow.current.has(id),
      newReplies: (node: ArgumentNode) =>
        newRepliesOf(node, (id) => freshNow.current.has(id), belowNow.current),
      // Replies the page does not hold yet are not known to be read.
      repliesRead: (node: ArgumentNode) =>
        repliesToLoad(node) === 0 && node.children.every((c) => branchRead(c, isReadNow.current)),
      repliesShown: (node: ArgumentNode) => repliesShown(node, isReadNow.current, chosen, opened),
      onToggleReplies: (node, shown) => {
        if (shown && node.children.length === 0) loadReplies(node);
        setChosen((c) => ({ ...c, [node.id]: shown }));
      },
      loadReplies,
      // A new function only when a load starts or ends: the items that show it redraw then.
      isLoading,
      walkedToEnd,
      linkedId,
    }),
    [chosen, opened, linkedId, loadReplies, isLoading, walkedToEnd],
  );
  // The same object from render to render while nothing in it changed, or every item redraws.
  const linkProblem = linkFailed?.id === linkedId ? linkFailed.problem : null;
  const thread = useMemo(() => ({ ...view, linkProblem }), [view, linkProblem]);
  // Apart from the thread: a count changing with each arrival must not redraw every item.
  return { thread, newCount: reading && reading.lastSeq > 0 ? fresh.size : 0 };
}
