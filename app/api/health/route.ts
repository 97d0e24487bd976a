import { json } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET() {
  const { store } = runtime();
  await store.spaces.listReadable(null);
  return json({ status: "ok", database: store.dialect });
}
