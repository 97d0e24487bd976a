import { gradebook } from "@/server/domain/grades/gradebook";
import { gradesFile } from "@/server/domain/grades/gradesCsv";
import { csvDownload, requestActor, respond, tableFormat } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The space's gradebook, as JSON or (`?format=csv`) a download an LMS gradebook imports. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const format = tableFormat(request);
  if (format instanceof Response) return format;
  const actor = await requestActor(request);
  const outcome = await gradebook(runtime().store, actor, (await params).id);
  if (!outcome.ok || format === "json") return respond(outcome);
  const { filename, csv } = gradesFile(outcome.value);
  return csvDownload(filename, csv);
}
