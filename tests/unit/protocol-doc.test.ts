import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MOTION_EVENT_TYPES, PRIVATE_EVENT } from "../../lib/protocol";
import { type CommandName, commands, socketCommands } from "../../server/domain/commands";

const doc = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), "utf8");
const protocol = doc("protocol.md");

/** The events that move a connection between rooms: served by server/realtime/motion.ts. */
const roomDoors = ["motion:join", "motion:leave"];

/**
 * The commands docs/protocol.md's "Client to server" documents: the first column of its command
 * tables, and the events that have a heading of their own.
 */
function documentedCommands(): string[] {
  const start = protocol.indexOf("## Client to server");
  const section = protocol.slice(start, protocol.indexOf("\n## ", start + 1));
  const rows = [...section.matchAll(/^\| `([a-z]+:[a-z]+)`/gm)].map((match) => match[1] ?? "");
  const headings = [...section.matchAll(/^### `([a-z]+:[a-z]+)`/gm)].map((match) => match[1] ?? "");
  return [...rows, ...headings].filter((name) => !roomDoors.includes(name));
}

describe("docs/protocol.md keeps to the command registry", () => {
  it("documents every command the registry serves over Socket.IO, and no other", () => {
    const documented = documentedCommands();
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...socketCommands].sort());
  });

  it("docs/api.md lists each REST command route's commands, as the registry places them", () => {
    const api = doc("api.md");
    const section = api.slice(api.indexOf("## Commands by name"), api.indexOf("`:name` is"));
    // One list item per route: "- on a motion, `POST ...`: `a:b`, ...;" and "- on an argument, ...".
    const items = section.split("\n- ").slice(1);
    for (const on of ["motion", "argument"] as const) {
      const item = items.find(
        (text) => text.startsWith(`on a ${on},`) || text.startsWith(`on an ${on},`),
      );
      const listed = [...(item ?? "").matchAll(/`([a-z]+:[a-z]+)`/g)].map(
        (match) => match[1] ?? "",
      );
      const placed = (Object.keys(commands) as CommandName[]).filter(
        (name) => commands[name].rest?.on === on,
      );
      expect([...listed].sort()).toEqual(placed.sort());
    }
  });
});

describe("docs/protocol.md keeps to the event union", () => {
  it("its envelope table lists every event type of lib/protocol.ts, and no other", () => {
    const start = protocol.indexOf("## Envelope");
    const section = protocol.slice(start, protocol.indexOf("\n## ", start + 1));
    const documented = [...section.matchAll(/^\| `([a-z]+(?:\.[a-z]+)?)`/gm)].map(
      (match) => match[1] ?? "",
    );
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...MOTION_EVENT_TYPES, PRIVATE_EVENT].sort());
  });

  it("every command's events are event types of the union", () => {
    const known = new Set<string>(MOTION_EVENT_TYPES);
    for (const name of Object.keys(commands) as CommandName[]) {
      for (const type of commands[name].emits)
        expect(known, `${name} emits ${type}`).toContain(type);
    }
  });
});
