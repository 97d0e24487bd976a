import { type Failure, failure } from "../lib/result";
import { type CommandName, commands, isCommandName, type RestShape } from "./domain/commands";
import { getArgument } from "./domain/debate/queries";
import {
  commandInput,
  commandResponse,
  creationResponse,
  errorResponse,
  requestActor,
  restDoor,
} from "./http";
import { runtime } from "./runtime";

const idField = { motion: "motionId", argument: "argumentId" } as const;

/**
 * The commands of these routes that make something, answered as a creation (docs/api.md,
 * "Creation answers"): 201, the new resource as its own GET gives it, and its Location.
 */
const creations: Partial<
  Record<CommandName, (request: Request, input: unknown) => Promise<Response>>
> = {
  "argument:post": async (request, input) => {
    const actor = await requestActor(request);
    return creationResponse("argument:post", actor, input, restDoor(request), {
      read: ({ argument }) => getArgument(runtime().store, actor, argument.id),
      location: ({ id }) => `/api/arguments/${id}`,
    });
  },
};

/**
 * `POST /api/<resource>s/:id/commands/:name`: the registry's command `name` (its Socket.IO event
 * name, e.g. `argument:pin`) on the motion or argument of the path, with the socket payload as
 * the body minus the path's id. Answers what the socket's ack carries, or a creation as such.
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
  if (!target) {
    // A space's or an account's command is served by a route of its own, not under these.
    const message = `No such command here: ${decoded} acts on neither a motion nor an argument.`;
    return errorResponse(failure("not_found", message));
  }
  if (target !== on) {
    const an = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
    return errorResponse(
      failure("invalid_input", `${decoded} acts on ${an(target)}, not ${an(on)}.`),
    );
  }
  const input = await commandInput(request, { [idField[on]]: id });
  if (!input.ok) return errorResponse(input);
  const create = creations[decoded];
  return create ? create(request, input.body) : commandResponse(request, decoded, input.body);
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * Which command an older `PATCH` body's field names: one name, or one that depends on the
 * field's value (a refusal where no command takes that value).
 */
export type PatchField = readonly [
  field: string,
  command: CommandName | ((value: unknown) => CommandName | Failure),
];

/**
 * The one command a `PATCH` body's fields name (`fields`), `fallback` where it names none. A body
 * with the fields of two commands is refused: running one and dropping the other would answer
 * 200 for a change never made.
 */
function namedBy(
  body: Record<string, unknown>,
  fields: readonly PatchField[],
  fallback: CommandName,
): CommandName | Failure {
  const named = new Map<CommandName, string>();
  for (const [field, command] of fields) {
    if (!(field in body)) continue;
    const name = typeof command === "function" ? command(body[field]) : command;
    if (typeof name !== "string") return name;
    if (!named.has(name)) named.set(name, field);
  }
  if (named.size > 1) {
    const given = [...named.values()].join(" and ");
    return failure("invalid_input", `body: ${given} are separate changes; send one at a time`);
  }
  return named.keys().next().value ?? fallback;
}

/**
 * The older `PATCH /api/<resource>s/:id` form: the body's fields say which command it is (the
 * route's table, `fallback` where none of them is there), some under names of their own that
 * the registry renames. Runs like the command route.
 */
export async function patchAlias(
  request: Request,
  on: RestShape["on"],
  id: string,
  fields: readonly PatchField[],
  fallback: CommandName,
): Promise<Response> {
  const read = await commandInput(request, { [idField[on]]: id });
  if (!read.ok) return errorResponse(read);
  const { body } = read;
  const name = namedBy(body, fields, fallback);
  if (typeof name !== "string") return errorResponse(name);
  const renames = commands[name].rest?.renames ?? {};
  const input = { ...body };
  for (const [from, to] of Object.entries(renames)) {
    if (from in body) input[to] = body[from];
  }
  return commandResponse(request, name, input);
}
