"use client";

import { useCallback, useEffect, useState } from "react";
import { ArgumentOrder } from "@/lib/debate";

const storageKey = "moot:argument-order";

/**
 * The order the reader last chose for a debate's arguments, kept in this browser so that a
 * reader who follows a debate over days by "Latest activity" finds it so on the next visit, on
 * every motion. The page is drawn "Newest first", as the server renders it; a kept order takes
 * over once the page is live. Storage the browser refuses (private modes) only forgets.
 */
export function useRememberedOrder() {
  const [order, setOrder] = useState<ArgumentOrder>("newest");
  useEffect(() => {
    const kept = ArgumentOrder.safeParse(readKept());
    if (kept.success) setOrder(kept.data);
  }, []);
  const choose = useCallback((next: ArgumentOrder) => {
    setOrder(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Not kept: the choice holds for this visit.
    }
  }, []);
  return [order, choose] as const;
}

function readKept(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
