import { describe, expect, it } from "vitest";
import {
  type ArgumentView,
  buildArgumentTree,
  citedPassages,
  sortArguments,
} from "../../lib/debate";
import {
  applyEvents,
  holdArgument,
  type LiveMotion,
  mergeLoaded,
  mergePages,
  movedUpBy,
  READ_AGAIN_SPREAD_MS,
  ratedIntoView,
  readAgainIn,
  withOwnPost,
} from "../../lib/live";
import type { MotionEventData } from "../../lib/protocol";
import { argumentView, at, liveMotionAt, motionEvent } from "../support/views";

const citing = (start: number) => ({
  documentId: "d",
  versionId: "v",
  exact: "x",
  prefix: "",
  suffix: "",
  start,
  end: start + 5,
  anchor: { status: "exact" as const, confidence: 1, versionId: "v", start, end: start + 5 },
});

/** A big debate's page holding a top-level argument "t" and its reply "r" of 5 and 9 in all. */
const held = (): LiveMotion => ({
  ...liveMotionAt(10),
  arguments: [
    argumentView("t", { replies: { all: 9, direct: 5 } }),
    argumentView("r", { parentId: "t", relation: "supports", replies: { all: 2, direct: 2 } }),
  ],
  partial: {
    order: "newest",
    cursors: {},
    ends: {},
    totals: { for: 40, against: 12 },
    cited: [{ documentId: "d", start: 0, end: 5, for: 3, against: 1 }],
  },
});

const reply = (id: string, parentId: string, change: Partial<ArgumentView> = {}) =>
  argumentView(id, { parentId, relation: "attacks", ...change });

/** "q", posted at 0:08, no reply to it; "b", posted at 0:01, the latest of its 40 at `busyAt`. */
const quietAndBusy = (busyAt: string) => ({
  quiet: argumentView("q", { createdAt: at(8), replies: { all: 0, direct: 0, latest: at(8) } }),
  busy: argumentView("b", { createdAt: at(1), replies: { all: 40, direct: 9, latest: busyAt } }),
});

/** A new version "v2" of document "d", moving one argument's citations. */
const newVersion = (
  seq: number,
  entry: MotionEventData["evidence.reanchored"]["arguments"][number],
) =>
  motionEvent(seq, "evidence.reanchored", {
    documentId: "d",
    versionId: "v2",
    sources: [],
    arguments: [entry],
  });

/** A moderator's review of an argument's citation quoting "x". */
const review = (
  seq: number,
  argumentId: string,
  action: MotionEventData["citation.reviewed"]["action"],
  change: Omit<MotionEventData["citation.reviewed"], "argumentId" | "action" | "exact">,
) => motionEvent(seq, "citation.reviewed", { argumentId, action, exact: "x", ...change });

/** The held arguments' reply counts: [id, all, direct]. */
const counts = (state: LiveMotion) =>
  state.arguments.filter((a) => a.replies).map((a) => [a.id, a.replies?.all, a.replies?.direct]);

describe("a live copy of a big debate held in part", () => {
  it("counts a new reply for each held argument above it, and a new top-level argument for its side", () => {
    const state = holdArgument(held(), reply("n", "r"));
    const [t, r] = state.arguments;
    expect(t?.replies).toEqual({ all: 10, direct: 5 });
    expect(r?.replies).toEqual({ all: 3, direct: 3 });
    expect(state.partial?.totals).toEqual({ for: 40, against: 12 });
    const top = holdArgument(state, argumentView("a", { relation: "against" }));
    expect(top.partial?.totals).toEqual({ for: 40, against: 13 });
  });

  it("counts a withdrawn argument with nothing under it out of the held arguments above it and its side; one with replies stays counted", () => {
    const withdraw = (state: LiveMotion, seq: number, argumentId: string) =>
      applyEvents({ ...state, seq: seq - 1 }, [
        motionEvent(seq, "argument.withdrawn", { argumentId }),
      ]).state;
    const posted = holdArgument(held(), reply("n", "r"));
    const gone = withdraw(posted, 11, "n");
    expect(gone.arguments.map((a) => [a.id, a.replies])).toEqual([
      ["t", { all: 9, direct: 5 }],
      ["r", { all: 2, direct: 2 }],
      ["n", undefined],
    ]);
    // r has replies the page does not hold: it stays, a placeholder, and counts as it did.
    expect(withdraw(gone, 12, "r").arguments.find((a) => a.id === "t")?.replies).toEqual({
      all: 9,
      direct: 5,
    });
    const top = holdArgument(held(), argumentView("a", { relation: "against" }));
    expect(withdraw(top, 11, "a").partial?.totals).toEqual({ for: 40, against: 12 });
    // A live reply under a branch the page does not hold: its held grandparent counts it out.
    const unheld = holdArgument(held(), reply("u", "x"), { above: ["t", "x"], side: "for" });
    expect(unheld.arguments.find((a) => a.id === "t")?.replies).toEqual({ all: 10, direct: 5 });
    expect(withdraw(unheld, 11, "u").arguments.find((a) => a.id === "t")?.replies).toEqual({
      all: 9,
      direct: 5,
    });
  });

  it("counts a hidden argument with nothing under it out for a reader who does not moderate, and in again once restored; a moderator's counts keep it", () => {
    const posted = holdArgument(held(), reply("n", "r"));
    const hide = motionEvent(11, "argument.hidden", { argumentId: "n", reason: "off topic" });
    const restore = motionEvent(12, "argument.restored", { argument: reply("n", "r") });
    const withdraw = motionEvent(12, "argument.withdrawn", { argumentId: "n" });
    const reader = { ...posted, seq: 10 };
    const hidden = applyEvents(reader, [hide]).state;
    expect(counts(hidden)).toEqual([
      ["t", 9, 5],
      ["r", 2, 2],
    ]);
    expect(counts(applyEvents(hidden, [restore]).state)).toEqual(counts(posted));
    // Withdrawn once hidden, it was counted out already.
    expect(counts(applyEvents(hidden, [withdraw]).state)).toEqual(counts(hidden));
    const moderator = { ...posted, seq: 10, keepsHidden: true };
    const kept = applyEvents(moderator, [hide]).state;
    expect(counts(kept)).toEqual(counts(posted));
    expect(counts(applyEvents(kept, [restore]).state)).toEqual(counts(posted));
    expect(counts(applyEvents(kept, [withdraw]).state)).toEqual(counts(hidden));
  });

  it("counts a post a moderator rejected out of the moderator's counts, held or not; its author's counts keep it", () => {
    const reject = (argumentId: string) =>
      motionEvent(11, "argument.rejected", { argumentId, reason: "No source", onlyFor: "u" });
    const waiting = { ...holdArgument(held(), reply("w", "r", { status: "pending" })), seq: 10 };
    expect(counts(waiting)).toEqual([
      ["t", 10, 5],
      ["r", 3, 3],
    ]);
    const moderator = applyEvents({ ...waiting, keepsHidden: true }, [reject("w")]).state;
    expect(counts(moderator)).toEqual(counts(held()));
    expect(counts(applyEvents(waiting, [reject("w")]).state)).toEqual(counts(waiting));
    // Under a reply the page does not hold, and top-level.
    const place = { above: ["t", "x"], side: "for" as const };
    const unheld = holdArgument(held(), reply("u", "x", { status: "pending" }), place);
    const moderatorsUnheld = { ...unheld, seq: 10, keepsHidden: true };
    expect(counts(applyEvents(moderatorsUnheld, [reject("u")]).state)).toEqual(counts(held()));
    const top = holdArgument(held(), argumentView("p", { relation: "against", status: "pending" }));
    expect(top.partial?.totals).toEqual({ for: 40, against: 13 });
    const topRejected = applyEvents({ ...top, seq: 10, keepsHidden: true }, [reject("p")]).state;
    expect(topRejected.partial?.totals).toEqual({ for: 40, against: 12 });
  });

  it("P-LIVE-3: a page whose counts had a hidden argument all along counts it once when it is restored, and shows it once its part loads; one that did not counts it again", () => {
    // Hidden before the page was read: a moderator's counts from the server include it, and so
    // do everyone's while replies hang below it (a placeholder).
    const cited = (id: string, relation: "against" | "attacks", parentId: string | null = null) =>
      argumentView(id, { relation, parentId, citations: [citing(40)] });
    const restore = (argument: ArgumentView, replied: boolean) =>
      motionEvent(11, "argument.restored", {
        argument,
        // An attack on an argument for the motion argues against it.
        place: { above: argument.parentId ? ["t", argument.parentId] : [], side: "against" },
        replied,
      });
    const moderators = { ...held(), keepsHidden: true };
    const reply = cited("n", "attacks", "r");
    for (const [page, replied] of [
      [moderators, false],
      [moderators, true],
      [held(), true],
    ] as const) {
      const state = applyEvents(page, [restore(reply, replied)]).state;
      expect(counts(state)).toEqual(counts(held()));
      expect(state.arguments.map((a) => a.id)).toEqual(["t", "r"]);
      expect(state.outside?.n).toMatchObject({ above: ["t", "r"], status: "published" });
      // Its citations count across the debate again, as any published argument's.
      expect(state.partial?.cited).toContainEqual({
        documentId: "d",
        start: 40,
        end: 45,
        for: 0,
        against: 1,
      });
      const top = applyEvents(page, [restore(cited("a", "against"), replied)]).state;
      expect(top.partial?.totals).toEqual({ for: 40, against: 12 });
      // Its part of the debate read, it is held as the server counts it.
      const loaded = mergeLoaded(state, [{ ...reply, replies: { all: 3, direct: 1 } }]);
      expect(loaded.outside?.n).toBeUndefined();
      expect(loaded.arguments.find((a) => a.id === "n")?.replies).toEqual({ all: 3, direct: 1 });
    }
    // With replies everyone sees, hidden again it stays counted, a placeholder.
    const reader = applyEvents(held(), [restore(reply, true)]).state;
    const hiddenAgain = applyEvents(reader, [
      motionEvent(12, "argument.hidden", { argumentId: "n", reason: "off topic" }),
    ]).state;
    expect(counts(hiddenAgain)).toEqual(counts(held()));
    // Read while it was hidden with nothing under it, a reader's page never counted it.
    expect(counts(applyEvents(held(), [restore(reply, false)]).state)).toEqual([
      ["t", 10, 5],
      ["r", 3, 3],
    ]);
  });

  it("P-LIVE-3: an argument the page neither holds nor counts apart, hidden or withdrawn, leaves its counts where its place says, unless replies hang below it, and its citations leave the passages' counts", () => {
    const leave = (
      page: LiveMotion,
      type: "argument.hidden" | "argument.withdrawn",
      argumentId: string,
      standing: {
        place?: { above: string[]; side: "for" | "against" };
        replied?: boolean;
        cited?: { documentId: string; start: number; end: number }[];
      },
    ) =>
      applyEvents(page, [motionEvent(11, type, { argumentId, reason: "Spam", ...standing })]).state;
    const underR = { place: { above: ["t", "r"], side: "for" as const }, replied: false };
    const top = { place: { above: [], side: "against" as const }, replied: false };
    for (const type of ["argument.hidden", "argument.withdrawn"] as const) {
      const reader = leave(held(), type, "x", underR);
      expect(counts(reader)).toEqual([
        ["t", 8, 5],
        ["r", 1, 1],
      ]);
      expect(leave(held(), type, "y", top).partial?.totals).toEqual({ for: 40, against: 11 });
      // With replies it stays, a placeholder; logged before they said where, nothing moves.
      const kept = [{ ...underR, replied: true }, {}, { replied: false }];
      for (const standing of kept) {
        expect(counts(leave(held(), type, "x", standing))).toEqual(counts(held()));
      }
    }
    // What it cited counts no more, on its side, for everyone: only public arguments' count.
    const citing = { ...underR, cited: [{ documentId: "d", start: 0, end: 5 }] };
    const moderators = { ...held(), keepsHidden: true };
    for (const page of [held(), moderators]) {
      for (const type of ["argument.hidden", "argument.withdrawn"] as const) {
        expect(leave(page, type, "x", citing).partial?.cited).toEqual([
          { documentId: "d", start: 0, end: 5, for: 2, against: 1 },
        ]);
      }
    }
    // A moderator's threads keep hidden arguments; withdrawn, they go from theirs too.
    expect(counts(leave(moderators, "argument.hidden", "x", underR))).toEqual(counts(held()));
    expect(leave(moderators, "argument.withdrawn", "y", top).partial?.totals).toEqual({
      for: 40,
      against: 11,
    });
  });

  it("P-LIVE-3: withdrawn with only an argument a moderator hid below it, an argument stays a placeholder on a moderator's page and leaves everyone else's counts", () => {
    const withdrawn = (standing: { replied: false; repliedForModerators?: true }) =>
      motionEvent(11, "argument.withdrawn", {
        argumentId: "x",
        place: { above: ["t", "r"], side: "for" as const },
        ...standing,
        cited: [],
      });
    const moderators = { ...held(), keepsHidden: true };
    // As the moderators hear it. A reader's page goes by `replied` alone, flag or not (the
    // server leaves it out for them: server/domain/debate/audience.ts).
    const heard = withdrawn({ replied: false, repliedForModerators: true });
    expect(counts(applyEvents(moderators, [heard]).state)).toEqual(counts(held()));
    const leftThem = [
      ["t", 8, 5],
      ["r", 1, 1],
    ];
    expect(counts(applyEvents(held(), [heard]).state)).toEqual(leftThem);
    expect(counts(applyEvents(held(), [withdrawn({ replied: false })]).state)).toEqual(leftThem);
    // Nothing hidden below it: it leaves a moderator's counts too.
    expect(counts(applyEvents(moderators, [withdrawn({ replied: false })]).state)).toEqual(
      leftThem,
    );
  });

  it("P-LIVE-3: an argument hidden or withdrawn once no reply below it stands leaves the counts, and a placeholder goes with its last reply", () => {
    const replies = (state: LiveMotion, id: string) =>
      state.arguments.find((a) => a.id === id)?.replies;
    const gone = (
      seq: number,
      type: "argument.hidden" | "argument.withdrawn",
      argumentId: string,
      above: string[],
      replied = false,
    ) =>
      motionEvent(seq, type, {
        argumentId,
        reason: "off topic",
        place: { above, side: "for" as const },
        replied,
        cited: [],
      });
    // "x" replies to "t"; "n", posted live, replies to "x".
    const holdingX = (): LiveMotion => ({
      ...held(),
      arguments: [...held().arguments, reply("x", "t", { replies: { all: 0, direct: 0 } })],
    });
    const posted = motionEvent(11, "argument.posted", {
      argument: reply("n", "x"),
      place: { above: ["t", "x"], side: "for" },
    });
    // "n" withdrawn, then "x" hidden: "x" stands for nothing, held or not.
    for (const page of [holdingX(), held()]) {
      const { state } = applyEvents(page, [
        posted,
        gone(12, "argument.withdrawn", "n", ["t", "x"]),
        gone(13, "argument.hidden", "x", ["t"]),
      ]);
      expect(replies(state, "t")).toEqual({ all: 8, direct: 4 });
    }
    // "x" hidden while "n" stands under it, a placeholder; "n" withdrawn, "x" goes too.
    const { state: emptied } = applyEvents(holdingX(), [
      posted,
      gone(12, "argument.hidden", "x", ["t"], true),
      gone(13, "argument.withdrawn", "n", ["t", "x"]),
    ]);
    expect(replies(emptied, "t")).toEqual({ all: 8, direct: 4 });
    // "n" hidden rather than withdrawn, "x" goes with it; "n" restored, "x" stands again for it.
    const hiddenBoth = [
      posted,
      gone(12, "argument.hidden", "x", ["t"], true),
      gone(13, "argument.hidden", "n", ["t", "x"]),
    ];
    const { state: pruned } = applyEvents(holdingX(), hiddenBoth);
    expect(replies(pruned, "t")).toEqual({ all: 8, direct: 4 });
    const { state: back } = applyEvents(pruned, [
      motionEvent(14, "argument.restored", {
        argument: reply("n", "x"),
        place: { above: ["t", "x"], side: "for" },
        replied: false,
      }),
    ]);
    expect(replies(back, "t")).toEqual({ all: 10, direct: 5 });
    expect(replies(back, "x")).toEqual({ all: 1, direct: 1 });
    // A reply the page never held, waiting for approval under "x" when "x" left (or hidden
    // then), approved (or restored): "x" stands again for it.
    for (const type of ["argument.approved", "argument.restored"] as const) {
      const { state: approved } = applyEvents(pruned, [
        motionEvent(14, type, {
          argument: reply("m", "x"),
          place: { above: ["t", "x"], side: "for" },
          replied: false,
        }),
      ]);
      expect(replies(approved, "t")).toEqual({ all: 10, direct: 5 });
      expect(replies(approved, "x")).toEqual({ all: 1, direct: 1 });
    }
    // A moderator's threads kept both all along.
    const { state: moderated } = applyEvents({ ...holdingX(), keepsHidden: true }, hiddenBoth);
    expect(replies(moderated, "t")).toEqual({ all: 10, direct: 5 });
    // A restored argument that had replies when it came back, withdrawn after its last reply
    // was: the event says no reply stands below it now.
    const page: LiveMotion = {
      ...held(),
      arguments: [
        argumentView("t", { replies: { all: 10, direct: 5 } }),
        reply("r", "t", { relation: "supports", replies: { all: 3, direct: 2 } }),
      ],
    };
    const { state: restoredThenEmptied } = applyEvents(page, [
      motionEvent(11, "argument.restored", {
        argument: reply("n", "r"),
        place: { above: ["t", "r"], side: "against" },
        replied: true,
      }),
      gone(12, "argument.withdrawn", "m", ["t", "r", "n"]),
      gone(13, "argument.withdrawn", "n", ["t", "r"]),
    ]);
    expect(replies(restoredThenEmptied, "r")).toEqual({ all: 1, direct: 1 });
  });

  it("P-LIVE-3: a placeholder the page does not hold leaves the counts with its last standing reply, as the event's latest says, and comes back with a reply restored or approved below it", () => {
    const replies = (state: LiveMotion, id: string) =>
      state.arguments.find((a) => a.id === id)?.replies;
    // "t" and its reply "r" held; below "r", "x" and its reply "n", counted but not held.
    const page: LiveMotion = {
      ...held(),
      arguments: [
        argumentView("t", { replies: { all: 3, direct: 1 } }),
        reply("r", "t", { relation: "supports", replies: { all: 2, direct: 1 } }),
      ],
    };
    const hidden = (seq: number, argumentId: string, above: string[], latest?: string[]) =>
      motionEvent(seq, "argument.hidden", {
        argumentId,
        reason: "off topic",
        place: { above, side: "for" as const },
        replied: argumentId === "x",
        cited: [],
        ...(latest && { latest: Object.fromEntries(latest.map((id) => [id, at(9)])) }),
      });
    // "x" hidden stays, a placeholder for "n"; "n" hidden, the event's latest no longer names
    // "x": it left with "n".
    const { state: pruned } = applyEvents(page, [
      hidden(11, "x", ["t", "r"], ["t", "r"]),
      hidden(12, "n", ["t", "r", "x"], ["t", "r"]),
    ]);
    expect(replies(pruned, "t")).toEqual({ all: 1, direct: 1, latest: at(9) });
    expect(replies(pruned, "r")).toEqual({ all: 0, direct: 0, latest: at(9) });
    // Logged before `latest` was written, the event says nothing of "x": it stays counted.
    const { state: unsaid } = applyEvents(page, [
      hidden(11, "x", ["t", "r"]),
      hidden(12, "n", ["t", "r", "x"]),
    ]);
    expect(replies(unsaid, "t")).toEqual({ all: 2, direct: 1 });
    // "n" restored, or a reply "m" that waited for approval approved: "x" stands again for it.
    for (const [type, id] of [
      ["argument.restored", "n"],
      ["argument.approved", "m"],
    ] as const) {
      const { state: back } = applyEvents(pruned, [
        motionEvent(13, type, {
          argument: reply(id, "x"),
          place: { above: ["t", "r", "x"], side: "for" },
          replied: false,
        }),
      ]);
      expect(replies(back, "t")?.all).toBe(3);
      expect(replies(back, "r")).toMatchObject({ all: 2, direct: 1 });
      expect(back.prunedOutside?.x).toBeUndefined();
    }
    // "x" restored itself, nothing below it: it counts once, as an argument with no reply.
    const { state: itself } = applyEvents(pruned, [
      motionEvent(13, "argument.restored", {
        argument: reply("x", "r"),
        place: { above: ["t", "r"], side: "for" },
        replied: false,
      }),
    ]);
    expect(replies(itself, "t")?.all).toBe(2);
    expect(itself.prunedOutside?.x).toBeUndefined();
  });

  it("P-LIVE-3: a page of arguments read before a restore arrived counts the restored argument once, and leaves it outside until its own part loads", () => {
    const restored = motionEvent(11, "argument.restored", {
      argument: reply("n", "x"),
      place: { above: ["t", "x"], side: "for" },
      replied: true,
    });
    for (const page of [held(), { ...held(), keepsHidden: true }]) {
      const state = applyEvents(page, [restored]).state;
      // "t"'s replies, read at seq 10, bring "x", whose count had "n" all along.
      const loaded = mergeLoaded(state, [reply("x", "t", { replies: { all: 3, direct: 1 } })], {
        seq: 10,
        since: [restored],
      });
      expect(loaded.arguments.find((a) => a.id === "x")?.replies).toEqual({ all: 3, direct: 1 });
      expect(loaded.arguments.some((a) => a.id === "n")).toBe(false);
      expect(loaded.outside?.n).toMatchObject({ above: ["t", "x"] });
    }
  });

  it("the answer to one's own reply under an argument the page does not hold counts nothing: its event counts it where it stands", () => {
    const own = reply("n", "x");
    const answered = withOwnPost(held(), own);
    expect(answered).toEqual(held());
    const { state } = applyEvents(answered, [
      motionEvent(11, "argument.posted", {
        argument: own,
        place: { above: ["t", "x"], side: "for" },
      }),
    ]);
    expect(counts(state)).toEqual([
      ["t", 10, 5],
      ["r", 2, 2],
    ]);
    expect(state.outside?.n).toMatchObject({ above: ["t", "x"], side: "for" });
  });

  it("the answer to a post the page has read since, counted but not held, counts nothing again", () => {
    // Stored at seq 11, its answer lost; the motion read again at seq 12 counts it under "t".
    const reread: LiveMotion = {
      ...held(),
      seq: 12,
      arguments: [argumentView("t", { replies: { all: 10, direct: 6 } })],
    };
    const answered = withOwnPost(reread, reply("n", "t"), 11);
    expect(answered).toEqual(reread);
    // Answered before its event, it is held and counted once.
    const first = withOwnPost(held(), reply("m", "t"), 11);
    expect(counts(first)).toEqual([
      ["t", 10, 6],
      ["r", 2, 2],
    ]);
  });

  it("an argument that arrived live takes its reply counts from a page read before a reply to it, with that reply counted", () => {
    const answered = motionEvent(11, "argument.posted", {
      argument: reply("b", "a"),
      place: { above: ["a"], side: "against" },
    });
    // "a" arrived live: held, its replies not counted yet.
    const live = applyEvents({ ...held(), arguments: [...held().arguments, argumentView("a")] }, [
      answered,
    ]).state;
    const loaded = mergeLoaded(live, [argumentView("a", { replies: { all: 0, direct: 0 } })], {
      seq: 10,
      since: [answered],
    });
    expect(loaded.arguments.find((a) => a.id === "a")?.replies).toEqual({ all: 1, direct: 1 });
    expect(loaded.arguments.filter((a) => a.id === "b")).toHaveLength(1);
  });

  it("an edit of a reply the page counts but does not hold is activity in the held thread above it", () => {
    const page: LiveMotion = {
      ...held(),
      arguments: [argumentView("t", { replies: { all: 9, direct: 5, latest: at(1) } })],
    };
    const { state } = applyEvents(page, [
      motionEvent(11, "argument.posted", {
        argument: reply("y", "x", { createdAt: at(2) }),
        place: { above: ["t", "x"], side: "for" },
      }),
      motionEvent(12, "argument.edited", {
        argumentId: "y",
        body: "Put better.",
        editedAt: at(30),
      }),
    ]);
    expect(state.arguments.find((a) => a.id === "t")?.replies).toEqual({
      all: 10,
      direct: 5,
      latest: at(30),
    });
  });

  it("counts an argument once, though its ack and its event both bring it", () => {
    const once = holdArgument(held(), reply("n", "t"));
    const twice = holdArgument(once, reply("n", "t", { body: "edited meanwhile" }));
    expect(twice.arguments.find((a) => a.id === "t")?.replies).toEqual({ all: 10, direct: 6 });
    expect(twice.arguments.find((a) => a.id === "n")?.body).toBe("edited meanwhile");
  });

  it("adds a new argument's citations to the passages counted across the debate, on its side", () => {
    // An attack on an argument for the motion argues against it.
    const state = holdArgument(held(), reply("n", "t", { citations: [citing(0), citing(20)] }));
    expect(state.partial?.cited).toEqual([
      { documentId: "d", start: 0, end: 5, for: 3, against: 2 },
      { documentId: "d", start: 20, end: 25, for: 0, against: 1 },
    ]);
    expect(citedPassages(state.arguments)).toHaveLength(2);
  });

  it("counts an approved post's citations once it is public, not while it waited", () => {
    const waiting = holdArgument(
      held(),
      reply("w", "t", { status: "pending", citations: [citing(20)] }),
    );
    expect(waiting.partial?.cited).toEqual(held().partial?.cited);
    const approved = holdArgument(waiting, reply("w", "t", { citations: [citing(20)] }));
    expect(approved.partial?.cited).toContainEqual({
      documentId: "d",
      start: 20,
      end: 25,
      for: 0,
      against: 1,
    });
    expect(approved.arguments.find((a) => a.id === "t")?.replies).toEqual({ all: 10, direct: 6 });
  });

  it("takes loaded arguments in without counting them again, keeping what events changed", () => {
    const state = holdArgument(held(), reply("n", "t", { body: "as the event has it" }));
    const merged = mergeLoaded(state, [
      reply("n", "t", { body: "as the page read it", replies: { all: 0, direct: 0 } }),
      reply("m", "t", { replies: { all: 1, direct: 1 } }),
    ]);
    expect(merged.arguments.map((a) => a.id)).toEqual(["t", "r", "n", "m"]);
    expect(merged.arguments.find((a) => a.id === "n")?.body).toBe("as the event has it");
    expect(merged.arguments.find((a) => a.id === "n")?.replies).toEqual({ all: 0, direct: 0 });
    expect(merged.arguments.find((a) => a.id === "t")?.replies).toEqual({ all: 10, direct: 6 });
    expect(merged.partial).toEqual(state.partial);
  });

  it("moves the passages a held argument cites when its document gets a new version", () => {
    // "t" is one of the three arguments for the motion citing 0-5.
    const start = {
      ...held(),
      arguments: held().arguments.map((a) => (a.id === "t" ? { ...a, citations: [citing(0)] } : a)),
    };
    const moved = { ...citing(0), anchor: { ...citing(100).anchor } };
    const { state } = applyEvents(start, [newVersion(11, { argumentId: "t", citations: [moved] })]);
    expect(state.partial?.cited).toEqual([
      { documentId: "d", start: 0, end: 5, for: 2, against: 1 },
      { documentId: "d", start: 100, end: 105, for: 1, against: 0 },
    ]);
  });

  it("uncounts a held argument's passage when a moderator detaches its citation, or it is withdrawn", () => {
    const start = {
      ...held(),
      arguments: held().arguments.map((a) => (a.id === "t" ? { ...a, citations: [citing(0)] } : a)),
    };
    const { state: reviewed } = applyEvents(start, [
      review(11, "t", "detach", { citations: [], detached: ["x"] }),
    ]);
    expect(reviewed.partial?.cited).toEqual([
      { documentId: "d", start: 0, end: 5, for: 2, against: 1 },
    ]);
    const { state: withdrawn } = applyEvents(start, [
      motionEvent(11, "argument.withdrawn", { argumentId: "t" }),
    ]);
    expect(withdrawn.partial?.cited).toEqual(reviewed.partial?.cited);
  });

  it("counts a live reply under an argument the page does not hold on the side its thread gives it, without holding it", () => {
    // "x" (not held) attacks "t", which is for the motion; "n" attacks "x": for the motion.
    const state = holdArgument(held(), reply("n", "x", { citations: [citing(20)] }), {
      above: ["t", "x"],
      side: "for",
    });
    expect(state.arguments.map((a) => a.id)).toEqual(["t", "r"]);
    expect(state.partial?.totals).toEqual({ for: 40, against: 12 });
    expect(state.partial?.cited).toContainEqual({
      documentId: "d",
      start: 20,
      end: 25,
      for: 1,
      against: 0,
    });
    expect(buildArgumentTree(state.arguments).map((n) => n.id)).toEqual(["t"]);
  });

  it("uncounts an unheld live reply once it is hidden or withdrawn, and counts it again once restored", () => {
    const place = { above: ["t", "x"], side: "for" as const };
    const posted = motionEvent(11, "argument.posted", {
      argument: reply("n", "x", { citations: [citing(20)] }),
      place,
    });
    const { state } = applyEvents(held(), [posted]);
    expect(state.partial?.cited).toContainEqual({
      documentId: "d",
      start: 20,
      end: 25,
      for: 1,
      against: 0,
    });
    const { state: hidden } = applyEvents(state, [
      motionEvent(12, "argument.hidden", { argumentId: "n", reason: "off topic" }),
    ]);
    expect(hidden.outside?.n?.status).toBe("hidden");
    expect(hidden.partial?.cited).toEqual(held().partial?.cited);
    const { state: restored } = applyEvents(hidden, [
      motionEvent(13, "argument.restored", {
        argument: reply("n", "x", { citations: [citing(20)] }),
        place,
      }),
    ]);
    expect(restored.outside?.n?.status).toBe("published");
    expect(restored.partial?.cited).toEqual(state.partial?.cited);
    const { state: withdrawn } = applyEvents(state, [
      motionEvent(12, "argument.withdrawn", { argumentId: "n" }),
    ]);
    expect(withdrawn.outside?.n?.status).toBe("withdrawn");
    expect(withdrawn.partial?.cited).toEqual(held().partial?.cited);
    // Hidden while waiting for a moderator, nothing was counted to take off.
    const waiting = holdArgument(
      held(),
      reply("w", "x", { status: "pending", citations: [citing(20)] }),
      place,
    );
    const { state: hiddenWaiting } = applyEvents(waiting, [
      motionEvent(11, "argument.hidden", { argumentId: "w", reason: "spam" }),
    ]);
    expect(hiddenWaiting.partial?.cited).toEqual(held().partial?.cited);
  });

  it("moves an unheld live reply's counted passage with a new version and a review, and never counts a rejected one", () => {
    const place = { above: ["t", "x"], side: "for" as const };
    const posted = motionEvent(11, "argument.posted", {
      argument: reply("n", "x", { citations: [citing(20)] }),
      place,
    });
    const { state } = applyEvents(held(), [posted]);
    const passage = (start: number, count: number) => ({
      documentId: "d",
      start,
      end: start + 5,
      for: count,
      against: 0,
    });
    const { state: reanchored } = applyEvents(state, [
      newVersion(12, { argumentId: "n", citations: [citing(30)] }),
    ]);
    expect(reanchored.partial?.cited).toContainEqual(passage(30, 1));
    expect(reanchored.partial?.cited).not.toContainEqual(passage(20, 1));
    expect(reanchored.outside?.n?.citations).toEqual([citing(30)]);
    const { state: reviewed } = applyEvents(reanchored, [
      review(13, "n", "accept", { citations: [citing(40)], detached: [] }),
    ]);
    expect(reviewed.partial?.cited).toContainEqual(passage(40, 1));
    expect(reviewed.partial?.cited).not.toContainEqual(passage(30, 1));
    // Pending, then rejected: nothing counted either way, and the entry says so.
    const waiting = holdArgument(
      held(),
      reply("w", "x", { status: "pending", citations: [citing(20)] }),
      place,
    );
    const { state: rejected } = applyEvents(waiting, [
      motionEvent(11, "argument.rejected", { argumentId: "w", reason: "No source", onlyFor: "u" }),
    ]);
    expect(rejected.outside?.w?.status).toBe("rejected");
    expect(rejected.partial?.cited).toEqual(held().partial?.cited);
  });

  it("P-LIVE-4: moves the passages an argument the page neither holds nor counts apart cites, on its side, with a new version and with a review; an event without side and was moves nothing", () => {
    // "u" (not held, read with the page's counts) is against the motion and cites 0-5.
    const spot = (start: number) => ({ documentId: "d", start, end: start + 5 });
    const { state: reanchored } = applyEvents(held(), [
      newVersion(11, {
        argumentId: "u",
        citations: [citing(100)],
        side: "against",
        was: [spot(0)],
      }),
    ]);
    expect(reanchored.partial?.cited).toEqual([
      { documentId: "d", start: 0, end: 5, for: 3, against: 0 },
      { documentId: "d", start: 100, end: 105, for: 0, against: 1 },
    ]);
    expect(reanchored.arguments.map((a) => a.id)).toEqual(["t", "r"]);
    expect(reanchored.outside).toBeUndefined();
    const { state: reviewed } = applyEvents(reanchored, [
      review(12, "u", "repick", {
        citations: [citing(40)],
        detached: [],
        side: "against",
        was: [spot(100)],
      }),
    ]);
    expect(reviewed.partial?.cited).toEqual([
      { documentId: "d", start: 0, end: 5, for: 3, against: 0 },
      { documentId: "d", start: 40, end: 45, for: 0, against: 1 },
    ]);
    const { state: detached } = applyEvents(reviewed, [
      review(13, "u", "detach", {
        citations: [],
        detached: ["x"],
        side: "against",
        was: [spot(40)],
      }),
    ]);
    expect(detached.partial?.cited).toEqual([
      { documentId: "d", start: 0, end: 5, for: 3, against: 0 },
    ]);
    // Logged before side and was were written: where "u" stood is unknown, so nothing moves.
    const { state: older } = applyEvents(held(), [
      newVersion(11, { argumentId: "u", citations: [citing(100)] }),
    ]);
    expect(older.partial).toEqual(held().partial);
  });

  it("counts a reply posted under a parent the page does not hold in the held grandparent's replies", () => {
    const state = holdArgument(held(), reply("n", "x"), { above: ["t", "x"], side: "for" });
    expect(state.arguments.find((a) => a.id === "t")?.replies).toEqual({ all: 10, direct: 5 });
    // Submitted to the moderators, then approved: counted once.
    const waiting = holdArgument(held(), reply("w", "x", { status: "pending" }), {
      above: ["t", "x"],
      side: "for",
    });
    const approved = holdArgument(waiting, reply("w", "x"), { above: ["t", "x"], side: "for" });
    expect(approved.arguments.find((a) => a.id === "t")?.replies).toEqual({ all: 10, direct: 5 });
  });

  it("a branch read before a live reply arrived keeps the reply, counted once", () => {
    // The page read "x" (a reply to "t") at seq 10; "y", posted under "x" at 11, arrived first.
    const posted = motionEvent(11, "argument.posted", {
      argument: reply("y", "x"),
      place: { above: ["t", "x"], side: "for" },
    });
    const { state } = applyEvents(held(), [posted]);
    const merged = mergeLoaded(state, [reply("x", "t", { replies: { all: 0, direct: 0 } })], {
      seq: 10,
      since: [posted],
    });
    expect(merged.arguments.map((a) => a.id).sort()).toEqual(["r", "t", "x", "y"]);
    expect(merged.arguments.find((a) => a.id === "x")?.replies).toEqual({ all: 1, direct: 1 });
    expect(merged.arguments.find((a) => a.id === "t")?.replies).toEqual({ all: 10, direct: 5 });
  });

  it("a page read before an edit shows the argument as edited", () => {
    const edited = motionEvent(11, "argument.edited", {
      argumentId: "x",
      body: "edited",
      editedAt: at(5),
    });
    const { state } = applyEvents(held(), [edited]);
    const merged = mergeLoaded(state, [reply("x", "t", { replies: { all: 0, direct: 0 } })], {
      seq: 10,
      since: [edited],
    });
    expect(merged.arguments.find((a) => a.id === "x")?.body).toBe("edited");
  });

  it("a page read after events still on their way waits for them, and counts nothing twice", () => {
    // The page, read at 11, already holds "y", posted at 11 under "t".
    const posted = motionEvent(11, "argument.posted", {
      argument: reply("y", "t"),
      place: { above: ["t"], side: "against" },
    });
    const page = { seq: 11, arguments: [reply("y", "t", { replies: { all: 0, direct: 0 } })] };
    const early = mergePages(held(), [page], []);
    expect(early.waiting).toEqual([page]);
    expect(early.state.arguments.map((a) => a.id)).toEqual(["t", "r"]);
    const { state } = applyEvents(early.state, [posted]);
    const later = mergePages(state, early.waiting, [posted]);
    expect(later.waiting).toEqual([]);
    expect(later.state.arguments.map((a) => a.id)).toEqual(["t", "r", "y"]);
    expect(later.state.arguments.find((a) => a.id === "t")?.replies).toEqual({
      all: 10,
      direct: 6,
    });
  });

  it("P-LIVE-2: a rating that lifts an argument the page does not hold to its list's weakest shown names it, until it is loaded", () => {
    const strength = (mean: number | null, count: number) => ({ mean, count });
    const shown = {
      ...held(),
      arguments: [
        argumentView("t", { strength: strength(3, 2) }),
        argumentView("s", { strength: strength(2, 4) }),
        reply("r", "t", { strength: strength(1, 1) }),
      ],
    };
    const rate = (seq: number, argumentId: string, mean: number, above: string[] = []) =>
      motionEvent(seq, "argument.rated", {
        argumentId,
        strength: strength(mean, 1),
        place: { above, side: "for" as const },
      });
    const { state } = applyEvents(shown, [
      rate(11, "up", 2.5),
      rate(12, "down", 1),
      rate(13, "reply", 1, ["t"]),
      rate(14, "deep", 4, ["t", "x"]),
    ]);
    // "up" ranks above "s" (2 of 4), the weakest shown; "down" below it; "reply" ties "r" (1 of
    // 1) under "t"; "deep" is under "x", whose replies the page shows none of; "s" is held.
    expect(ratedIntoView(state)).toEqual(["up", "reply"]);
    // A held argument takes its new strength: now the weakest shown, "down" ranks above it.
    const weaker = applyEvents(state, [rate(15, "s", 0)]).state;
    expect(weaker.arguments.find((a) => a.id === "s")?.strength).toEqual(strength(0, 1));
    expect(ratedIntoView(weaker)).toEqual(["up", "down", "reply"]);
    const loaded = mergeLoaded(state, [argumentView("up", { strength: strength(2.5, 1) })]);
    expect(ratedIntoView(loaded)).toEqual(["reply"]);
    // A withdrawn argument the page still holds is not shown: it is not the weakest shown.
    const withdrawn = argumentView("w", { status: "withdrawn", strength: strength(0, 1) });
    const beside = { ...shown, arguments: [...shown.arguments, withdrawn] };
    expect(ratedIntoView(applyEvents(beside, [rate(11, "down", 1)]).state)).toEqual([]);
    // A rating logged before ratings carried their place changes only what the page holds.
    const unplaced = motionEvent(11, "argument.rated", {
      argumentId: "old",
      strength: strength(4, 1),
    });
    expect(ratedIntoView(applyEvents(shown, [unplaced]).state)).toEqual([]);
  });

  it("P-LIVE-2: a rating that lifts a restored argument the page counts but has not read names it too, until it is loaded", () => {
    const strength = (mean: number | null, count: number) => ({ mean, count });
    const place = { above: ["t"], side: "for" as const };
    const page = {
      ...held(),
      keepsHidden: true,
      arguments: [
        argumentView("t", { replies: { all: 9, direct: 5 } }),
        reply("r", "t", { strength: strength(2, 3) }),
      ],
    };
    // "n", a reply to "t" past what the page read of them, was hidden when the page was read: a
    // moderator's counts had it all along, so restored it is counted, not held.
    const restored = applyEvents(page, [
      motionEvent(11, "argument.restored", { argument: reply("n", "t"), place, replied: false }),
    ]).state;
    expect(restored.outside?.n).toMatchObject({ restored: { replied: false } });
    const rated = applyEvents(restored, [
      motionEvent(12, "argument.rated", { argumentId: "n", strength: strength(4, 1), place }),
    ]).state;
    // It ranks above "r", the weakest reply shown under "t": its thread is read to place it.
    expect(ratedIntoView(rated)).toEqual(["n"]);
    const loaded = mergeLoaded(rated, [reply("n", "t", { strength: strength(4, 1) })]);
    expect(ratedIntoView(loaded)).toEqual([]);
    expect(loaded.outside?.n).toBeUndefined();
    // Withdrawn before it was read, it is no longer followed.
    const withdrawn = applyEvents(rated, [
      motionEvent(13, "argument.withdrawn", { argumentId: "n", place, replied: false, cited: [] }),
    ]).state;
    expect(ratedIntoView(withdrawn)).toEqual([]);
  });

  it("P-LIVE-2: a reply that arrived under a thread the page does not hold names that thread once, until it is withdrawn or hidden", () => {
    const posted = (seq: number, id: string, above: string[]) =>
      motionEvent(seq, "argument.posted", {
        argument: reply(id, above.at(-1) as string),
        place: { above, side: "against" as const },
      });
    // "u" and "v" are top-level arguments the page does not hold; "t" it holds.
    const { state } = applyEvents(held(), [
      posted(11, "a", ["u", "x"]),
      posted(12, "b", ["u", "y"]),
      posted(13, "c", ["v", "z"]),
      posted(14, "d", ["t", "x"]),
    ]);
    const holding = new Set(state.arguments.map((a) => a.id));
    expect(movedUpBy(state.outside, holding)).toEqual(["a", "c"]);
    const withdrawn = applyEvents(state, [
      motionEvent(15, "argument.withdrawn", {
        argumentId: "c",
        place: { above: ["v", "z"], side: "against" },
        replied: false,
        cited: [],
      }),
    ]).state;
    expect(movedUpBy(withdrawn.outside, holding)).toEqual(["a"]);
  });

  it("'Latest activity' puts first an argument whose unheld replies are the freshest", () => {
    const { quiet, busy } = quietAndBusy(at(30));
    const sorted = sortArguments(buildArgumentTree([quiet, busy]), "activity");
    expect(sorted.map((n) => n.id)).toEqual(["b", "q"]);
    // A reply arriving live under it counts as its latest activity.
    const live = holdArgument(
      { ...held(), arguments: [busy, quiet] },
      reply("n", "q", { createdAt: at(40) }),
    );
    expect(live.arguments.find((a) => a.id === "q")?.replies?.latest).toBe(at(40));
  });

  it("P-LIVE-5: once the newest reply leaves the threads (withdrawn; hidden, for all but moderators), 'Latest activity' puts its thread back where what came before it puts it", () => {
    const { quiet, busy } = quietAndBusy(at(5));
    const page = { ...held(), arguments: [busy, quiet] };
    const order = (state: LiveMotion) =>
      sortArguments(buildArgumentTree(state.arguments), "activity").map((n) => n.id);
    // "n", posted under "x" (a reply to "b" the page does not hold), brings "b" first.
    const place = { above: ["b", "x"], side: "for" as const };
    const { state } = applyEvents(page, [
      motionEvent(11, "argument.posted", {
        argument: reply("n", "x", { createdAt: at(40) }),
        place,
      }),
    ]);
    expect(order(state)).toEqual(["b", "q"]);
    const gone = { argumentId: "n", place, replied: false, cited: [] };
    const withdrawn = applyEvents(state, [
      motionEvent(12, "argument.withdrawn", { ...gone, latest: { b: at(5), x: at(5) } }),
    ]).state;
    expect(order(withdrawn)).toEqual(["q", "b"]);
    // A moderator's threads hold a hidden reply of 0:20 under "x": their own figure counts.
    const moderators = { ...state, keepsHidden: true };
    const forModerators = applyEvents(moderators, [
      motionEvent(12, "argument.withdrawn", {
        ...gone,
        latest: { b: at(5), x: at(5) },
        latestForModerators: { b: at(20), x: at(20) },
      }),
    ]).state;
    expect(order(forModerators)).toEqual(["b", "q"]);
    expect(forModerators.arguments.find((a) => a.id === "b")?.replies?.latest).toBe(at(20));
    // Hidden, it leaves a reader's threads, not a moderator's.
    const hide = motionEvent(12, "argument.hidden", {
      argumentId: "n",
      reason: "off topic",
      place,
      replied: false,
      cited: [],
      latest: { b: at(5), x: at(5) },
    });
    const hidden = applyEvents(state, [hide]).state;
    expect(order(hidden)).toEqual(["q", "b"]);
    expect(order(applyEvents(moderators, [hide]).state)).toEqual(["b", "q"]);
    // Restored, it is the thread's latest activity again.
    const restored = applyEvents(hidden, [
      motionEvent(13, "argument.restored", {
        argument: reply("n", "x", { createdAt: at(40) }),
        place,
        replied: false,
      }),
    ]).state;
    expect(order(restored)).toEqual(["b", "q"]);
    expect(restored.arguments.find((a) => a.id === "b")?.replies?.latest).toBe(at(40));
    // Logged before `latest` was written: the thread keeps the place it had.
    const older = applyEvents(state, [motionEvent(12, "argument.withdrawn", gone)]).state;
    expect(order(older)).toEqual(["b", "q"]);
  });

  it("P-LIVE-6: a new version past a hundred arguments, which lists none, calls the page to read the motion again; one that lists them, and events that change no names, do not", () => {
    const many = motionEvent(11, "evidence.reanchored", {
      documentId: "d",
      versionId: "v2",
      sources: [],
      arguments: [],
      readAgain: true,
    });
    const listed = newVersion(11, { argumentId: "t", citations: [citing(0)] });
    const named = (anonymous: boolean) =>
      motionEvent(12, "motion.settings", {
        settings: { ...held().settings, anonymous },
        session: held().session,
      });
    // Live, each page waits its own part of the spread; a join's replay (none) reads at once.
    expect(readAgainIn([many], false, () => 0.5)).toBe(READ_AGAIN_SPREAD_MS / 2);
    expect(readAgainIn([many], false, () => 0.999)).toBeLessThan(READ_AGAIN_SPREAD_MS);
    expect(readAgainIn([many], false, () => 0)).toBe(0);
    expect(readAgainIn([listed, named(false)], false)).toBeNull();
    // Names come or go at once, whatever else the events call for.
    expect(readAgainIn([listed, named(true)], false)).toBe(0);
    expect(readAgainIn([many, named(true)], false, () => 0.5)).toBe(0);
    expect(readAgainIn([named(true)], true)).toBeNull();
    // Applied, it changes nothing the page holds: the page reads the motion again instead.
    const state = held();
    const after = applyEvents(state, [many]).state;
    expect(after.arguments).toEqual(state.arguments);
    expect(after.seq).toBe(11);
  });
});
