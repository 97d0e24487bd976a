import { commandResponse, errorResponse, jsonBody } from "@/server/http";

export const dynamic = "force-dynamic";

/** Marks notifications read: {ids: [...]} or {all: true}; answers how many remain unread. */
export async function POST(request: Request) {
  const input = await jsonBody(request);
  return input.ok
    ? commandResponse(request, "notifications:read", input.body)
    : errorResponse(input);
}
