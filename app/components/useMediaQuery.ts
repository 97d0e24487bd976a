"use client";

import { useSyncExternalStore } from "react";

/**
 * Whether the screen matches a CSS media query, following it as the window changes; the server,
 * which has no screen, draws the page as `onServer` says.
 */
export function useMediaQuery(query: string, onServer: boolean): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => onServer,
  );
}
