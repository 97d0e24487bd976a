import { headers } from "next/headers";
import { formatJoinCode } from "@/lib/spaces";
import { isSecureRequest } from "@/server/auth/session";
import { runtime } from "@/server/runtime";
import { networkAddresses, shareableOrigin } from "@/server/shareableOrigin";

/** The absolute link that opens the join form with the code filled, on whoever's device. */
export async function joinLinkFor(code: string): Promise<string> {
  const sent = await headers();
  const { siteUrl, listensOn } = runtime();
  const origin = shareableOrigin({
    siteUrl,
    secure: isSecureRequest(sent),
    host: sent.get("x-forwarded-host") ?? sent.get("host") ?? "localhost",
    listensOn,
    networkAddresses: networkAddresses(),
  });
  return `${origin}/join?code=${encodeURIComponent(formatJoinCode(code))}`;
}
