import { z } from "zod";
import { type ArgumentView, ListOrder, type ReplyCounts } from "./debate";
import { IdOf } from "./ids";
import { PageLimit } from "./pageLimit";

/**
 * One page of the arguments directly under one argument, or of a side's top-level arguments
 * (GET /api/motions/:id/arguments), for big debates read a branch at a time.
 */

export const ArgumentPageQuery = z
  .object({
    side: z.enum(["for", "against"], { message: 'side must be "for" or "against"' }).optional(),
    parentId: IdOf("parentId is not a valid argument id").optional(),
    order: z
      .enum(ListOrder.options, { message: `order must be one of ${ListOrder.options.join(", ")}` })
      .default("newest"),
    cursor: z.string().max(1000, "cursor is not one this list gave").optional(),
    limit: PageLimit,
    /**
     * "map": only what the argument map draws (published arguments, and the placeholders
     * replies hang from), counted the same way: no pending post, not even the caller's own.
     */
    view: z.enum(["map"], { message: 'view must be "map"' }).optional(),
    /**
     * With `asOf`: each argument counts the new ones below it (`newBelow`), as a page that read
     * the motion at seq `asOf` counts them for a reader who had read it to seq `newSince`.
     */
    newSince: Seq("newSince").optional(),
    asOf: Seq("asOf").optional(),
  })
  .refine((query) => !(query.side && query.parentId), {
    message: "side chooses among top-level arguments: leave it out when asking for parentId's",
  })
  .refine((query) => (query.newSince === undefined) === (query.asOf === undefined), {
    message: "newSince and asOf go together",
  });
export type ArgumentPageQuery = z.infer<typeof ArgumentPageQuery>;

/** A seq of the motion's log, as a query string gives it. */
function Seq(name: string) {
  const problem = `${name} must be a whole number, 0 or more`;
  return z.coerce.number({ message: problem }).int(problem).nonnegative(problem);
}

/** An argument as the motion's tree has it, without its replies but counting them. */
export interface ArgumentPageItem extends ArgumentView {
  /**
   * Replies at any depth (as the "most replied" order counts them) and directly under it (what
   * a page of its replies holds in all).
   */
  replies: ReplyCounts;
  publishedSeq: number | null;
  /** The caller's own rating of it, if any. */
  myRating: number | null;
  /**
   * Asked with `newSince` and `asOf`: how many arguments below it, at any depth, by others, went
   * public after `newSince` and by `asOf` (a reader's new ones, as their page counts them).
   */
  newBelow?: number;
}

export interface ArgumentPage {
  /** The last event of the motion's log the page reflects (as in GET /api/motions/:id). */
  seq: number;
  order: ListOrder;
  /** How many arguments the whole list holds, over all its pages. */
  total: number;
  arguments: ArgumentPageItem[];
  /** Asks for the next page; null on the last one. */
  nextCursor: string | null;
}

/** An argument with those above it, from its top-level argument down to it. */
export interface ArgumentBranch {
  motionId: string;
  seq: number;
  arguments: ArgumentPageItem[];
}
