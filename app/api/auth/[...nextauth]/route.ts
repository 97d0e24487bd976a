import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/authjs";
import { refuseThrottledSignIn } from "@/server/auth/signInGuard";

export const dynamic = "force-dynamic";

export const GET = handlers.GET;

export async function POST(request: NextRequest) {
  return (await refuseThrottledSignIn(request)) ?? handlers.POST(request);
}
