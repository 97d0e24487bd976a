import type { Store } from "../../../db/store";
import type {
  OpinionSummary,
  OpinionsOutline,
  OpinionsUpdate,
  OpinionsView,
} from "../../../lib/opinionGroups";
import type { Failure } from "../../../lib/result";
import type { Actor } from "../../policy";
import { workPool } from "../../work/shared";
import { done, type Outcome } from "../outcome";
import { processWide } from "../processWide";
import { judgingDeck } from "./deck";
import { readableMotion } from "./queries";

/** A motion's groups are worked out again at most this often. */
export const OPINIONS_EVERY_MS = 2_000;
/** Motions whose last groups are kept in memory, to answer from and to keep labels by. */
const KEPT = 1_000;

interface Computed {
  summary: OpinionSummary;
  /** When the judgments it was worked out from were read. */
  at: number;
}

/**
 * The last groups of each motion, and the computations waiting to run, on this process: on
 * globalThis, since Next bundles the route handlers apart from the server that recomputes them.
 * They are derived from the database and worked out again when missing: a restart or another
 * node only starts the labels afresh.
 */
function held() {
  return processWide("opinions", () => ({
    computed: new Map<string, Computed>(),
    waiting: new Map<string, NodeJS.Timeout>(),
  }));
}

const membersByGroup = (summary: OpinionSummary): Record<string, string[]> => {
  const members: Record<string, string[]> = {};
  for (const { userId, groupId } of summary.points) {
    if (groupId) members[groupId] = [...(members[groupId] ?? []), userId];
  }
  return members;
};

/**
 * The motion's opinion groups: the last ones while they are fresher than OPINIONS_EVERY_MS
 * (unless `fresh`), else worked out again from every stance on its published arguments, off
 * the event loop, keeping the labels of the last.
 */
export async function opinionSummary(
  store: Store,
  motionId: string,
  { fresh = false } = {},
): Promise<OpinionSummary | Failure> {
  const { computed } = held();
  const last = computed.get(motionId);
  if (last && !fresh && Date.now() - last.at < OPINIONS_EVERY_MS) return last.summary;
  const readAt = Date.now();
  const judgments = (await store.agreements.ofMotion(motionId)).map(
    ({ userId, argumentId, stance }) => ({ userId, argumentId, stance }),
  );
  const previous = last ? membersByGroup(last.summary) : {};
  const summary = await workPool().run("opinionGroups", { judgments, previous });
  if ("ok" in summary) return summary;
  // Computations may overlap: one from older judgments never replaces a newer one.
  const newer = computed.get(motionId);
  if (newer && newer.at > readAt) return newer.summary;
  computed.delete(motionId);
  computed.set(motionId, { summary, at: readAt });
  if (computed.size > KEPT) computed.delete(computed.keys().next().value as string);
  return summary;
}

/**
 * The points as anyone may see them: no id, and in order of place, not in the computation's
 * order (by person), which anyone who can list the members could line up with them (P-AGREE-2).
 * The reader's own, if any, is marked `me`.
 */
const sharedPoints = (points: OpinionSummary["points"], readerId: string | null) =>
  points
    .map(({ x, y, groupId, userId }) => ({ x, y, groupId, me: userId === readerId }))
    .sort((a, b) => a.x - b.x || a.y - b.y || (a.groupId ?? "").localeCompare(b.groupId ?? ""));

/** The groups as the room is told them: the points carry no id and no order by person. */
export const opinionsUpdate = (motionId: string, summary: OpinionSummary): OpinionsUpdate => ({
  motionId,
  ...summary,
  points: sharedPoints(summary.points, null).map(({ x, y, groupId }) => ({ x, y, groupId })),
});

/**
 * GET /api/motions/:id/opinions: the room's groups for anyone who may read the motion, with
 * the reader's own place among them. No point names anyone; the reader's own is marked `me`.
 */
export async function motionOpinions(
  store: Store,
  actor: Actor,
  motionId: unknown,
): Promise<Outcome<OpinionsView>> {
  const found = await readableMotion(store, actor, motionId);
  if (!found.ok) return found;
  const motion = found.value;
  const summary = await opinionSummary(store, motion.id);
  if ("ok" in summary) return summary;
  const points = sharedPoints(summary.points, actor.id);
  const mine = summary.points.find((point) => point.userId === actor.id);
  let me: OpinionsView["me"] = null;
  if (actor.kind === "user") {
    const [judged, votes, deck] = await Promise.all([
      store.agreements.ofPerson(motion.id, actor.id),
      store.votes.list(motion.id),
      judgingDeck(store, actor, motion.id),
    ]);
    const stanceIn = (phase: "before" | "after") =>
      votes.find((v) => v.userId === actor.id && v.phase === phase)?.stance ?? null;
    me = {
      groupId: mine?.groupId ?? null,
      x: mine?.x ?? 0,
      y: mine?.y ?? 0,
      judged: judged.length,
      otherSideLeft: deck.ok ? deck.value.otherSideLeft : 0,
      before: stanceIn("before"),
      after: stanceIn("after"),
    };
  }
  return done({ ...summary, points, me, words: await wordsOf(store, summary) });
}

/** The words of the published arguments the groups name. */
async function wordsOf(store: Store, summary: OpinionSummary): Promise<Record<string, string>> {
  const named = new Set([
    ...summary.groups.flatMap((g) => g.distinctive),
    ...summary.consensus.map((c) => c.argumentId),
    ...summary.divisive.map((d) => d.argumentId),
  ]);
  const rows = await store.arguments.byIds([...named]);
  return Object.fromEntries(
    rows.filter((row) => row.status === "published").map((row) => [row.id, row.body]),
  );
}

/**
 * The groups for the results and the exports of a motion the caller may read: no points, and
 * the words of the arguments they name.
 */
export async function opinionsOutline(
  store: Store,
  motionId: string,
): Promise<OpinionsOutline | Failure> {
  const summary = await opinionSummary(store, motionId);
  if ("ok" in summary) return summary;
  const { points: _, ...outline } = summary;
  const words = await wordsOf(store, summary);
  return { ...outline, words };
}

/**
 * After someone said what they agree with: the motion's groups are worked out again once the
 * last computation is OPINIONS_EVERY_MS old, and `announce`d to its room. Changes that come in
 * the meantime are taken in by that one computation.
 */
export function recomputeSoon(
  store: Store,
  motionId: string,
  announce: (update: OpinionsUpdate) => void,
) {
  const { computed, waiting } = held();
  if (waiting.has(motionId)) return;
  const last = computed.get(motionId)?.at ?? 0;
  const wait = Math.max(0, last + OPINIONS_EVERY_MS - Date.now());
  const timer = setTimeout(() => {
    waiting.delete(motionId);
    void opinionSummary(store, motionId, { fresh: true })
      .then((summary) => {
        if (!("ok" in summary)) announce(opinionsUpdate(motionId, summary));
      })
      .catch((error) => console.error("could not work out the opinion groups", error));
  }, wait);
  timer.unref();
  waiting.set(motionId, timer);
}
