import { bodyCommandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** Owners and moderators: {position, action: "accept" | "detach" | "repick", quote?}. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return bodyCommandResponse(request, "citation:review", { argumentId: (await params).id });
}
