import { describe, expect, it } from "vitest";
import type { AgreementStance } from "../../lib/debate";
import { type Judgment, keepLabels, opinionGroups, silhouette } from "../../lib/opinionGroups";

/** A small deterministic generator, so a generated room is the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A room of camps: each camp agrees with its own arguments and disagrees with the others',
 * everyone agrees with the shared ones, and `noise` of the judgments are flipped or passed.
 */
function room(camps: number[], { own = 4, shared = 1, noise = 0.1, seed = 7 } = {}) {
  const next = random(seed);
  const judgments: Judgment[] = [];
  const campOf = new Map<string, number>();
  const argumentsOf = camps.map((_, camp) =>
    Array.from({ length: own }, (_, i) => `c${camp}-a${i}`),
  );
  const sharedIds = Array.from({ length: shared }, (_, i) => `shared-${i}`);
  camps.forEach((size, camp) => {
    for (let m = 0; m < size; m++) {
      const userId = `camp${camp}-member${m}`;
      campOf.set(userId, camp);
      const judge = (argumentId: string, stance: AgreementStance) => {
        const roll = next();
        const flipped = stance === "agree" ? "disagree" : "agree";
        const noisy = roll < noise / 2 ? flipped : roll < noise ? "pass" : stance;
        judgments.push({ userId, argumentId, stance: noisy });
      };
      argumentsOf.forEach((ids, other) => {
        for (const id of ids) judge(id, other === camp ? "agree" : "disagree");
      });
      for (const id of sharedIds) judgments.push({ userId, argumentId: id, stance: "agree" });
    }
  });
  return { judgments, campOf, sharedIds };
}

/** The share of members whose group is their camp's most common group. */
function recovered(summary: ReturnType<typeof opinionGroups>, campOf: Map<string, number>) {
  const byCamp = new Map<number, Map<string, number>>();
  for (const point of summary.points) {
    const camp = campOf.get(point.userId) ?? -1;
    const counts = byCamp.get(camp) ?? new Map<string, number>();
    counts.set(point.groupId ?? "", (counts.get(point.groupId ?? "") ?? 0) + 1);
    byCamp.set(camp, counts);
  }
  const right = [...byCamp.values()].reduce((sum, counts) => sum + Math.max(...counts.values()), 0);
  const distinctGroups = new Set(
    [...byCamp.values()].map((counts) => [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]),
  );
  return { share: right / summary.points.length, distinctGroups: distinctGroups.size };
}

describe("opinion groups", () => {
  it("recovers two camps of known members, at least 90% of them in the right group", () => {
    const { judgments, campOf } = room([8, 7]);
    const summary = opinionGroups(judgments);
    expect(summary.participants).toBe(15);
    expect(summary.groups.map((g) => g.label)).toEqual(["Group A", "Group B"]);
    const { share, distinctGroups } = recovered(summary, campOf);
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(distinctGroups).toBe(2);
  });

  it("recovers three camps, and finds the argument every camp accepts as consensus", () => {
    const { judgments, campOf, sharedIds } = room([6, 6, 5], { seed: 11 });
    const summary = opinionGroups(judgments);
    expect(summary.groups).toHaveLength(3);
    expect(recovered(summary, campOf).share).toBeGreaterThanOrEqual(0.9);
    expect(summary.consensus.map((c) => c.argumentId)).toContain(sharedIds[0]);
    expect(summary.consensus.find((c) => c.argumentId === sharedIds[0])?.agreeShare).toBe(1);
    // A camp's own arguments divide the room; each group's distinctive ones are its camp's.
    expect(summary.divisive.length).toBeGreaterThan(0);
    expect(summary.divisive.map((d) => d.argumentId)).not.toContain(sharedIds[0]);
    for (const group of summary.groups) {
      const members = summary.points.filter((p) => p.groupId === group.id);
      const camp = campOf.get(members[0]?.userId ?? "");
      expect(group.distinctive.length).toBeGreaterThan(0);
      for (const id of group.distinctive) expect(id.startsWith(`c${camp}-`)).toBe(true);
    }
  });

  it("keeps each group's label from one computation to the next while its members stay", () => {
    const { judgments } = room([6, 6]);
    const first = opinionGroups(judgments);
    const membersOf = (summary: typeof first) =>
      Object.fromEntries(
        summary.groups.map((g) => [
          g.id,
          summary.points.filter((p) => p.groupId === g.id).map((p) => p.userId),
        ]),
      );
    // The same room, its groups' labels swapped in the previous computation: they follow.
    const swapped = Object.fromEntries(
      Object.entries(membersOf(first)).map(([label, ids]) => [label === "A" ? "B" : "A", ids]),
    );
    const second = opinionGroups(judgments, swapped);
    expect(membersOf(second)).toEqual(swapped);
    expect(keepLabels([["x", "y", "z"]], { C: ["x", "y"] })).toEqual(["C"]);
    // Fewer than half of a group's members were in C: it takes a new letter.
    expect(keepLabels([["x", "y", "z", "w"]], { C: ["x"] })).toEqual(["A"]);
  });

  it("shows no groups in an empty room, a small one, or one where everyone agrees", () => {
    expect(opinionGroups([])).toEqual({
      participants: 0,
      groups: [],
      points: [],
      consensus: [],
      divisive: [],
    });
    const small = room([2, 1]);
    const few = opinionGroups(small.judgments);
    expect(few.participants).toBe(3);
    expect(few.groups).toEqual([]);
    expect(few.points.every((p) => p.groupId === null)).toBe(true);

    const alike = Array.from({ length: 6 }, (_, m) =>
      ["a", "b", "c"].map((argumentId) => ({
        userId: `u${m}`,
        argumentId,
        stance: "agree" as const,
      })),
    ).flat();
    const together = opinionGroups(alike);
    expect(together.participants).toBe(6);
    expect(together.groups).toEqual([]);
    expect(together.points).toHaveLength(6);
  });

  it("places the first person to judge three arguments, alone in the room, at the centre", () => {
    const first = ["a", "b", "c"].map((argumentId, i) => ({
      userId: "first",
      argumentId,
      stance: i === 1 ? ("disagree" as const) : ("agree" as const),
    }));
    expect(opinionGroups(first)).toEqual({
      participants: 1,
      groups: [],
      points: [{ userId: "first", x: 0, y: 0, groupId: null }],
      consensus: [],
      divisive: [],
    });
  });

  it("counts only participants with at least three judgments", () => {
    const { judgments } = room([4, 4]);
    const twoOnly = [
      { userId: "late", argumentId: "c0-a0", stance: "agree" as const },
      { userId: "late", argumentId: "c0-a1", stance: "agree" as const },
    ];
    const summary = opinionGroups([...judgments, ...twoOnly]);
    expect(summary.participants).toBe(8);
    expect(summary.points.map((p) => p.userId)).not.toContain("late");
  });

  it("measures separation with the silhouette: tight groups far apart score near 1", () => {
    const points = [
      [0, 0],
      [0, 0.1],
      [10, 10],
      [10, 10.1],
    ];
    expect(silhouette(points, [0, 0, 1, 1])).toBeGreaterThan(0.95);
    expect(silhouette(points, [0, 1, 0, 1])).toBeLessThan(0);
  });
});
