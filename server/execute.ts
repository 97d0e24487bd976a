import type { Store } from "../db/store";
import type { OutgoingEvent } from "../lib/protocol";
import type { Command } from "./domain/commands";
import { type CommandName, commands, limitFamilyOf, type ValueOf } from "./domain/commands";
import type { Outcome } from "./domain/outcome";
import type { Actor } from "./policy";
import type { RateLimits } from "./rateLimits/limiter";
import { attemptFamilies } from "./rateLimits/table";
import { type Runtime, runtime } from "./runtime";

/**
 * How a door hands a command over. `address`: the client's address, to count the command's
 * limit family against (with the actor's own count). `counted`: the door has counted it already
 * (Socket.IO counts every event before its handler, server/realtime/limits.ts; an upload is
 * counted before its body is read, server/bodyGate.ts), so it is not counted twice.
 * `answer` is called with the outcome before its events go out, so a client hears its own
 * answer before the room hears the event.
 */
export type Door = ({ address: string } | { counted: true }) & {
  answer?: (outcome: Outcome<unknown>) => void;
};

export type Execute = <N extends CommandName>(
  name: N,
  actor: Actor,
  input: unknown,
  door: Door,
) => Promise<Outcome<ValueOf<N>>>;

export type ExecuteDeps = { store: Store; limits: RateLimits; publish: Runtime["publish"] };

/**
 * The one way a command runs, whatever the door: count its rate limit, run it (it parses, asks
 * the policy and commits), then publish its events and carry out its effects. A try of an
 * attempt family (a sign-up, a guest's join) counts once it is known whether it succeeded.
 */
export function executor(deps: ExecuteDeps): Execute {
  return async (name, actor, input, door) => {
    const command = commands[name] as Command<ValueOf<typeof name>>;
    const family = limitFamilyOf(command, actor);
    const counted = family !== undefined && "address" in door ? door.address : null;
    if (family && counted !== null) {
      const refused = await deps.limits.consume(family, actor, counted);
      if (refused) {
        door.answer?.(refused);
        return refused;
      }
    }
    const outcome = await command.run(deps.store, actor, input);
    if (family && counted !== null && attemptFamilies.has(family)) {
      await deps.limits.settle(family, counted, outcome.ok);
    }
    if (outcome.ok) checkEmits(name, command, outcome.events);
    door.answer?.(outcome);
    if (outcome.ok) deps.publish(outcome.events, outcome.effects);
    return outcome;
  };
}

/**
 * A command publishes only the event types its entry lists (`emits`), which the documentation
 * and the tests read. Its events are committed by now, so outside the tests one that strays is
 * only reported, loudly, naming both (and not at all in production). Under the tests it throws
 * before the answer (a socket's ack becomes `internal`, a route fails), so every test that runs
 * a command through a door proves its entry.
 */
function checkEmits(name: CommandName, command: Command<unknown>, events: OutgoingEvent[]) {
  if (process.env.NODE_ENV === "production") return;
  const listed = new Set<string>(command.emits);
  for (const { type } of events) {
    if (listed.has(type)) continue;
    const message = `${name} published ${type}, which its emits in server/domain/commands.ts does not list`;
    if (process.env.VITEST) throw new Error(message);
    console.error(`!!! ${message}`);
  }
}

/** `executor` over the process's runtime: for route handlers and server actions. */
export const execute: Execute = (name, actor, input, door) =>
  executor(runtime())(name, actor, input, door);
