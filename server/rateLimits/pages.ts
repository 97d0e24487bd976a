import { headers } from "next/headers";
import { clientAddress } from "../auth/address";
import type { Door } from "../execute";
import type { Actor } from "../policy";
import { runtime } from "../runtime";
import type { RateLimited } from "./limiter";
import type { LimitFamily } from "./table";

/**
 * For a page or a server action: counts its request against the limit of `family` for the
 * actor and the address the request came from; the refusal, or null when it may go ahead.
 */
export async function pageLimit(family: LimitFamily, actor: Actor): Promise<RateLimited | null> {
  return runtime().limits.consume(family, actor, clientAddress(await headers()));
}

/** A page's server action as a door of execute: its command's limit counts on its address. */
export async function actionDoor(): Promise<Door> {
  return { address: clientAddress(await headers()) };
}
