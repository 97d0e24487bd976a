import { commandResponse, jsonBody } from "@/server/http";

export const dynamic = "force-dynamic";

/** Marks notifications read: {ids: [...]} or {all: true}; answers how many remain unread. */
export async function POST(request: Request) {
  return commandResponse(request, "notifications:read", await jsonBody(request));
}
