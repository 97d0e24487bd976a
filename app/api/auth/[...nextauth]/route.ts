import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/authjs";
import { refuseThrottledSignIn } from "@/server/auth/signInGuard";
import { atSiteAddress } from "@/server/auth/siteRequest";

export const dynamic = "force-dynamic";

export const GET = (request: NextRequest) => handlers.GET(atSiteAddress(request));

export async function POST(request: NextRequest) {
  return (await refuseThrottledSignIn(request)) ?? handlers.POST(atSiteAddress(request));
}
