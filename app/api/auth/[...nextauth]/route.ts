import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/authjs";
import { keepReturnPath } from "@/server/auth/refusedSignIn";
import { refuseThrottledSignIn } from "@/server/auth/signInGuard";
import { atSiteAddress } from "@/server/auth/siteRequest";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const atSite = (request: NextRequest) => atSiteAddress(request, runtime().siteUrl);

// The provider's answer comes back here: a refusal keeps the path the sign-in started from.
export const GET = async (request: NextRequest) =>
  keepReturnPath(request, await handlers.GET(atSite(request)));

export async function POST(request: NextRequest) {
  return (await refuseThrottledSignIn(request)) ?? handlers.POST(atSite(request));
}
