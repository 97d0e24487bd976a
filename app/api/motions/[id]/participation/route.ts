import { participationCsv } from "@/server/domain/debate/participationCsv";
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
  const outcome = await participation(runtime().store, actor, id);
  if (!outcome.ok) return respond(outcome);
  if (format === "json") return json({ rows: outcome.value });
  // The id is a UUID by now (the query refused anything else), so it is safe in the header.
  return csvDownload(`participation-${id}.csv`, participationCsv(outcome.value));
}
