import { reviewCitation } from "@/server/domain/library/reviewCitations";
import { commandInput, requestActor, runCommand } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Owners and moderators: {position, action: "accept" | "detach" | "repick", quote?}. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const input = await commandInput(request, { argumentId: (await params).id });
  return runCommand(reviewCitation(runtime().store, await requestActor(request), input));
}
