import { z } from "zod";

const limitProblem = "limit must be a whole number from 1 to 100";

/** How many a page of a list holds, as a query string asks: 1 to 100, 20 unless asked. */
export const PageLimit = z.coerce
  .number({ message: limitProblem })
  .int(limitProblem)
  .min(1, limitProblem)
  .max(100, limitProblem)
  .default(20);
