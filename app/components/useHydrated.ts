"use client";

import { useEffect, useState } from "react";

/**
 * Whether the page has come alive in the browser. A form that JavaScript sends keeps its buttons
 * off until then: a click on the server's HTML alone would have the browser send the form its
 * own way, a GET of the same page with the fields in its address, and what was typed would be
 * lost.
 */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
