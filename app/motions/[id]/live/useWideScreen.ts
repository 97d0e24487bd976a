"use client";

import { useMediaQuery } from "../../../components/useMediaQuery";

/** Wide enough for the reader to sit beside the debate (globals.css uses the same width). */
const wide = "(min-width: 64rem)";

/**
 * Whether the screen is wide enough for the reader beside the debate; a phone opens it over the
 * composer instead. The server draws the wide layout, whose reader CSS hides on a narrow screen.
 */
export function useWideScreen(): boolean {
  return useMediaQuery(wide, true);
}
