"use client";

import { useEffect, useRef, useState } from "react";
import type { ArgumentStatus } from "@/lib/debate";
import { POSTED, type Posted } from "./posted";

/** What the note says of the post as it stands; nothing once its author took it back. */
const SAID: Partial<Record<string, string>> = {
  pending: "Your argument is waiting for a moderator's approval. ",
  published: "Your argument is posted. ",
  rejected: "A moderator did not approve your argument. ",
  hidden: "A moderator hid your argument. ",
};

/**
 * Says that the member's last post on the motion was stored, with a link to it: on a phone the
 * composer folds away and the argument lands far down its side, in a long debate out of sight.
 * Gone once they start writing again. The focus comes to it when posting left it nowhere (the
 * Post button disabled until the next is written, or the composer folded away on a phone), so
 * the keyboard goes on from here, to its link first.
 */
export function PostedNote({
  motionId,
  writing,
  statusOf,
}: {
  motionId: string;
  writing: number;
  /** Where an argument stands now, as the page holds it (undefined where it holds none). */
  statusOf: (argumentId: string) => ArgumentStatus | undefined;
}) {
  const [posted, setPosted] = useState<Posted | null>(null);
  const note = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const heard = (event: Event) => {
      const detail = (event as CustomEvent<Posted>).detail;
      if (detail.motionId !== motionId) return;
      setPosted(detail);
      if (document.activeElement === document.body) {
        requestAnimationFrame(() => note.current?.focus());
      }
    };
    window.addEventListener(POSTED, heard);
    return () => window.removeEventListener(POSTED, heard);
  }, [motionId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new post under way clears the note
  useEffect(() => setPosted(null), [writing]);
  // A moderator's decision since (approved, not approved, hidden) changes what the note says;
  // gone from the page once held (withdrawn, or hidden with nothing under it), it says nothing.
  const now = posted ? statusOf(posted.argumentId) : undefined;
  const held = useRef<string | null>(null);
  if (posted && now) held.current = posted.argumentId;
  const gone = posted && !now && held.current === posted.argumentId;
  const status = gone ? null : (now ?? posted?.status ?? null);
  const said = status ? SAID[status] : null;
  return (
    <p className="posted-note" role="status" ref={note} tabIndex={-1}>
      {said ? (
        <>
          {said}
          <a href={`#argument-${posted?.argumentId}`}>Show it</a>
        </>
      ) : null}
    </p>
  );
}
