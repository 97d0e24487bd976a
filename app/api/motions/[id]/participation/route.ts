import { participationFile } from "@/server/domain/debate/participationCsv";
import { participation } from "@/server/domain/debate/results";
import { csvDownload, json, requestActor, respond, tableFormat } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** What each member did on the motion, as JSON or (`?format=csv`) a spreadsheet download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const format = tableFormat(request);
  if (format instanceof Response) return format;
  const actor = await requestActor(request);
  const { id } = await params;
  if (format === "json") {
    const outcome = await participation(runtime().store, actor, id);
    return outcome.ok ? json({ rows: outcome.value }) : respond(outcome);
  }
  const file = await participationFile(runtime().store, actor, id);
  return file.ok ? csvDownload(file.value.filename, file.value.csv) : respond(file);
}
