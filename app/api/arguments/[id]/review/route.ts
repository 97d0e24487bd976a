import { commandInput, commandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** Owners and moderators: {position, action: "accept" | "detach" | "repick", quote?}. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { argumentId: (await params).id });
  return commandResponse(request, "citation:review", input);
}
