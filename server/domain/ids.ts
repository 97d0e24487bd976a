import { text } from "../../lib/text";

export const newId = () => crypto.randomUUID();

/** Ids are UUIDs; anything else is bad input, not an unknown id. */
export { Id } from "../../lib/ids";

/**
 * A clientId that may be left out (lib/ids.ts has the required one): without it, a retry is a new
 * command.
 */
export const OptionalClientId = text()
  .min(1, "clientId is required")
  .max(200, "clientId is too long (200 characters at most)")
  .optional();
