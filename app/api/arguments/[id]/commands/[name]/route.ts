import { commandRoute } from "@/server/commandRoutes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; name: string }> };

/** A command on the argument by its name, e.g. `argument:pin` (docs/api.md, "Commands"). */
export async function POST(request: Request, { params }: Context) {
  const { id, name } = await params;
  return commandRoute(request, "argument", id, name);
}
