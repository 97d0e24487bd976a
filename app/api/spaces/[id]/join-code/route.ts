import { bodyCommandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** {action: "rotate"} gives the space a new join code; {action: "off"} switches joining off. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return bodyCommandResponse(request, "space:join-code", { spaceId: (await params).id });
}
