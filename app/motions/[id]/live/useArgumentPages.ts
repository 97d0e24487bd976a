"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ArgumentBranch, ArgumentPage, ArgumentPageItem } from "@/lib/argumentPages";
import type { ListOrder } from "@/lib/debate";
import type { MotionPartial } from "@/lib/views";
import { callApi } from "../../../components/api";
import { withKey } from "./sets";

/** A list of a big debate: one side's top-level arguments, or the replies to one argument. */
export type ListKey = "for" | "against" | (string & {});

const PAGE = 20;

type Summary = Pick<MotionPartial, "order" | "cursors" | "ends">;

/** A summary's cursors or ends, keyed by order and list as the page keeps them. */
const keyed = (from: Summary | null, what: "cursors" | "ends") =>
  Object.fromEntries(
    Object.entries(from?.[what] ?? {}).map(([list, value]) => [`${from?.order}:${list}`, value]),
  );
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
  generation,
  hold,
  newSince,
}: {
  motionId: string;
  /** What the page's state holds of the debate, as last read whole (its cursors and ends). */
  partial: Summary | null;
  /** Counts the times the state was read whole again: what was loaded since is gone. */
  generation: number;
  /**
   * Takes loaded arguments, the seq they were read at and the generation they were asked for
   * in, into the page's state.
   */
  hold: (page: { seq: number; arguments: ArgumentPageItem[]; generation: number }) => void;
  /** A signed-in reader's: where they had read to, and the seq the page was read at. */
  newSince: { newSince: number; asOf: number } | null;
}) {
  const [since, asOf] = newSince ? [newSince.newSince, newSince.asOf] : [null, null];
  const cursors = useRef<Record<string, string | null>>(keyed(partial, "cursors"));
  // Of each list read in an order, its last argument read: where the list goes on.
  const [ends, setEnds] = useState<Readonly<Record<string, string>>>(() => keyed(partial, "ends"));
  // Lists walked to their end in an order: nothing more to offer there.
  const [walked, setWalked] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef(partial);
  latest.current = partial;
  // A page asked for before the motion was read whole again is dropped when it comes: its
  // cursor belongs to the reading it followed.
  const generationNow = useRef(generation);
  generationNow.current = generation;
  useEffect(() => {
    if (generation === 0) return;
    cursors.current = keyed(latest.current, "cursors");
    setEnds(keyed(latest.current, "ends"));
    setWalked(new Set());
  }, [generation]);
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);

  const busy = useCallback(
    (key: string, on: boolean) => setLoading((now) => withKey(now, key, on)),
    [],
  );

  const isLoading = useCallback((list: ListKey) => loading.has(list), [loading]);

  /**
   * The next page of a list in `order`; `held` is how many of it the page holds. A list without
   * a cursor (never read in this order, or read to its end while arguments moved about in it)
   * is read from its start.
   */
  const loadMore = useCallback(
    async (list: ListKey, order: ListOrder, held: number) => {
      const key = `${order}:${list}`;
      const cursor = cursors.current[key];
      const query = new URLSearchParams({
        order,
        ...(list === "for" || list === "against" ? { side: list } : { parentId: list }),
        ...(cursor
          ? { cursor, limit: String(PAGE) }
          : { limit: String(Math.min(MAX_PAGE, held + PAGE)) }),
        ...(since === null || asOf === null ? {} : { newSince: String(since), asOf: String(asOf) }),
      });
      busy(list, true);
      const askedIn = generationNow.current;
      const answer = await callApi<ArgumentPage>(`/api/motions/${motionId}/arguments?${query}`, {
        method: "GET",
      });
      busy(list, false);
      if (askedIn !== generationNow.current) return;
      if (!answer.ok) return setProblem(answer.problem);
      setProblem(null);
      cursors.current[key] = answer.body.nextCursor;
      const last = answer.body.arguments.at(-1);
      if (last) setEnds((now) => ({ ...now, [key]: last.id }));
      setWalked((now) => withKey(now, key, answer.body.nextCursor === null));
      hold({ ...answer.body, generation: askedIn });
    },
    [motionId, hold, busy, since, asOf],
  );

  /** Whether a list was read to its end in `order`: what it still counts is not shown anyway. */
  const walkedToEnd = useCallback(
    (list: ListKey, order: ListOrder) => walked.has(`${order}:${list}`),
    [walked],
  );

  /**
   * The last argument of a list read in `order` so far: held arguments after it in that order
   * (a linked thread, the spotlight's) are not where the list goes on. Undefined before any.
   */
  const endOf = useCallback(
    (list: ListKey, order: ListOrder): string | undefined => ends[`${order}:${list}`],
    [ends],
  );

  /** The thread from its top-level argument down to one argument; why not, if it is not there. */
  const loadBranch = useCallback(
    async (argumentId: string): Promise<string | null> => {
      const askedIn = generationNow.current;
      const answer = await callApi<ArgumentBranch>(`/api/arguments/${argumentId}/branch`, {
        method: "GET",
      });
      if (answer.ok && answer.body.motionId === motionId) {
        hold({ ...answer.body, generation: askedIn });
        return null;
      }
      return answer.ok || answer.problem === "No such argument."
        ? "The argument this link points to is not in this debate: it may have been withdrawn."
        : answer.problem;
    },
    [hold, motionId],
  );

  return {
    loadMore,
    loadBranch,
    isLoading,
    walkedToEnd,
    endOf,
    problem,
  };
}
