import { failure } from "@/lib/result";
import { participationCsv } from "@/server/domain/debate/participationCsv";
import { participation } from "@/server/domain/debate/results";
import { errorResponse, json, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** What each member did on the motion, as JSON or (`?format=csv`) a spreadsheet download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv") {
    return errorResponse(failure("invalid_input", 'format: must be "json" or "csv"'));
  }
  const actor = await requestActor(request);
  const outcome = await participation(runtime().store, actor, (await params).id);
  if (!outcome.ok) return respond(outcome);
  if (format === "json") return json({ rows: outcome.value });
  // The id is a UUID by now (the query refused anything else), so it is safe in the header.
  const filename = `participation-${(await params).id}.csv`;
  // A byte order mark, so that Excel reads the names as UTF-8 rather than the local code page.
  return new Response(`\uFEFF${participationCsv(outcome.value)}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}
