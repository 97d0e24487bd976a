"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/**
 * A box a wide table scrolls sideways in on a phone. When the table is wider than the box, a line
 * above it says so and the far edge is shaded, since a phone shows no scrollbar until one scrolls.
 * With a label it is a region that takes the focus, so that a keyboard can scroll it too when the
 * table holds nothing focusable; without one, the table's own controls take the focus.
 */
export function TableScroll({ label, children }: { label?: string; children: ReactNode }) {
  const box = useRef<HTMLElement & HTMLDivElement>(null);
  const cueId = useId();
  const [wide, setWide] = useState(false);
  const [atEnd, setAtEnd] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      setWide(element.scrollWidth > element.clientWidth + 1);
      setAtEnd(element.scrollLeft + element.clientWidth >= element.scrollWidth - 1);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, []);

  const className = `table-scroll${wide ? " table-scroll-wide" : ""}${wide && !atEnd ? " table-scroll-more" : ""}`;
  const cue = wide ? (
    <p className="table-scroll-cue" id={cueId}>
      Scroll sideways to see every column <span aria-hidden="true">→</span>
    </p>
  ) : null;
  if (!label) {
    return (
      <>
        {cue}
        <div className={className} ref={box}>
          {children}
        </div>
      </>
    );
  }
  return (
    <>
      {cue}
      <section
        className={className}
        aria-label={label}
        aria-describedby={wide ? cueId : undefined}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the keyboard focus (WCAG 2.1.1), and its table has no focusable cell to take it
        tabIndex={0}
        ref={box}
      >
        {children}
      </section>
    </>
  );
}
