import type { Store } from "../../../db/store";
import type { ArgumentNode, CitationView, Stance, VotePhase } from "../../../lib/debate";
import { supportShift } from "../../../lib/debate";
import type { OpinionsOutline } from "../../../lib/opinionGroups";
import type { MotionEvent } from "../../../lib/protocol";
import { type Mover, type Winner, winnerOf, winnerSentence } from "../../../lib/results";
import type { BlockView, MotionView } from "../../../lib/views";
import type { Actor } from "../../policy";
import { eventForViewer, stubOf } from "../debate/audience";
import { namesOf } from "../debate/guards";
import { opinionsOutline } from "../debate/opinions";
import { getMotion, openedAt, withoutHiddenWords } from "../debate/queries";
import { motionResult, wholeLog } from "../debate/results";
import { toMotionEvent } from "../events";
import { done, type Outcome } from "../outcome";

/** One version of a cited document, with what it takes to make it again elsewhere. */
export interface VersionCopy {
  id: string;
  number: number;
  contentHash: string;
  fileName: string | null;
  text: string;
  blocks: BlockView[];
}

/** A document the motion's sources or arguments cite, with the versions they point into. */
export interface DocumentCopy {
  id: string;
  title: string;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  sourceUrl: string | null;
  note: string | null;
  currentVersionId: string | null;
  versions: VersionCopy[];
}

export interface Ballot {
  user: { id: string; name: string };
  phase: VotePhase;
  stance: Stance;
  castAt: string;
}

/**
 * A debate as one viewer may read it, the one view every export format is made from: the
 * motion and its tree exactly as the motion's page shows them to the viewer (pending posts for
 * their authors and the moderators, hidden and withdrawn ones as wordless placeholders while
 * replies hang from them, "Participant N" for others in an anonymous motion), the log as a
 * replay gives it to them, and who voted how for the moderators alone (others get the tallies).
 */
export interface DebateView {
  motion: MotionView;
  moderates: boolean;
  result: { winner: Winner | null; shift: number; sentence: string | null };
  /** Moderators only: each vote, and who changed their mind. */
  ballots: Ballot[] | null;
  movers: Mover[] | null;
  /** The room's opinion groups, what every group agrees with and what divides them. */
  opinions: OpinionsOutline | null;
  events: MotionEvent[];
  documents: DocumentCopy[];
  /** Where the app is served, for the links the formats carry (https://moot.example). */
  origin: string;
  exportedAt: string;
}

/** Every argument of a tree, parents before their replies, oldest first at every level. */
export function flatten(nodes: ArgumentNode[]): ArgumentNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** The passages a view points at: the motion's sources and every argument's citations. */
export function passagesOf(motion: MotionView): CitationView[] {
  return [...motion.sources, ...flatten(motion.arguments).flatMap((a) => a.citations)];
}

/** The log as a replay from the start gives it to the viewer (see eventsSince). */
async function eventsFor(store: Store, actor: Actor, motion: MotionView, moderates: boolean) {
  const viewer = { id: actor.id, moderates };
  const { anonymous } = motion.settings;
  const events = (await wholeLog(store, motion.id)).map((row) =>
    eventForViewer(toMotionEvent(row), viewer, anonymous),
  );
  if (moderates) return events;
  const opened = await openedAt(store, motion.id);
  // An event about the viewer's own argument comes whole in a replay, with who acted on it (the
  // moderator who approved it): in an anonymous motion a file keeps only the viewer's own acts.
  const unsigned = (e: MotionEvent) =>
    anonymous && e.actor !== actor.id ? { ...e, actor: "" } : e;
  const public_ = events.map((e) => (e.seq < opened ? stubOf(e) : unsigned(e)));
  return withoutHiddenWords(store, { id: motion.id, lastSeq: motion.seq }, public_);
}

async function documentsOf(store: Store, passages: CitationView[]): Promise<DocumentCopy[]> {
  const versionsByDocument = new Map<string, Set<string>>();
  for (const passage of passages) {
    const ids = versionsByDocument.get(passage.documentId) ?? new Set<string>();
    ids.add(passage.versionId);
    if (passage.anchor.versionId) ids.add(passage.anchor.versionId);
    versionsByDocument.set(passage.documentId, ids);
  }
  const copies: DocumentCopy[] = [];
  for (const [documentId, versionIds] of versionsByDocument) {
    const document = await store.documents.get(documentId);
    if (!document) continue;
    const versions: VersionCopy[] = [];
    for (const versionId of versionIds) {
      const version = await store.documents.version(versionId);
      if (!version) continue;
      const blocks = await store.documents.blocks(versionId);
      versions.push({
        id: version.id,
        number: version.number,
        contentHash: version.contentHash,
        fileName: version.fileName,
        text: version.text,
        blocks: blocks.map(({ kind, level, start, end }) => ({ kind, level, start, end })),
      });
    }
    copies.push({
      id: document.id,
      title: document.title,
      author: document.author,
      publisher: document.publisher,
      publishedAt: document.publishedAt,
      sourceUrl: document.sourceUrl,
      note: document.note,
      currentVersionId: document.currentVersionId,
      versions: versions.sort((a, b) => a.number - b.number),
    });
  }
  return copies;
}

async function ballotsOf(store: Store, motionId: string): Promise<Ballot[]> {
  const votes = await store.votes.list(motionId);
  const names = await namesOf(
    store,
    votes.map((v) => v.userId),
  );
  return votes.map((v) => ({
    user: { id: v.userId, name: names.get(v.userId) ?? v.userId },
    phase: v.phase,
    stance: v.stance,
    castAt: v.castAt.toISOString(),
  }));
}

/**
 * The debate as `actor` may read it: whoever may open the motion's page may export it (a
 * visitor, the open motions of a public space), and gets what that page shows them.
 */
export async function debateView(
  store: Store,
  actor: Actor,
  motionId: unknown,
  origin: string,
): Promise<Outcome<DebateView>> {
  const found = await getMotion(store, actor, motionId);
  if (!found.ok) return found;
  const motion = found.value;
  const moderates = motion.can.moderate;
  const moderated = moderates ? await motionResult(store, actor, motion.id) : null;
  return done({
    motion,
    moderates,
    result: {
      winner: winnerOf(motion.votes),
      shift: supportShift(motion.votes),
      sentence: winnerSentence(motion.votes),
    },
    ballots: moderates ? await ballotsOf(store, motion.id) : null,
    movers: moderated?.ok ? moderated.value.movers : null,
    opinions: await (async () => {
      const outline = await opinionsOutline(store, motion.id);
      return "ok" in outline ? null : outline;
    })(),
    events: await eventsFor(store, actor, motion, moderates),
    documents: await documentsOf(store, passagesOf(motion)),
    origin,
    exportedAt: new Date().toISOString(),
  });
}
