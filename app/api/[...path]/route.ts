import { failure } from "@/lib/result";
import { errorResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** Any /api path no route answers: a JSON 404 like every other API error, not an HTML page. */
function noSuchRoute(request: Request) {
  const { pathname } = new URL(request.url);
  return errorResponse(failure("not_found", `No API route ${request.method} ${pathname}.`));
}

export {
  noSuchRoute as DELETE,
  noSuchRoute as GET,
  noSuchRoute as PATCH,
  noSuchRoute as POST,
  noSuchRoute as PUT,
};
