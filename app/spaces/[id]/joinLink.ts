import { headers } from "next/headers";
import { formatJoinCode } from "@/lib/spaces";
import { isSecureRequest } from "@/server/auth/session";

/** The absolute link that opens the join form with the code filled, as the visitor reached us. */
export async function joinLinkFor(code: string): Promise<string> {
  const sent = await headers();
  const host = sent.get("x-forwarded-host") ?? sent.get("host") ?? "localhost";
  const scheme = isSecureRequest(sent) ? "https" : "http";
  return `${scheme}://${host}/join?code=${encodeURIComponent(formatJoinCode(code))}`;
}
