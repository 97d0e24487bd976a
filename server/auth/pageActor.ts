import { headers } from "next/headers";
import { cache } from "react";
import type { Actor } from "../policy";
import { runtime } from "../runtime";
import { actorFromHeaders } from "./session";

/**
 * Who is viewing a page or calling a server action: the same session the REST doors read. Cached
 * per render, so the layout, a page's metadata and the page look the session up once; a server
 * action runs outside the render and reads it afresh.
 */
export const pageActor = cache(async (): Promise<Actor> => {
  const { store, authSecret } = runtime();
  return actorFromHeaders(store, await headers(), authSecret);
});
