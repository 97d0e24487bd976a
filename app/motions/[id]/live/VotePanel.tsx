"use client";

import Link from "next/link";
import { useState } from "react";
import { newClientId } from "@/lib/clientId";
import type { CastVote } from "@/lib/commands";
import { type Stance, supportShift, type VotePhase, type VoteTally } from "@/lib/debate";
import { untakenVote, type VoteTiming, votingOver, winnerSentence } from "@/lib/results";
import { Problem } from "../../../components/Problem";

const stances: [Stance, string][] = [
  ["for", "For"],
  ["against", "Against"],
  ["undecided", "Undecided"],
];
const phases: [VotePhase, string][] = [
  ["before", "Before the debate"],
  ["after", "After the debate"],
];

/**
 * The tally before and after, the shift between them, and the viewer's own two votes. A vote
 * nobody has cast says so in its row ("Final vote not taken yet", "… open: no votes yet", "…
 * nobody voted"), as the projector and the results do: a row of zeros reads as a result.
 */
export function VotePanel({
  motionId,
  votes,
  mine,
  canVote,
  closedPhases,
  timing,
  vote,
}: {
  motionId: string;
  votes: VoteTally;
  mine: Partial<Record<VotePhase, Stance>>;
  canVote: boolean;
  /** Why a vote cannot be cast now, by phase (a structured debate's phase decides). */
  closedPhases: Partial<Record<VotePhase, string>>;
  /** Where the motion stands; once voting is over the panel says who won and leads to the results. */
  timing: VoteTiming;
  vote: (payload: CastVote) => Promise<string | null>;
}) {
  const [chosen, setChosen] = useState(mine);
  const [problem, setProblem] = useState<string | null>(null);
  const shift = supportShift(votes);
  const over = votingOver(timing);
  const choose = async (phase: VotePhase, stance: Stance) => {
    const previous = chosen[phase];
    setChosen({ ...chosen, [phase]: stance });
    const refused = await vote({ motionId, clientId: newClientId(), phase, stance });
    setProblem(refused);
    if (refused) setChosen((now) => ({ ...now, [phase]: previous }));
  };
  return (
    <section aria-labelledby="votes-heading" className="panel votes">
      <h2 id="votes-heading">Votes</h2>
      {over ? (
        <div className="verdict-line" role="status">
          <p className="verdict">
            {winnerSentence(votes) ??
              "The debate is over. Without both a vote before and a vote after, nobody won."}
          </p>
          <Link className="button" href={`/motions/${motionId}/results`}>
            See the results
          </Link>
        </div>
      ) : null}
      <table className="tally">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">When</span>
            </th>
            {stances.map(([stance, label]) => (
              <th key={stance} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {phases.map(([phase, label]) => {
            const untaken = untakenVote(votes, phase, timing);
            return (
              <tr key={phase}>
                <th scope="row">{label}</th>
                {untaken ? (
                  <td
                    colSpan={stances.length}
                    className="vote-untaken"
                    data-testid={`tally-${phase}-untaken`}
                  >
                    {untaken}
                  </td>
                ) : (
                  stances.map(([stance]) => (
                    <td key={stance} data-testid={`tally-${phase}-${stance}`}>
                      {votes[phase][stance]}
                    </td>
                  ))
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="meta" aria-live="polite">
        {shift === 0
          ? "No shift in support yet."
          : `Support for the motion ${shift > 0 ? "rose" : "fell"} by ${Math.abs(shift)} points.`}
      </p>
      {canVote
        ? phases.map(([phase, label]) => (
            <fieldset
              key={phase}
              id={`vote-${phase}`}
              className="vote-choice"
              disabled={Boolean(closedPhases[phase])}
            >
              <legend>Your vote {label.toLowerCase()}</legend>
              {closedPhases[phase] ? <p className="meta">{closedPhases[phase]}</p> : null}
              {stances.map(([stance, stanceLabel]) => (
                <label key={stance}>
                  <input
                    type="radio"
                    name={`vote-${phase}`}
                    value={stance}
                    checked={chosen[phase] === stance}
                    onChange={() => choose(phase, stance)}
                  />{" "}
                  {stanceLabel}
                </label>
              ))}
            </fieldset>
          ))
        : null}
      <Problem text={problem} />
    </section>
  );
}
