import { z } from "zod";
import { requiredAs, text } from "./text";

/**
 * Ids are UUIDs, made in lower case. One written in upper case names the same thing (RFC 9562
 * reads them in either case), so it is read in lower case, as it is stored.
 */
export const IdOf = (message: string) =>
  z.uuid({ error: message }).transform((id) => id.toLowerCase());

/** An id whose field the refusal names before this sentence ("motionId: is not a valid id"). */
export const Id = IdOf("is not a valid id");

/** The client's own id of a command, which makes a retry answer what the first try stored. */
export const ClientId = text(requiredAs("text"))
  .min(1, "is required")
  .max(200, "is too long (200 characters at most)");
