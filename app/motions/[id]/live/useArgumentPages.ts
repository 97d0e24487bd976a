"use client";

import { useCallback, useRef, useState } from "react";
import type { ArgumentBranch, ArgumentPage, ArgumentPageItem } from "@/lib/argumentPages";
import type { ListOrder } from "@/lib/debate";
import type { MotionPartial } from "@/lib/views";
import { callApi } from "../../../components/api";

/** A list of a big debate: one side's top-level arguments, or the replies to one argument. */
export type ListKey = "for" | "against" | (string & {});

const PAGE = 20;
const MAX_PAGE = 100;

/**
 * Loads the parts of a big debate the page does not hold yet, a page at a time: more of a
 * side, an argument's replies, or the thread above an argument a link points at. Each list
 * resumes where its last page ended (its cursor, per order); one never loaded in an order
 * starts from its beginning, skipping what is held.
 */
export function useArgumentPages({
  motionId,
  partial,
  hold,
}: {
  motionId: string;
  partial: MotionPartial | undefined;
  /** Takes loaded arguments into the page's state. */
  hold: (items: ArgumentPageItem[]) => void;
}) {
  const cursors = useRef<Record<string, string | null>>(
    Object.fromEntries(
      Object.entries(partial?.cursors ?? {}).map(([list, cursor]) => [
        `${partial?.order}:${list}`,
        cursor,
      ]),
    ),
  );
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);

  const busy = useCallback(
    (key: string, on: boolean) =>
      setLoading((now) => {
        const next = new Set(now);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );

  const isLoading = useCallback((list: ListKey) => loading.has(list), [loading]);

  /** The next page of a list in `order`; `held` is how many of it the page holds. */
  const loadMore = useCallback(
    async (list: ListKey, order: ListOrder, held: number) => {
      const key = `${order}:${list}`;
      const cursor = cursors.current[key];
      if (cursor === null) return;
      const query = new URLSearchParams({
        order,
        ...(list === "for" || list === "against" ? { side: list } : { parentId: list }),
        ...(cursor
          ? { cursor, limit: String(PAGE) }
          : { limit: String(Math.min(MAX_PAGE, held + PAGE)) }),
      });
      busy(list, true);
      const answer = await callApi<ArgumentPage>(`/api/motions/${motionId}/arguments?${query}`, {
        method: "GET",
      });
      busy(list, false);
      if (!answer.ok) return setProblem(answer.problem);
      setProblem(null);
      cursors.current[key] = answer.body.nextCursor;
      hold(answer.body.arguments);
    },
    [motionId, hold, busy],
  );

  /** The thread from its top-level argument down to one argument; false if it is not there. */
  const loadBranch = useCallback(
    async (argumentId: string) => {
      const answer = await callApi<ArgumentBranch>(`/api/arguments/${argumentId}/branch`, {
        method: "GET",
      });
      if (!answer.ok) return false;
      hold(answer.body.arguments);
      return true;
    },
    [hold],
  );

  return {
    loadMore,
    loadBranch,
    isLoading,
    problem,
  };
}
