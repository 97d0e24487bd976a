"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * The reader over the page on a phone: a modal dialog (the page behind it is inert, Escape
 * closes it, and the focus goes back to what opened it).
 */
export function ReaderSheet({
  open,
  onClose,
  children,
}: {
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      id="reader"
      className="reader-sheet"
      aria-labelledby="reader-sheet-heading"
      onClose={onClose}
    >
      <div className="reader-sheet-header">
        <h2 id="reader-sheet-heading">Cite a passage</h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {open ? children : null}
    </dialog>
  );
}
