import { bodyCommandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** {stance}: whether the signed-in participant agrees with the argument (`argument:agree`). */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return bodyCommandResponse(request, "argument:agree", { argumentId: (await params).id });
}
