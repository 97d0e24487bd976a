import { commandInput, commandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** Marks the motion read up to the body's `seq` for the caller. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { motionId: (await params).id });
  return commandResponse(request, "motion:read", input);
}
