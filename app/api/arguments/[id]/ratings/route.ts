import { bodyCommandResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** {score}: the signed-in member's rating of the argument (`argument:rate`). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return bodyCommandResponse(request, "argument:rate", { argumentId: (await params).id });
}
