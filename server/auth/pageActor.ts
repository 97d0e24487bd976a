import { headers } from "next/headers";
import type { Actor } from "../policy";
import { runtime } from "../runtime";
import { actorFromHeaders } from "./session";

/** Who is viewing a page or calling a server action: the same session the REST doors read. */
export async function pageActor(): Promise<Actor> {
  const { store, authSecret } = runtime();
  return actorFromHeaders(store, await headers(), authSecret);
}
