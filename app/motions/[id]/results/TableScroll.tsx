import type { ReactNode } from "react";

/**
 * A box a wide table scrolls sideways in on a phone. It takes the focus, so that a keyboard can
 * scroll it too when the table holds nothing focusable.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the keyboard focus (WCAG 2.1.1), and this table has no focusable cell to take it
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
