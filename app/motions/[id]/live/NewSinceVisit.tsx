"use client";

import { useRef } from "react";

/**
 * How many arguments are new since the reader's last visit, and a way to step through them:
 * on a phone a long debate's new arguments sit far apart, among threads already read. In a big
 * debate some are in replies the page has not loaded: those are counted, and said to be there.
 */
export function NewSinceVisit({ count, notLoaded }: { count: number; notLoaded: number }) {
  // The one reached last: pressing the button again moves the focus onto the button itself.
  const reached = useRef<HTMLElement | null>(null);
  if (count + notLoaded === 0) return null;
  const goToNext = (button: HTMLButtonElement) => {
    const focused = document.activeElement;
    const from =
      focused === button || focused === document.body || focused === null
        ? reached.current
        : focused;
    const next = nextNewAfter(from?.isConnected ? from : null);
    if (!next) return;
    reached.current = next;
    if (window.location.hash === `#${next.id}`) {
      // Already the linked one (the reader came by its link): no hashchange would follow.
      next.scrollIntoView({ block: "center" });
      next.focus({ preventScroll: true });
      return;
    }
    // Reached as a link to it is: unfolded, highlighted and focused, at an address to share.
    window.location.hash = next.id;
  };
  return (
    <p className="new-since-visit">
      <span className="badge badge-new">{count + notLoaded} new since your last visit</span>{" "}
      {count > 0 ? (
        <button
          type="button"
          className="secondary"
          onClick={(event) => goToNext(event.currentTarget)}
        >
          Go to the next new argument
        </button>
      ) : null}
      {notLoaded > 0 ? (
        <span className="meta">
          {count > 0 ? `${notLoaded} of them in replies` : "In replies"} not loaded yet: a thread’s
          “Show … replies, … new” brings them.
        </span>
      ) : null}
    </p>
  );
}

/**
 * The first new argument after `from` in the page's order; the first of all from the top, or
 * once past the last.
 */
function nextNewAfter(from: Element | null): HTMLElement | undefined {
  const news = [...document.querySelectorAll<HTMLElement>("li.argument-new")];
  const after = (item: HTMLElement) =>
    from !== null &&
    !item.contains(from) &&
    (from.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return news.find(after) ?? news[0];
}
