"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { useFocusKeeper } from "./useFocusKeeper";

/**
 * Buttons of a server-drawn page that give way to others once they have done their work
 * ("Switch joining off" becomes "Switch joining on", "Mark all read" goes once all is read): when
 * `after` changes and the button that held the focus has gone, the focus goes to the first button
 * here, or where none is left to the first element here that takes it from a script
 * (`tabIndex={-1}`, a heading), not to the top of the page.
 */
export function KeepsFocus({
  after,
  className,
  children,
}: {
  after: string;
  className?: string;
  children: ReactNode;
}) {
  const part = useRef<HTMLDivElement>(null);
  const { within, dropped } = useFocusKeeper();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of `after` is the trigger
  useEffect(() => {
    if (!dropped()) return;
    const next = part.current?.querySelector<HTMLElement>("button");
    (next ?? part.current?.querySelector<HTMLElement>("[tabindex='-1']"))?.focus();
  }, [after, dropped]);
  return (
    <div ref={part} className={className} {...within}>
      {children}
    </div>
  );
}
