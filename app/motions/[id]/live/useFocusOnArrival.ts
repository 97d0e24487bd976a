import { useEffect, useRef } from "react";
import { argumentAnchor } from "@/lib/threads";

/**
 * Moves focus to an argument on the page: focusable for that moment, not a stop of the Tab key.
 */
function focusArgument(argumentId: string) {
  const element = document.getElementById(argumentAnchor(argumentId));
  if (!element) return;
  if (!element.hasAttribute("tabindex")) {
    element.setAttribute("tabindex", "-1");
    element.addEventListener("blur", () => element.removeAttribute("tabindex"), { once: true });
  }
  element.focus();
}

/**
 * For a "Show more" button under a list of arguments (a side's, or an argument's replies): once
 * the more it asked for has loaded, the focus moves to the first argument that came, as a page
 * of results would. Otherwise the button, gone once the list is whole, would drop the focus to
 * the page's start, and the next Tab would pass what was asked for. `ids`: the list's arguments
 * in order; `loading`: whether the list is loading. Returns what the button calls as it asks.
 */
export function useFocusOnArrival(ids: readonly string[], loading: boolean) {
  const asked = useRef<{ before: Set<string>; started: boolean } | null>(null);
  useEffect(() => {
    const waiting = asked.current;
    if (!waiting) return;
    if (loading) {
      waiting.started = true;
      return;
    }
    if (!waiting.started) return;
    asked.current = null;
    const first = ids.find((id) => !waiting.before.has(id));
    if (first) focusArgument(first);
  }, [ids, loading]);
  return () => {
    asked.current = { before: new Set(ids), started: false };
  };
}
