import { headers } from "next/headers";
import { returnPathOf } from "./returnPath";

/** The sign-in or sign-up page's callbackUrl as a path on the site the request came to. */
export async function pageReturnPath(callbackUrl: string | undefined): Promise<string> {
  const sent = await headers();
  return returnPathOf(callbackUrl, sent.get("x-forwarded-host") ?? sent.get("host") ?? "");
}
