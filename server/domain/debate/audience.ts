import type { ArgumentNode, ArgumentView } from "../../../lib/debate";
import type { MotionEvent, Presence } from "../../../lib/protocol";

/**
 * Who may see what of a motion's log. A moderator sees everything. An event's owner (the author
 * of the argument it is about, or who acted) sees it whole. Anyone else gets, for a private event
 * (a pending post and what happens to it: `data.onlyFor`), a stub that keeps the sequence and
 * says nothing; and in an anonymous motion, every name as the author's pseudonym.
 */
export interface Viewer {
  id: string;
  moderates: boolean;
}

/** A viewer who neither moderates nor owns anything: the room at large. */
export const bystander: Viewer = { id: "", moderates: false };

/** An event as the server sends it, with the motion's anonymity when it was committed. */
export type OutgoingEvent = MotionEvent & { anonymous?: boolean };

export const pseudonymName = (n: number) => `Participant ${n}`;

export function ownerOf(event: MotionEvent): string {
  const data = event.data as { onlyFor?: string; argument?: ArgumentView };
  return data.onlyFor ?? data.argument?.author.id ?? event.actor;
}

const isPrivate = (event: MotionEvent) => typeof event.data.onlyFor === "string";

export function disguiseArgument<T extends ArgumentView>(argument: T): T {
  const n = argument.pseudonym;
  return { ...argument, author: { id: `participant-${n}`, name: pseudonymName(n) } };
}

export function eventForViewer(event: MotionEvent, viewer: Viewer, anonymous: boolean) {
  if (viewer.moderates || (viewer.id !== "" && ownerOf(event) === viewer.id)) return event;
  if (isPrivate(event)) {
    return { ...event, type: "private", data: {}, actor: "" } satisfies MotionEvent;
  }
  if (!anonymous) return event;
  const argument = event.data.argument as ArgumentView | undefined;
  const data = argument ? { ...event.data, argument: disguiseArgument(argument) } : event.data;
  return { ...event, data, actor: "" };
}

/** A motion's tree as a viewer may read it: others' names as pseudonyms when anonymous. */
export function treeForViewer(nodes: ArgumentNode[], viewer: Viewer, anonymous: boolean) {
  if (!anonymous || viewer.moderates) return nodes;
  const walk = (list: ArgumentNode[]): ArgumentNode[] =>
    list.map((node) => {
      const shown = node.author.id === viewer.id ? node : disguiseArgument(node);
      return { ...shown, children: walk(node.children) };
    });
  return walk(nodes);
}

/** Who is here, for those who may not learn names in an anonymous motion: only how many. */
export const namelessPresence = (presence: Presence): Presence => ({
  ...presence,
  people: [],
  unnamed: presence.people.length,
});
