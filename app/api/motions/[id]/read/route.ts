import { bodyCommandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** Marks the motion read up to the body's `seq` for the caller. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return bodyCommandResponse(request, "motion:read", { motionId: (await params).id });
}
