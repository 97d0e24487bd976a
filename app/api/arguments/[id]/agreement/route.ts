import { commandInput, commandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** {stance}: whether the signed-in participant agrees with the argument (`argument:agree`). */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { argumentId: (await params).id });
  return commandResponse(request, "argument:agree", input);
}
