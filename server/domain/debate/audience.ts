import type { ArgumentNode, ArgumentView } from "../../../lib/debate";
import {
  type MotionEvent,
  PRIVATE_EVENT,
  type Presence,
  type SharedSession,
} from "../../../lib/protocol";
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

export const pseudonymName = (n: number) => `Participant ${n}`;

/** Whose the event is: a private event's one reader, an argument's author, a speaker assigned. */
export function ownerOf(event: MotionEvent): string {
  const { data } = event;
  if ("onlyFor" in data && data.onlyFor !== undefined) return data.onlyFor;
  if ("argument" in data) return data.argument.author.id;
  if ("userId" in data && data.userId !== undefined) return data.userId;
  return event.actor;
}

const isPrivate = (event: MotionEvent) =>
  "onlyFor" in event.data && typeof event.data.onlyFor === "string";

/** An event as someone who may not see it gets it: its place in the sequence, nothing more. */
export const stubOf = ({ motionId, seq, at }: MotionEvent): MotionEvent => ({
  motionId,
  seq,
  type: PRIVATE_EVENT,
  data: {},
  actor: "",
  at,
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
export function sessionForViewer<S extends SharedSession>(
  session: S,
  viewer: Viewer,
  anonymous: boolean,
): S {
  if (!anonymous || viewer.moderates) return session;
  const own = session.sides?.[viewer.id];
  return { ...session, sides: own ? { [viewer.id]: own } : {} };
}

export function eventForViewer(
  event: MotionEvent,
  viewer: Viewer,
  anonymous: boolean,
): MotionEvent {
  if (viewer.moderates) return event;
  return forReaders(withoutModeratorsNews(event), viewer, anonymous);
}

/**
 * What only a moderator learns from an event: that arguments a moderator hid hang below one
 * withdrawn, or keep the threads above it lively. The same event where there is none, so the
 * room's copy is the moderators' too.
 */
function withoutModeratorsNews(event: MotionEvent): MotionEvent {
  if (event.type !== "argument.withdrawn") return event;
  const { repliedForModerators, latestForModerators } = event.data;
  if (!repliedForModerators && !latestForModerators) return event;
  const { repliedForModerators: _replied, latestForModerators: _latest, ...data } = event.data;
  return { ...event, data };
}

/** eventForViewer, for a viewer who does not moderate. */
function forReaders(event: MotionEvent, viewer: Viewer, anonymous: boolean): MotionEvent {
  if (viewer.id !== "" && ownerOf(event) === viewer.id) {
    if (!anonymous) return event;
    // Their own post or side, whole; but who else acted on it (a moderator) and who else speaks
    // for which side stay as unnamed as anywhere.
    const own = withSession(event, (session) => sessionForViewer(session, viewer, anonymous));
    return { ...own, actor: event.actor === viewer.id ? event.actor : "" };
  }
  if (isPrivate(event)) return stubOf(event);
  if (!anonymous) return event;
  // Others' names as pseudonyms; the speakers are left out (a client keeps the side it knows),
  // and so is who was assigned. Sides cleared (a new format) name nobody: they are sent, so a
  // speaker's page learns it speaks no more.
  const disguised = withSession(event, (session) => ({
    ...session,
    sides: session.sides && Object.keys(session.sides).length === 0 ? {} : undefined,
  }));
  switch (disguised.type) {
    case "argument.posted":
    case "argument.approved":
    case "argument.restored": {
      const argument = disguiseArgument(disguised.data.argument);
      return { ...disguised, data: { ...disguised.data, argument }, actor: "" };
    }
    case "argument.submitted": {
      const argument = disguiseArgument(disguised.data.argument);
      return { ...disguised, data: { ...disguised.data, argument }, actor: "" };
    }
    case "session.side": {
      const { userId: _, side: __, ...data } = disguised.data;
      return { ...disguised, data, actor: "" };
    }
    case "author.deleted":
      return { ...disguised, data: { ...disguised.data, authorId: "" }, actor: "" };
    case "author.renamed":
      return { ...disguised, data: { ...disguised.data, authorId: "", name: "" }, actor: "" };
    default:
      return { ...disguised, actor: "" };
  }
}

/**
 * The event with the session it carries (the four types that carry one) as `shown` makes it.
 * One case per type, so the compiler pairs each type with its own data.
 */
function withSession(
  event: MotionEvent,
  shown: (session: SharedSession) => SharedSession,
): MotionEvent {
  switch (event.type) {
    case "motion.settings":
      return { ...event, data: { ...event.data, session: shown(event.data.session) } };
    case "session.phase":
      return { ...event, data: { ...event.data, session: shown(event.data.session) } };
    case "session.timer":
      return { ...event, data: { ...event.data, session: shown(event.data.session) } };
    case "session.side":
      return { ...event, data: { ...event.data, session: shown(event.data.session) } };
    default:
      return event;
  }
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
