import { kmeans } from "ml-kmeans";
import { PCA } from "ml-pca";
import type { AgreementStance, Stance } from "./debate";

/**
 * The room's opinion groups, computed from who agrees with which argument: each participant
 * with enough judgments is a row of +1 (agree), -1 (disagree) and 0 (pass, or not judged), the
 * rows are reduced to two dimensions and clustered. Pure and deterministic: the same judgments
 * and the same previous groups give the same answer.
 */

export interface Judgment {
  userId: string;
  argumentId: string;
  stance: AgreementStance;
}

/** A participant counts once they have judged this many arguments. */
export const MIN_JUDGMENTS = 3;
/** Groups are shown only with this many counted participants... */
export const MIN_PARTICIPANTS = 4;
/** ...and at least this many in every group. */
export const MIN_GROUP_SIZE = 2;
/** An argument is consensus when every group agrees with it at least this much... */
export const CONSENSUS_SHARE = 0.6;
/** ...judged at least this many times in every group. */
export const MIN_GROUP_JUDGMENTS = 2;
const MAX_GROUPS = 5;
const TOP = 5;

export interface OpinionGroup {
  id: string;
  label: string;
  size: number;
  /** The group's centre on the map. */
  x: number;
  y: number;
  /** The arguments this group agrees with more than the others do, most distinctive first. */
  distinctive: string[];
}

export interface OpinionPoint {
  userId: string;
  x: number;
  y: number;
  groupId: string | null;
}

/** A point of the room's map as others see it: no name, no id; `me` marks the reader's own. */
export interface SharedPoint {
  x: number;
  y: number;
  groupId: string | null;
  me: boolean;
}

/** The opinion groups as the room is told them, live: nobody's point is named. */
export interface OpinionsUpdate extends Omit<OpinionSummary, "points"> {
  motionId: string;
  points: Omit<SharedPoint, "me">[];
}

/** GET /api/motions/:id/opinions: the room's groups, with the reader's own place. */
export interface OpinionsView extends Omit<OpinionSummary, "points"> {
  points: SharedPoint[];
  /** The words of every argument the groups name, by id. */
  words: Record<string, string>;
  me: {
    groupId: string | null;
    x: number;
    y: number;
    /** How many arguments the reader has judged. */
    judged: number;
    /** Arguments of the side the reader's vote is against that they have not judged yet. */
    otherSideLeft: number;
    before: Stance | null;
    after: Stance | null;
  } | null;
}

/**
 * The groups as results and exports keep them: no points at all, and the words of every
 * argument they name (published ones: anyone who may read the motion reads them).
 */
export interface OpinionsOutline extends Omit<OpinionSummary, "points"> {
  words: Record<string, string>;
}

export interface OpinionSummary {
  /** Participants with at least MIN_JUDGMENTS judgments. */
  participants: number;
  /** Empty until there are enough participants to tell groups apart. */
  groups: OpinionGroup[];
  points: OpinionPoint[];
  consensus: { argumentId: string; agreeShare: number }[];
  divisive: { argumentId: string; byGroup: Record<string, number> }[];
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const value: Record<AgreementStance, number> = { agree: 1, disagree: -1, pass: 0 };
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Mean silhouette of a clustering: how much closer each point is to its own group than to the next. */
export function silhouette(points: number[][], clusters: number[]): number {
  const distance = (a: number[], b: number[]) => Math.sqrt(distanceSquared(a, b));
  const k = Math.max(...clusters) + 1;
  let total = 0;
  points.forEach((point, i) => {
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    points.forEach((other, j) => {
      if (i === j) return;
      const c = clusters[j] ?? 0;
      sums[c] = (sums[c] ?? 0) + distance(point, other);
      counts[c] = (counts[c] ?? 0) + 1;
    });
    const own = clusters[i] ?? 0;
    if ((counts[own] ?? 0) === 0) return;
    const a = (sums[own] ?? 0) / (counts[own] ?? 1);
    const b = Math.min(
      ...sums.flatMap((sum, c) => (c === own || !counts[c] ? [] : [sum / (counts[c] ?? 1)])),
    );
    const spread = Math.max(a, b);
    total += spread === 0 ? 0 : (b - a) / spread;
  });
  return total / points.length;
}

/** The rows reduced to their two main directions; a room that agrees on everything sits at 0. */
function project(rows: number[][]): number[][] {
  const width = Math.max(2, rows[0]?.length ?? 0);
  const padded = rows.map((row) => [...row, ...new Array(width - row.length).fill(0)]);
  const pca = new PCA(padded, { center: true, scale: false });
  // One person's judgments have one direction only (PCA finds no more than it has rows).
  const nComponents = Math.min(2, pca.getEigenvalues().length);
  const projected = pca.predict(padded, { nComponents }).to2DArray();
  return projected.map((p) => [0, 1].map((i) => (Number.isFinite(p[i]) ? (p[i] as number) : 0)));
}

const distanceSquared = (a: number[], b: number[]) =>
  a.reduce((sum, v, i) => sum + (v - (b[i] ?? 0)) ** 2, 0);

/** The clustering of `points` into k groups with the least spread over a few seeded starts. */
function bestOf(points: number[][], k: number): number[] {
  let best: { clusters: number[]; spread: number } | null = null;
  for (let seed = 1; seed <= 5; seed++) {
    const { clusters, centroids } = kmeans(points, k, { seed, initialization: "kmeans++" });
    const spread = points.reduce((sum, p, i) => {
      const centre = centroids[clusters[i] ?? 0] ?? [0, 0];
      return sum + distanceSquared(p, centre);
    }, 0);
    if (!best || spread < best.spread - 1e-9) best = { clusters, spread };
  }
  return best?.clusters ?? points.map(() => 0);
}

/** The number of groups (2 to 5) that separates best, each with at least MIN_GROUP_SIZE members. */
function cluster(points: number[][]): number[] | null {
  let best: { clusters: number[]; score: number } | null = null;
  const distinct = new Set(points.map((p) => p.join())).size;
  for (let k = 2; k <= Math.min(MAX_GROUPS, distinct); k++) {
    const clusters = bestOf(points, k);
    const sizes = new Array<number>(k).fill(0);
    for (const c of clusters) sizes[c] = (sizes[c] ?? 0) + 1;
    if (sizes.some((size) => size < MIN_GROUP_SIZE)) continue;
    const score = silhouette(points, clusters);
    if (!best || score > best.score + 1e-9) best = { clusters, score };
  }
  return best?.clusters ?? null;
}

/**
 * Labels that last: a new group takes the label of the previous group most of its members were
 * in, when they were more than half of it; the others take the next letters unused.
 */
export function keepLabels(members: string[][], previous: Record<string, string[]>): string[] {
  const was = new Map<string, string>();
  for (const [label, ids] of Object.entries(previous)) for (const id of ids) was.set(id, label);
  const candidates = members.flatMap((ids, group) => {
    const counts = new Map<string, number>();
    for (const id of ids) {
      const label = was.get(id);
      if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return [...counts].map(([label, count]) => ({ group, label, count }));
  });
  candidates.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const labels: (string | undefined)[] = members.map(() => undefined);
  const taken = new Set<string>();
  for (const { group, label, count } of candidates) {
    if (labels[group] || taken.has(label) || count * 2 <= (members[group]?.length ?? 0)) continue;
    labels[group] = label;
    taken.add(label);
  }
  const fresh = [...LETTERS].filter((letter) => !taken.has(letter) && !(letter in previous));
  const spare = [...LETTERS].filter((letter) => !taken.has(letter));
  return labels.map((label) => label ?? fresh.shift() ?? spare.shift() ?? "?");
}

/** Per argument, per group: how many judged it and how many agreed. */
function sharesOf(
  judgments: Judgment[],
  groupOf: Map<string, string>,
): Map<string, Map<string, { judged: number; agreed: number }>> {
  const shares = new Map<string, Map<string, { judged: number; agreed: number }>>();
  for (const { userId, argumentId, stance } of judgments) {
    const group = groupOf.get(userId);
    if (!group) continue;
    const byGroup = shares.get(argumentId) ?? new Map();
    const tally = byGroup.get(group) ?? { judged: 0, agreed: 0 };
    tally.judged += 1;
    if (stance === "agree") tally.agreed += 1;
    byGroup.set(group, tally);
    shares.set(argumentId, byGroup);
  }
  return shares;
}

const emptySummary = (participants: number, points: OpinionPoint[]): OpinionSummary => ({
  participants,
  groups: [],
  points,
  consensus: [],
  divisive: [],
});

/**
 * The opinion groups of a room from its judgments. `previous` maps the labels of the last
 * computation to their members, so a group keeps its letter while its members mostly stay.
 */
export function opinionGroups(
  judgments: Judgment[],
  previous: Record<string, string[]> = {},
): OpinionSummary {
  const counted = new Map<string, number>();
  for (const { userId } of judgments) counted.set(userId, (counted.get(userId) ?? 0) + 1);
  const people = [...counted]
    .filter(([, n]) => n >= MIN_JUDGMENTS)
    .map(([id]) => id)
    .sort();
  const argumentIds = [...new Set(judgments.map((j) => j.argumentId))].sort();
  if (people.length === 0) return emptySummary(0, []);
  const column = new Map(argumentIds.map((id, i) => [id, i]));
  const row = new Map(people.map((id, i) => [id, i]));
  const matrix = people.map(() => new Array<number>(argumentIds.length).fill(0));
  for (const { userId, argumentId, stance } of judgments) {
    const r = row.get(userId);
    const c = column.get(argumentId);
    if (r !== undefined && c !== undefined) (matrix[r] as number[])[c] = value[stance];
  }
  const positions = project(matrix);
  const unplaced = people.map((userId, i) => ({
    userId,
    x: round(positions[i]?.[0] ?? 0),
    y: round(positions[i]?.[1] ?? 0),
    groupId: null,
  }));
  if (people.length < MIN_PARTICIPANTS) return emptySummary(people.length, unplaced);
  const clusters = cluster(positions);
  if (!clusters) return emptySummary(people.length, unplaced);

  const k = Math.max(...clusters) + 1;
  const members = Array.from({ length: k }, (_, c) => people.filter((_, i) => clusters[i] === c));
  const labels = keepLabels(members, previous);
  const groupOf = new Map(people.map((id, i) => [id, labels[clusters[i] ?? 0] ?? "?"]));
  const shares = sharesOf(judgments, groupOf);
  const share = (argumentId: string, label: string) => {
    const tally = shares.get(argumentId)?.get(label);
    return tally && tally.judged >= MIN_GROUP_JUDGMENTS ? tally.agreed / tally.judged : null;
  };
  const everyGroup = (argumentId: string) => {
    const byGroup = labels.map((label) => share(argumentId, label));
    return byGroup.every((s) => s !== null) ? (byGroup as number[]) : null;
  };

  const consensus = argumentIds.flatMap((argumentId) => {
    const byGroup = everyGroup(argumentId);
    if (!byGroup || byGroup.some((s) => s < CONSENSUS_SHARE)) return [];
    const all = [...(shares.get(argumentId)?.values() ?? [])];
    const judged = all.reduce((n, t) => n + t.judged, 0);
    const agreed = all.reduce((n, t) => n + t.agreed, 0);
    return [{ argumentId, agreeShare: round(agreed / judged) }];
  });
  consensus.sort((a, b) => b.agreeShare - a.agreeShare || a.argumentId.localeCompare(b.argumentId));

  const divisive = argumentIds
    .flatMap((argumentId) => {
      const byGroup = everyGroup(argumentId);
      if (!byGroup) return [];
      const gap = Math.max(...byGroup) - Math.min(...byGroup);
      if (gap === 0) return [];
      const named = Object.fromEntries(labels.map((label, i) => [label, round(byGroup[i] ?? 0)]));
      return [{ argumentId, byGroup: named, gap }];
    })
    .sort((a, b) => b.gap - a.gap || a.argumentId.localeCompare(b.argumentId))
    .slice(0, TOP)
    .map(({ argumentId, byGroup }) => ({ argumentId, byGroup }));

  const groups = labels.map((label, c) => {
    const inGroup = positions.filter((_, i) => clusters[i] === c);
    const centre = (axis: 0 | 1) =>
      inGroup.reduce((sum, p) => sum + (p[axis] ?? 0), 0) / inGroup.length;
    const distinctive = argumentIds
      .flatMap((argumentId) => {
        const own = share(argumentId, label);
        if (own === null || own <= 0.5) return [];
        const others = labels
          .filter((other) => other !== label)
          .map((other) => share(argumentId, other) ?? 0);
        return [{ argumentId, lead: own - Math.max(...others) }];
      })
      .filter(({ lead }) => lead > 0)
      .sort((a, b) => b.lead - a.lead || a.argumentId.localeCompare(b.argumentId))
      .slice(0, 3)
      .map(({ argumentId }) => argumentId);
    return {
      id: label,
      label: `Group ${label}`,
      size: members[c]?.length ?? 0,
      x: round(centre(0)),
      y: round(centre(1)),
      distinctive,
    };
  });
  groups.sort((a, b) => a.id.localeCompare(b.id));
  return {
    participants: people.length,
    groups,
    points: unplaced.map((point) => ({ ...point, groupId: groupOf.get(point.userId) ?? null })),
    consensus,
    divisive,
  };
}
