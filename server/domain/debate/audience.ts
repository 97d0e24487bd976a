import type { ArgumentNode, ArgumentView } from "../../../lib/debate";
import type { MotionEvent, Presence } from "../../../lib/protocol";
import type { SessionState } from "../../../lib/session";
import type { MotionView } from "../../../lib/views";

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

/** Whose the event is: a private event's one reader, an argument's author, a speaker assigned. */
export function ownerOf(event: MotionEvent): string {
  const data = event.data as { onlyFor?: string; argument?: ArgumentView; userId?: string };
  return data.onlyFor ?? data.argument?.author.id ?? data.userId ?? event.actor;
}

const isPrivate = (event: MotionEvent) => typeof event.data.onlyFor === "string";

/** An event as someone who may not see it gets it: its place in the sequence, nothing more. */
export const stubOf = (event: MotionEvent): MotionEvent => ({
  ...event,
  type: "private",
  data: {},
  actor: "",
});

export function disguiseArgument<T extends ArgumentView>(argument: T): T {
  const n = argument.pseudonym;
  // Arguments logged before pseudonyms were kept have none: they name nobody either way.
  const author = n ? { id: `participant-${n}`, name: pseudonymName(n) } : unnamed;
  return { ...argument, author };
}

const unnamed = { id: "participant", name: "A participant" };

/**
 * The session as a viewer may know it: in an anonymous motion who speaks for which side would
 * name the speakers' statements, so a participant learns only their own side.
 */
export function sessionForViewer(session: SessionState, viewer: Viewer, anonymous: boolean) {
  if (!anonymous || viewer.moderates) return session;
  const own = session.sides[viewer.id];
  return { ...session, sides: own ? { [viewer.id]: own } : {} };
}

export function eventForViewer(event: MotionEvent, viewer: Viewer, anonymous: boolean) {
  if (viewer.moderates) return event;
  if (viewer.id !== "" && ownerOf(event) === viewer.id) {
    if (!anonymous) return event;
    // Their own post or side, whole; but who else acted on it (a moderator) and who else speaks
    // for which side stay as unnamed as anywhere.
    const { session } = event.data as { session?: SessionState };
    const data = session
      ? { ...event.data, session: sessionForViewer(session, viewer, anonymous) }
      : event.data;
    return { ...event, data, actor: event.actor === viewer.id ? event.actor : "" };
  }
  if (isPrivate(event)) return stubOf(event);
  if (!anonymous) return event;
  // The speakers are left out (a client keeps the side it knows); so is who was assigned.
  const {
    argument,
    session,
    userId: _,
    side: __,
    ...rest
  } = event.data as {
    argument?: ArgumentView;
    session?: SessionState;
    userId?: string;
    side?: string;
  };
  const data: Record<string, unknown> = { ...rest };
  if (argument) data.argument = disguiseArgument(argument);
  if (session) data.session = { ...session, sides: undefined };
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

/** A motion as the room at large may see it: published arguments, and pseudonyms if anonymous. */
export function asTheRoomSeesIt(view: MotionView): MotionView {
  const seen = new Set(["published", "withdrawn", "hidden"]);
  const shown = (nodes: ArgumentNode[]): ArgumentNode[] =>
    nodes
      .filter((node) => seen.has(node.status))
      .map((node) => ({
        ...node,
        ...(node.status === "hidden" ? { body: "", citations: [] } : {}),
        children: shown(node.children),
      }));
  const { anonymous } = view.settings;
  return {
    ...view,
    arguments: treeForViewer(shown(view.arguments), bystander, anonymous),
    session: sessionForViewer(view.session, bystander, anonymous),
  };
}
