"use client";

import { useEffect, useState } from "react";
import { createPortal } from "react-dom";

/** How far below the selection's last line the button sits, in pixels. */
const GAP = 6;

/**
 * A button that appears beside what the reader selects inside `host` (just under the
 * selection's last line, where the pointer let go) for as long as the selection lasts. It is put
 * at the end of `host`, so Tab reaches it after the text; `host` is positioned (relative).
 */
export function SelectionAction({
  host,
  label,
  onAct,
}: {
  host: HTMLElement | null;
  label: string;
  onAct: () => void;
}) {
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);

  useEffect(() => {
    if (!host) return;
    const place = () => {
      const selection = window.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      if (!range || range.collapsed || !host.contains(range.commonAncestorContainer)) {
        // Moving the focus to the button keeps the selection; anything else that ends it hides it.
        setAt(null);
        return;
      }
      const lines = range.getClientRects();
      const last = lines[lines.length - 1] ?? range.getBoundingClientRect();
      const box = host.getBoundingClientRect();
      setAt({
        top: last.bottom - box.top + GAP,
        left: Math.max(0, Math.min(last.left - box.left, box.width - 240)),
      });
    };
    // A selection made before the page came alive counts as well.
    place();
    document.addEventListener("selectionchange", place);
    window.addEventListener("resize", place);
    return () => {
      document.removeEventListener("selectionchange", place);
      window.removeEventListener("resize", place);
    };
  }, [host]);

  if (!host || !at) return null;
  return createPortal(
    <button
      type="button"
      className="selection-action"
      style={{ top: at.top, left: at.left }}
      onClick={() => {
        onAct();
        window.getSelection()?.removeAllRanges();
      }}
    >
      {label}
    </button>,
    host,
  );
}
