import { failure } from "@/lib/result";
import { gradebook } from "@/server/domain/grades/gradebook";
import { gradesCsv } from "@/server/domain/grades/gradesCsv";
import { errorResponse, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The space's gradebook, as JSON or (`?format=csv`) a download an LMS gradebook imports. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv") {
    return errorResponse(failure("invalid_input", 'format: must be "json" or "csv"'));
  }
  const actor = await requestActor(request);
  const outcome = await gradebook(runtime().store, actor, (await params).id);
  if (!outcome.ok || format === "json") return respond(outcome);
  // The id is a UUID by now (the query refused anything else), so it is safe in the header.
  const filename = `grades-${outcome.value.space.id}.csv`;
  // A byte order mark, so that Excel reads the names as UTF-8 rather than the local code page.
  return new Response(`\uFEFF${gradesCsv(outcome.value)}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}
