import { exportAccount } from "@/server/domain/accounts/exportAccount";
import { overLimit, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The caller's own data as a JSON file to download. */
export async function GET(request: Request) {
  const actor = await requestActor(request);
  const refused = await overLimit(request, "exports", actor);
  if (refused) return refused;
  const file = await exportAccount(runtime().store, actor);
  if (!file.ok) return respond(file);
  return new Response(file.value.body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      // The name is moot-account-<yyyy-mm-dd>.json: safe in the header as it is.
      "content-disposition": `attachment; filename="${file.value.filename}"`,
      "cache-control": "no-store",
    },
  });
}
