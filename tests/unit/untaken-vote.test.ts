import { describe, expect, it } from "vitest";
import { emptyTally } from "@/lib/debate";
import { untakenVote, type VoteTiming, votingOver } from "@/lib/results";

const free: VoteTiming = {
  status: "open",
  settings: { format: "free" },
  session: { phase: null, clock: "waiting" },
};
const oxford = (
  phase: VoteTiming["session"]["phase"],
  clock: VoteTiming["session"]["clock"] = "running",
): VoteTiming => ({
  status: "open",
  settings: { format: "oxford" },
  session: { phase, clock },
});

describe("what a vote nobody has cast reads as", () => {
  it("a free discussion's votes are named before and after the debate, not a session's phases", () => {
    expect(untakenVote(emptyTally(), "before", free)).toBe("Vote before the debate not taken yet");
    expect(untakenVote(emptyTally(), "after", free)).toBe("Vote after the debate not taken yet");
  });

  it("a structured debate's vote open now says so, and an opening vote whose phase passed says nobody voted", () => {
    expect(untakenVote(emptyTally(), "before", oxford("opening-vote"))).toBe(
      "Opening vote open: no votes yet",
    );
    expect(untakenVote(emptyTally(), "after", oxford("opening-vote"))).toBe(
      "Final vote not taken yet",
    );
    expect(untakenVote(emptyTally(), "before", oxford("final-vote"))).toBe(
      "Opening vote: nobody voted",
    );
  });

  it("once the motion is closed or archived, or its session ended, no vote is still to be taken", () => {
    for (const status of ["closed", "archived"] as const) {
      const over = { ...free, status };
      expect(votingOver(over)).toBe(true);
      expect(untakenVote(emptyTally(), "after", over)).toBe("Vote after the debate: nobody voted");
    }
    const ended = oxford(null, "ended");
    expect(votingOver(ended)).toBe(true);
    expect(untakenVote(emptyTally(), "after", ended)).toBe("Final vote: nobody voted");
    expect(votingOver(free)).toBe(false);
  });

  it("a vote someone has cast has nothing to say", () => {
    const votes = emptyTally();
    votes.after.for = 1;
    expect(untakenVote(votes, "after", free)).toBeNull();
  });
});
