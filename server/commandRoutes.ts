import { failure } from "../lib/result";
import { type CommandName, commands, isCommandName, type RestShape } from "./domain/commands";
import { commandInput, commandResponse, errorResponse } from "./http";

const idField = { motion: "motionId", argument: "argumentId" } as const;

/**
 * `POST /api/<resource>s/:id/commands/:name`: the registry's command `name` (its Socket.IO event
 * name, e.g. `argument:pin`) on the motion or argument of the path, with the socket payload as
 * the body minus the path's id. Answers what the socket's ack carries.
 */
export async function commandRoute(
  request: Request,
  on: RestShape["on"],
  id: string,
  name: string,
): Promise<Response> {
  // A client may send the colon as is or encoded; the router may hand it over either way.
  const decoded = safeDecode(name);
  if (!isCommandName(decoded)) {
    return errorResponse(failure("not_found", `There is no command named "${decoded}".`));
  }
  const target = commands[decoded].rest?.on;
  if (target !== on) {
    const where = target ? `a ${target}` : "neither a motion nor an argument";
    return errorResponse(failure("invalid_input", `${decoded} acts on ${where}, not a ${on}.`));
  }
  const input = await commandInput(request, { [idField[on]]: id });
  return commandResponse(request, decoded, input);
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * The older `PATCH /api/<resource>s/:id` form: the body's fields say which command it is (the
 * route's table), some under names of their own that the registry renames. Runs like the
 * command route.
 */
export async function patchAlias(
  request: Request,
  on: RestShape["on"],
  id: string,
  pick: (body: Record<string, unknown>) => CommandName,
): Promise<Response> {
  const body: Record<string, unknown> = await commandInput(request, { [idField[on]]: id });
  const name = pick(body);
  const renames = commands[name].rest?.renames ?? {};
  const input = { ...body };
  for (const [from, to] of Object.entries(renames)) {
    if (from in body) input[to] = body[from];
  }
  return commandResponse(request, name, input);
}
