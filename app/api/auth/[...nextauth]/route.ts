import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/authjs";
import { refuseThrottledSignIn } from "@/server/auth/signInGuard";
import { atSiteAddress } from "@/server/auth/siteRequest";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const atSite = (request: NextRequest) => atSiteAddress(request, runtime().siteUrl);

export const GET = (request: NextRequest) => handlers.GET(atSite(request));

export async function POST(request: NextRequest) {
  return (await refuseThrottledSignIn(request)) ?? handlers.POST(atSite(request));
}
