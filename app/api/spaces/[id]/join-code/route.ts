import { commandResponse, jsonBody } from "@/server/http";

export const dynamic = "force-dynamic";

/** {action: "rotate"} gives the space a new join code; {action: "off"} switches joining off. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const body = (await jsonBody(request)) as object | undefined;
  return commandResponse(request, "space:join-code", { ...body, spaceId: (await params).id });
}
