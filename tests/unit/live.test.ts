import { describe, expect, it } from "vitest";
import { type ArgumentView, emptyTally } from "../../lib/debate";
import { applyEvents, leavesGap, publicWords, seqAfter, withOwnPost } from "../../lib/live";
import type { EventOf, MotionEventData, MotionEventType } from "../../lib/protocol";
import { argumentView, liveMotionAt } from "../support/views";

const argument = (id: string): ArgumentView => argumentView(id, { body: `body of ${id}` });

const event = <K extends MotionEventType>(
  seq: number,
  type: K,
  data: MotionEventData[K],
): EventOf<K> => ({
  motionId: "m",
  seq,
  type,
  data,
  actor: "u",
  at: "2026-01-01T00:00:00.000Z",
});

const start = liveMotionAt(1);

describe("a live client's copy of a motion", () => {
  it("applies posts, edits, withdrawals, votes and ratings in seq order", () => {
    const tally = { ...emptyTally(), before: { for: 1, against: 0, undecided: 0 } };
    const { state, gap } = applyEvents(start, [
      event(3, "argument.edited", { argumentId: "a", body: "new", editedAt: "x" }),
      event(2, "argument.posted", { argument: argument("a") }),
      event(4, "vote.cast", { votes: tally }),
      event(5, "argument.rated", { argumentId: "a", strength: { mean: 3, count: 1 } }),
      event(6, "argument.posted", { argument: argument("b") }),
      event(7, "argument.withdrawn", { argumentId: "b" }),
    ]);
    expect(gap).toBe(false);
    expect(state.seq).toBe(7);
    expect(state.votes).toEqual(tally);
    expect(state.arguments.map((a) => [a.id, a.body, a.status, a.strength.mean])).toEqual([
      ["a", "new", "published", 3],
      ["b", "", "withdrawn", null],
    ]);
  });

  it("takes an argument's new agreement counts from argument.agreed", () => {
    const { state } = applyEvents(start, [
      event(2, "argument.posted", { argument: argument("a") }),
      event(3, "argument.agreed", {
        argumentId: "a",
        agreement: { agree: 2, disagree: 1, pass: 0 },
      }),
    ]);
    expect(state.arguments.find((a) => a.id === "a")?.agreement).toEqual({
      agree: 2,
      disagree: 1,
      pass: 0,
    });
  });

  it("names a deleted member's arguments as author.deleted says, and no one else's", () => {
    const by = (id: string, authorId: string, name: string) =>
      argumentView(id, { author: { id: authorId, name } });
    const { state } = applyEvents(start, [
      event(2, "argument.posted", { argument: by("a", "ada", "Ada") }),
      event(3, "argument.posted", { argument: by("b", "ben", "Ben") }),
      event(4, "author.deleted", { authorId: "ada", name: "Deleted member" }),
      // An anonymous motion's bystander gets no author id: the pseudonyms stay.
      event(5, "author.deleted", { authorId: "", name: "Deleted member" }),
    ]);
    expect(state.seq).toBe(5);
    expect(state.arguments.map((a) => [a.id, a.author.name])).toEqual([
      ["a", "Deleted member"],
      ["b", "Ben"],
    ]);
  });

  it("P-LIVE-7: names a renamed member's arguments as author.renamed says; an anonymous motion's bystander's event changes nothing", () => {
    const by = (id: string, authorId: string, name: string) =>
      argumentView(id, { author: { id: authorId, name } });
    const { state } = applyEvents(start, [
      event(2, "argument.posted", { argument: by("a", "ada", "Ada") }),
      event(3, "argument.posted", { argument: by("b", "participant-2", "Participant 2") }),
      event(4, "author.renamed", { authorId: "ada", name: "Ada Lovelace" }),
      event(5, "author.renamed", { authorId: "", name: "" }),
    ]);
    expect(state.arguments.map((a) => [a.id, a.author.name])).toEqual([
      ["a", "Ada Lovelace"],
      ["b", "Participant 2"],
    ]);
  });

  it("holds one's own post from its answer when the answer comes first, and keeps what events made of it when they came first", () => {
    const posted = { ...argument("a"), status: "pending" as const };
    const answeredFirst = withOwnPost(start, posted);
    expect(answeredFirst.arguments).toEqual([posted]);
    // Its answer lost, the post is sent again after a replay brought its approval and counts.
    const { state: replayed } = applyEvents(start, [
      event(2, "argument.submitted", { argument: posted, onlyFor: posted.author.id }),
      event(3, "argument.approved", { argument: { ...posted, status: "published" } }),
      event(4, "argument.agreed", {
        argumentId: "a",
        agreement: { agree: 3, disagree: 0, pass: 0 },
      }),
    ]);
    const answeredLast = withOwnPost(replayed, posted);
    expect(answeredLast.arguments.map((a) => [a.status, a.agreement?.agree])).toEqual([
      ["published", 3],
    ]);
  });

  it("quotes beside the opinion groups a published argument's words, never a hidden one's, and the groups' own for the rest", () => {
    const { state } = applyEvents(start, [
      event(2, "argument.posted", { argument: argument("a") }),
      event(3, "argument.posted", { argument: argument("b") }),
      event(4, "argument.hidden", { argumentId: "b", reason: "" }),
    ]);
    const groups = { a: "old words of a", b: "body of b", c: "body of c" };
    expect(["a", "b", "c", "d"].map((id) => publicWords(state, id, groups))).toEqual([
      "body of a",
      undefined,
      "body of c",
      undefined,
    ]);
  });

  it("ignores an event it already holds, so a replay that overlaps the live feed is harmless", () => {
    const once = applyEvents(start, [event(2, "argument.posted", { argument: argument("a") })]);
    const twice = applyEvents(once.state, [
      event(2, "argument.posted", { argument: argument("a") }),
    ]);
    expect(twice.state).toEqual(once.state);
  });

  it("follows a moderator's lock, hide, restore, pin and spotlight", () => {
    const posted = applyEvents(start, [event(2, "argument.posted", { argument: argument("a") })]);
    const { state } = applyEvents(posted.state, [
      event(3, "argument.hidden", { argumentId: "a", reason: "off topic" }),
      event(4, "argument.pinned", { argumentId: "a", pinned: true }),
      event(5, "argument.spotlighted", { argumentId: "a" }),
      event(6, "motion.locked", { locked: true, status: "closed" }),
    ]);
    expect(state).toMatchObject({ status: "closed", pinned: ["a"], spotlightId: "a" });
    expect(state.arguments[0]?.status).toBe("hidden");
    const restored = applyEvents(state, [
      event(7, "argument.restored", { argument: argument("a") }),
      event(8, "argument.pinned", { argumentId: "a", pinned: false }),
    ]);
    expect(restored.state).toMatchObject({ pinned: [] });
    expect(restored.state.arguments[0]?.status).toBe("published");
  });

  it("drops the spotlight of an argument its author withdraws", () => {
    const { state } = applyEvents({ ...start, spotlightId: "b" }, [
      event(2, "argument.posted", { argument: argument("b") }),
      event(3, "argument.withdrawn", { argumentId: "b" }),
    ]);
    expect(state.spotlightId).toBeNull();
  });

  it("adds a restored argument it never held, and drops the spotlight of one hidden", () => {
    const { state } = applyEvents({ ...start, spotlightId: "b" }, [
      event(2, "argument.restored", { argument: argument("a") }),
      event(3, "argument.posted", { argument: argument("b") }),
      event(4, "argument.hidden", { argumentId: "b", reason: "off topic" }),
    ]);
    expect(state.arguments.map((a) => [a.id, a.status])).toEqual([
      ["a", "published"],
      ["b", "hidden"],
    ]);
    expect(state.spotlightId).toBeNull();
  });

  it("stops at a gap and says so, so the client joins again from its seq", () => {
    const { state, gap } = applyEvents(start, [
      event(2, "argument.posted", { argument: argument("a") }),
      event(4, "argument.posted", { argument: argument("b") }),
    ]);
    expect(gap).toBe(true);
    expect(state.seq).toBe(2);
    expect(state.arguments.map((a) => a.id)).toEqual(["a"]);
  });

  it("P-JOIN-5: a batch with a gap anywhere in it sends the client to join again; one it holds in part does not", () => {
    const posted = (seq: number) =>
      event(seq, "argument.posted", { argument: argument(`a${seq}`) });
    // Another node's event 6 falls between this node's 5 and 7.
    expect(leavesGap(4, [posted(5), posted(7)])).toBe(true);
    expect(leavesGap(4, [posted(6)])).toBe(true);
    expect(leavesGap(4, [posted(5), posted(6), posted(7)])).toBe(false);
    // Already held (a replay raced the batch): nothing is missing.
    expect(leavesGap(6, [posted(5), posted(6), posted(7)])).toBe(false);
    expect(leavesGap(6, [posted(7), posted(5)])).toBe(false);
    const { state, gap } = applyEvents(liveMotionAt(4), [posted(5), posted(7)]);
    expect([state.seq, gap]).toEqual([5, true]);
  });

  it("P-JOIN-7: seqAfter is the seq applyEvents reaches, so messages that come before the page renders are not a gap", () => {
    const posted = (seq: number) =>
      event(seq, "argument.posted", { argument: argument(`a${seq}`) });
    for (const batch of [
      [posted(5), posted(6)],
      [posted(5), posted(7)],
      [posted(6)],
      [posted(3), posted(4), posted(5)],
      [posted(6), posted(5)],
      [],
    ]) {
      expect(seqAfter(4, batch)).toBe(applyEvents(liveMotionAt(4), batch).state.seq);
    }
    // Three messages of one event each, read one after the other before any render: the seq the
    // client tracks moves on with each, and none of them leaves a gap.
    let seq = 4;
    for (const message of [[posted(5)], [posted(6)], [posted(7)]]) {
      expect(leavesGap(seq, message)).toBe(false);
      seq = seqAfter(seq, message);
    }
    expect(seq).toBe(7);
  });
});
