import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientToServerEvents, MotionEvent, Presence } from "../../lib/protocol";
import { argumentInput } from "../support/debate";
import {
  FUZZ_BUDGET,
  FUZZ_TOTAL,
  type FuzzStore,
  fuzzLimitSettings,
  fuzzStore,
  isDocumentedRefusal,
  logOf,
  payloads,
  prototypePolluted,
} from "../support/fuzz";
import { type FuzzStage, fuzzStage, type Standing, standings } from "../support/fuzzStage";
import { type Client, hear, startRealtime, type TestRealtime } from "../support/realtime";

// Property-based tests over every Socket.IO command, against the real handlers on a real SQLite
// store with real clients. SQLite is enough for fuzzing: the doors, zod schemas and policy under
// test are the same code on both dialects, and the store contract suite holds the dialects equal.

type Command = keyof ClientToServerEvents;

/** What one command's payloads aim at: the motion whose log and room are watched. */
interface Scene {
  motionId: string;
  valid: fc.Arbitrary<object>;
}

const clientId = fc.uuid();

/** Each command's valid payloads, on motions and arguments of its own (compile-checked: all of them). */
const scenes: { [C in Command]: (s: FuzzStage) => Promise<Scene> } = {
  "motion:join": async (s) => {
    const motionId = await s.motion();
    return { motionId, valid: fc.nat(3).map((sinceSeq) => ({ motionId, sinceSeq })) };
  },
  "motion:leave": async (s) => {
    const motionId = await s.motion();
    return { motionId, valid: fc.constant({ motionId }) };
  },
  "argument:post": async (s) => {
    const motionId = await s.motion({ evidenceRequired: true });
    const parentId = await s.argumentIn(motionId);
    const valid = fc.record({
      clientId,
      reply: fc.boolean(),
      body: fc.string({ minLength: 1, maxLength: 200 }).filter((b) => b.trim() !== ""),
    });
    return {
      motionId,
      valid: valid.map(({ clientId, reply, body }) =>
        argumentInput(motionId, s.citation, {
          clientId,
          body,
          ...(reply ? { parentId, relation: "attacks" } : {}),
        }),
      ),
    };
  },
  "argument:edit": async (s) => {
    const motionId = await s.motion();
    const argumentId = await s.argumentIn(motionId);
    const valid = fc.record({ argumentId: fc.constant(argumentId), clientId, body: fc.string() });
    return { motionId, valid: valid.map((p) => ({ ...p, body: `Rewritten: ${p.body}` })) };
  },
  "argument:withdraw": async (s) => {
    const motionId = await s.motion();
    const argumentIds = await s.argumentsIn(motionId, 20);
    return {
      motionId,
      valid: fc.record({ argumentId: fc.constantFrom(...argumentIds), clientId }),
    };
  },
  "motion:vote": async (s) => {
    const motionId = await s.motion();
    const valid = fc.record({
      motionId: fc.constant(motionId),
      clientId,
      phase: fc.constantFrom("before", "after"),
      stance: fc.constantFrom("for", "against", "undecided"),
    });
    return { motionId, valid };
  },
  "argument:rate": async (s) => {
    const motionId = await s.motion();
    const argumentId = await s.argumentIn(motionId);
    const valid = fc.record({ argumentId: fc.constant(argumentId), clientId, score: fc.nat(4) });
    return { motionId, valid };
  },
  "argument:agree": async (s) => {
    const motionId = await s.motion();
    const argumentId = await s.argumentIn(motionId);
    const stance = fc.constantFrom("agree", "disagree", "pass");
    const valid = fc.record({ argumentId: fc.constant(argumentId), clientId, stance });
    return { motionId, valid };
  },
  "motion:settings": async (s) => {
    const motionId = await s.motion();
    const valid = fc.record({
      motionId: fc.constant(motionId),
      clientId,
      settings: fc.record(
        {
          evidenceRequired: fc.boolean(),
          approvalRequired: fc.boolean(),
          anonymous: fc.boolean(),
          format: fc.constantFrom("free", "oxford"),
        },
        { requiredKeys: [] },
      ),
    });
    return { motionId, valid };
  },
  "motion:lock": async (s) => {
    const motionId = await s.motion();
    const valid = fc.record({ motionId: fc.constant(motionId), clientId, locked: fc.boolean() });
    return { motionId, valid };
  },
  "moderation:hide": async (s) => {
    const motionId = await s.motion();
    const argumentIds = await s.argumentsIn(motionId, 5);
    const valid = fc.record({
      argumentId: fc.constantFrom(...argumentIds),
      clientId,
      reason: fc.constantFrom("Off topic", "Personal attack"),
    });
    return { motionId, valid };
  },
  "moderation:restore": async (s) => {
    const motionId = await s.motion();
    const argumentIds = await s.argumentsIn(motionId, 20, "hidden");
    return {
      motionId,
      valid: fc.record({ argumentId: fc.constantFrom(...argumentIds), clientId }),
    };
  },
  "argument:pin": async (s) => {
    const motionId = await s.motion();
    const argumentIds = await s.argumentsIn(motionId, 3);
    const valid = fc.record({
      argumentId: fc.constantFrom(...argumentIds),
      clientId,
      pinned: fc.boolean(),
    });
    return { motionId, valid };
  },
  "argument:spotlight": async (s) => {
    const motionId = await s.motion();
    const argumentIds = await s.argumentsIn(motionId, 3);
    const valid = fc.record({
      motionId: fc.constant(motionId),
      clientId,
      argumentId: fc.option(fc.constantFrom(...argumentIds), { nil: null }),
    });
    return { motionId, valid };
  },
  "moderation:approve": async (s) => {
    const motionId = await s.motion({ approvalRequired: true });
    const argumentIds = await s.argumentsIn(motionId, 20, "pending");
    return {
      motionId,
      valid: fc.record({ argumentId: fc.constantFrom(...argumentIds), clientId }),
    };
  },
  "moderation:reject": async (s) => {
    const motionId = await s.motion({ approvalRequired: true });
    const argumentIds = await s.argumentsIn(motionId, 20, "pending");
    const valid = fc.record({
      argumentId: fc.constantFrom(...argumentIds),
      clientId,
      reason: fc.constantFrom("", "Please cite the report."),
    });
    return { motionId, valid };
  },
  "session:phase": async (s) => {
    const motionId = await s.motion({ format: "oxford" });
    const valid = fc.record(
      {
        motionId: fc.constant(motionId),
        clientId,
        action: fc.constantFrom("start", "pause", "resume", "extend", "advance"),
        seconds: fc.integer({ min: 0, max: 7200 }),
      },
      { requiredKeys: ["motionId", "clientId", "action"] },
    );
    return { motionId, valid };
  },
  "session:timer": async (s) => {
    const motionId = await s.runningSession();
    const valid = fc.record({
      motionId: fc.constant(motionId),
      clientId,
      seconds: fc.integer({ min: 0, max: 7200 }),
    });
    return { motionId, valid };
  },
  "session:side": async (s) => {
    const motionId = await s.runningSession();
    const valid = fc.record({
      motionId: fc.constant(motionId),
      clientId,
      userId: fc.constant(s.target.id),
      side: fc.constantFrom("for", "against", null),
    });
    return { motionId, valid };
  },
  "citation:review": async (s) => {
    const motionId = await s.motion();
    const argumentId = await s.argumentIn(motionId);
    const valid = fc.record({
      argumentId: fc.constant(argumentId),
      clientId,
      position: fc.nat(2),
      action: fc.constantFrom("accept", "detach", "repick"),
      quote: fc.constant("Nobody expected the rail line to pay for itself."),
    });
    return { motionId, valid };
  },
  "motion:edit": async (s) => {
    const motionId = await s.motion({}, "draft");
    const valid = fc.record({
      motionId: fc.constant(motionId),
      clientId,
      title: fc.constantFrom("Rail freight should be run by the state", "The harbour should close"),
      description: fc.string({ maxLength: 100 }),
    });
    return { motionId, valid };
  },
  "motion:status": async (s) => {
    const motionId = await s.motion();
    const valid = fc.record({
      motionId: fc.constant(motionId),
      clientId,
      status: fc.constantFrom("open", "closed", "archived"),
    });
    return { motionId, valid };
  },
  "motion:read": async (s) => {
    const motionId = await s.motion();
    return { motionId, valid: fc.nat(3).map((seq) => ({ motionId, seq })) };
  },
  "motion:follow": async (s) => {
    const motionId = await s.motion();
    const valid = fc.record({
      motionId: fc.constant(motionId),
      clientId,
      state: fc.constantFrom("following", "unfollowed", "muted"),
    });
    return { motionId, valid };
  },
};

const commands = Object.keys(scenes) as Command[];
const runsPerCommand = Math.ceil(FUZZ_BUDGET.socket / commands.length);

/** The arguments a client emits: the payload, or none, or one too many. */
const emitted = (payload: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 20, arbitrary: payload.map((p) => [p]) },
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: payload.map((p) => [p, p]) },
  );

describe("fuzzed Socket.IO commands (P-FUZZ-1)", () => {
  let db: FuzzStore;
  let server: TestRealtime;
  let stage: FuzzStage;
  const sockets = {} as Record<Standing, Client>;
  let onlooker: Client;
  /** What the onlooker heard since it was last cleared. */
  const heard: (MotionEvent | Presence)[] = [];
  const faults: unknown[] = [];
  const fault = (error: unknown) => faults.push(error);
  let sent = 0;
  /** Accepted payloads whose writes the witness saw: proof it is awake. */
  let witnessed = 0;
  /** How the payloads were answered: "ok" or the refusal's code, with counts. */
  const answers = new Map<string, number>();

  beforeAll(async () => {
    process.on("unhandledRejection", fault);
    process.on("uncaughtException", fault);
    db = fuzzStore();
    server = await startRealtime(db.store, undefined, fuzzLimitSettings);
    stage = await fuzzStage(db.store);
    for (const standing of standings)
      sockets[standing] = await server.client(stage.people[standing]);
    onlooker = await server.client(stage.onlooker);
    hear(onlooker, "event", (event) => heard.push(event));
    onlooker.on("presence:update", (presence) => heard.push(presence));
  });
  afterAll(async () => {
    process.off("unhandledRejection", fault);
    process.off("uncaughtException", fault);
    await server?.close();
    await db?.dispose();
  });

  /**
   * A round trip through the server: what it published before it read this reaches the socket
   * before the answer, so afterwards "nothing arrived" means nothing was sent.
   */
  async function roundTrip(socket: Client) {
    const answer = await socket
      .timeout(10_000)
      .emitWithAck("motion:leave", { motionId: "round-trip" });
    expect(answer.ok || isDocumentedRefusal(answer.error)).toBe(true);
  }

  it("every event the server handles is fuzzed", async () => {
    const socket = await server.client(stage.people.participant);
    // The client's id is the id the server knows its connection by.
    const handled = server.io.sockets.sockets.get(socket.id ?? "")?.eventNames() ?? [];
    const lifecycle = ["disconnecting", "disconnect", "error"];
    const events = handled.map(String).filter((event) => !lifecycle.includes(event));
    expect(events.sort()).toEqual([...commands].sort());
    socket.disconnect();
  });

  for (const command of commands) {
    it(`${command}: any payload is answered ok or with a documented code; a refusal stores and sends nothing`, async () => {
      const scene = await scenes[command](stage);
      const join = await onlooker.emitWithAck("motion:join", { motionId: scene.motionId });
      expect(join.ok).toBe(true);
      let lastAccepted = true;
      const property = fc.asyncProperty(
        fc.constantFrom(...standings),
        emitted(payloads(scene.valid, stage.ids)),
        async (standing, args) => {
          // An accepted command's presence or events may still be on their way: let them land.
          if (lastAccepted) await roundTrip(onlooker);
          heard.length = 0;
          const writes = db.writes();
          const log = await logOf(db.store, scene.motionId);
          // The payload is whatever fast-check made, not the command's type.
          const socket = sockets[standing].timeout(10_000) as unknown as {
            emitWithAck(...a: unknown[]): Promise<{ ok: boolean; error?: unknown }>;
          };
          const answer = await socket.emitWithAck(command, ...args);
          sent += 1;
          expect(typeof answer).toBe("object");
          lastAccepted = answer.ok === true;
          const code = lastAccepted ? "ok" : String((answer.error as { code?: unknown })?.code);
          answers.set(code, (answers.get(code) ?? 0) + 1);
          if (lastAccepted) {
            if (db.writes() !== writes) witnessed += 1;
            return;
          }
          expect(answer.ok).toBe(false);
          expect(isDocumentedRefusal(answer.error), JSON.stringify(answer)).toBe(true);
          await roundTrip(onlooker);
          expect(heard).toEqual([]);
          expect(db.writes()).toBe(writes);
          expect(await logOf(db.store, scene.motionId)).toEqual(log);
        },
      );
      await fc.assert(property, { numRuns: runsPerCommand });
      for (const standing of standings) await roundTrip(sockets[standing]);
    });
  }

  it(`sent at least its share of ${FUZZ_TOTAL} payloads, kept every connection, and nothing threw`, async () => {
    expect(FUZZ_BUDGET.socket + FUZZ_BUDGET.rest).toBeGreaterThanOrEqual(FUZZ_TOTAL);
    expect(sent).toBeGreaterThanOrEqual(FUZZ_BUDGET.socket);
    expect(witnessed).toBeGreaterThan(0);
    for (const socket of [...Object.values(sockets), onlooker]) {
      expect(socket.connected).toBe(true);
      await roundTrip(socket);
    }
    expect(faults).toEqual([]);
    expect(prototypePolluted()).toBe(false);
    const tally = [...answers].map(([code, count]) => `${code} ${count}`).join(", ");
    console.info(`fuzz-socket: ${sent} payloads over ${commands.length} commands (${tally})`);
  });
});
