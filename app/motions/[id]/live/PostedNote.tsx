"use client";

import { useEffect, useRef, useState } from "react";
import { POSTED, type Posted } from "./posted";

/**
 * Says that the member's last post on the motion was stored, with a link to it: on a phone the
 * composer folds away and the argument lands far down its side, in a long debate out of sight.
 * Gone once they start writing again. The focus comes to it when posting left it nowhere (the
 * Post button disabled until the next is written, or the composer folded away on a phone), so
 * the keyboard goes on from here, to its link first.
 */
export function PostedNote({ motionId, writing }: { motionId: string; writing: number }) {
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
  return (
    <p className="posted-note" role="status" ref={note} tabIndex={-1}>
      {posted ? (
        <>
          {posted.status === "pending"
            ? "Your argument is waiting for a moderator's approval. "
            : "Your argument is posted. "}
          <a href={`#argument-${posted.argumentId}`}>Show it</a>
        </>
      ) : null}
    </p>
  );
}
