import { commandInput, commandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** {score}: the signed-in member's rating of the argument (`argument:rate`). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { argumentId: (await params).id });
  return commandResponse(request, "argument:rate", input);
}
