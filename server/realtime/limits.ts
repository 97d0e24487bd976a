import { commands, isSocketCommand, limitFamilyOf } from "../domain/commands";
import type { Actor } from "../policy";
import type { RateLimits } from "../rateLimits/limiter";
import type { LimitFamily } from "../rateLimits/table";
import type { MootSocket } from "./index";

/**
 * The limit family an event counts against, beyond the budget of its connection: a command's
 * own (server/domain/commands.ts, the same every door counts), or a join's. An event no handler
 * serves (another door's command, such as `debate:import`, or an unknown name) counts only
 * against the budget: it does nothing, so it spends no family's allowance.
 */
function familyOf(event: string, actor: Actor): LimitFamily | undefined {
  if (event === "motion:join") return "joins";
  return isSocketCommand(event) ? limitFamilyOf(commands[event], actor) : undefined;
}

type Readable = { pause(): void; resume(): void; isPaused: boolean };

/** Well inside Engine.IO's ping timeout (20 s), so a paused connection is never dropped for it. */
const LONGEST_PAUSE_MS = 5_000;

/**
 * Stops reading a connection that was refused for going too fast, for as long as the refusal
 * says (at most a few seconds): what it sends meanwhile waits in its own buffers and costs the
 * server nothing, so a flood cannot crowd out everyone else's events. A page that honours the
 * refusal sends nothing meanwhile anyway. Only a WebSocket can be paused; a long-polling client is
 * refused each time instead.
 */
function stopReading(socket: MootSocket, ms: number) {
  const transport = socket.conn.transport as { name: string; socket?: Partial<Readable> };
  const ws = transport.name === "websocket" ? transport.socket : undefined;
  if (!ws?.pause || !ws.resume || ws.isPaused) return;
  ws.pause();
  // Spread over a second: many connections refused together are not all read again at once.
  setTimeout(() => ws.resume?.(), Math.min(ms, LONGEST_PAUSE_MS) + Math.random() * 1000);
}

/**
 * Every event of the connection passes here before its handler: over the connection's or the
 * account's budget (P-RATE-2), or over its family's limit for the account or address (P-RATE-1),
 * it is answered rate_limited with retryAfterMs through its ack and never reaches the handler;
 * without an ack it is dropped. Only the sender's own budgets and limits stop the connection
 * being read: a classmate is not paused because the address they share is busy.
 */
export function limitEvents(socket: MootSocket, limits: RateLimits) {
  if (!limits.on) return;
  const { actor, address } = socket.data;
  const accountKey = actor.kind === "user" ? `user:${actor.id}` : `address:${address}`;
  socket.use(async ([event, ...args], next) => {
    const family = familyOf(event, actor);
    const own = await limits.consumeEvent(socket.id, accountKey);
    const refused = own
      ? { refusal: own, shared: false }
      : family
        ? await limits.check(family, socket.data.actor, socket.data.address)
        : null;
    if (!refused) return next();
    const { refusal, shared } = refused;
    if (!shared) stopReading(socket, refusal.error.retryAfterMs);
    const ack = args.at(-1);
    if (typeof ack === "function") ack(refusal);
  });
}
