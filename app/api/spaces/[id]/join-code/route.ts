import { manageJoinCode } from "@/server/domain/spaces/manageJoinCode";
import { jsonBody, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** {action: "rotate"} gives the space a new join code; {action: "off"} switches joining off. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const body = (await jsonBody(request)) as object | undefined;
  const input = { ...body, spaceId: (await params).id };
  return respond(await manageJoinCode(runtime().store, await requestActor(request), input));
}
