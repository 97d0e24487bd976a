"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { useFocusKeeper } from "./useFocusKeeper";

/**
 * Buttons of a server-drawn page that give way to others once they have done their work
 * ("Switch joining off" becomes "Switch joining on", "Mark all read" goes once all is read): when
 * `after` changes and the button that held the focus has gone, the focus goes to the first button
 * here, or where none is left to the first element here that takes it from a script
 * (`tabIndex={-1}`, a heading), not to the top of the page. `next` names where it goes instead
 * (a CSS selector): a list whose row went with its button gives it to the list's heading.
 */
export function KeepsFocus({
  after,
  next,
  className,
  children,
}: {
  after: string;
  next?: string;
  className?: string;
  children: ReactNode;
}) {
  const part = useRef<HTMLDivElement>(null);
  const { within, dropped } = useFocusKeeper();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of `after` is the trigger
  useEffect(() => {
    if (!dropped()) return;
    const find = (selector: string) => part.current?.querySelector<HTMLElement>(selector);
    (next ? find(next) : (find("button") ?? find("[tabindex='-1']")))?.focus();
  }, [after, next, dropped]);
  return (
    <div ref={part} className={className} {...within}>
      {children}
    </div>
  );
}
