import Link from "next/link";
import { type Stance, shareOf, type VotePhase, type VoteTally } from "@/lib/debate";
import {
  type CitedPassage,
  hasMoved,
  type Mover,
  untakenVote,
  type VoteTiming,
  winnerSentence,
} from "@/lib/results";
import { TableScroll } from "../../../components/TableScroll";
import { stanceLabel } from "./labels";

const stances: Stance[] = ["for", "against", "undecided"];
const phases: [VotePhase, string][] = [
  ["before", "Before the debate"],
  ["after", "After the debate"],
];
const totalOf = (votes: VoteTally, phase: VotePhase) =>
  stances.reduce((sum, stance) => sum + votes[phase][stance], 0);

/** The top of a results page: the way back to the motion, the heading, and the vote. */
export function ResultsTop({
  motion,
  votes,
  audience = "moderators",
}: {
  motion: { id: string; title: string } & VoteTiming;
  votes: VoteTally;
  audience?: "moderators" | "room";
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/motions/${motion.id}`}>{motion.title}</Link>
      </nav>
      <h1>Results</h1>
      <p className="lead">{motion.title}</p>

      <section aria-labelledby="vote-heading">
        <h2 id="vote-heading">The vote</h2>
        <VoteResult votes={votes} motion={motion} audience={audience} />
      </section>
    </>
  );
}

/** The verdict and the two tallies, or why there is no verdict yet and what to do about it. */
export function VoteResult({
  votes,
  motion,
  audience = "moderators",
}: {
  votes: VoteTally;
  motion: { id: string } & VoteTiming;
  /** The room reads the result; the moderators are told how to get one. */
  audience?: "moderators" | "room";
}) {
  const motionId = motion.id;
  const before = totalOf(votes, "before");
  const after = totalOf(votes, "after");
  if (before + after === 0 && audience === "room") {
    return (
      <p className="empty">
        Nobody has voted yet: the result appears once the room has voted before the debate and again
        after it. <Link href={`/motions/${motionId}`}>Back to the motion</Link>.
      </p>
    );
  }
  if (before + after === 0) {
    return (
      <p className="empty">
        Nobody has voted yet: the result appears once the vote before and the vote after have been
        cast. Open <Link href={`/motions/${motionId}`}>the motion</Link> and ask the room to vote
        before the debate starts, and again when it ends.
      </p>
    );
  }
  const verdict = winnerSentence(votes);
  return (
    <>
      {verdict ? (
        <p className="verdict">{verdict}.</p>
      ) : (
        <p className="empty">
          Only the vote {before === 0 ? "after" : "before"} has been cast: the result appears once
          the vote {before === 0 ? "before" : "after"} has been cast too.
        </p>
      )}
      <TableScroll label="Votes before and after">
        <table className="tally vote-tally">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">When</span>
              </th>
              {stances.map((stance) => (
                <th key={stance} scope="col">
                  {stanceLabel(stance)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {phases.map(([phase, label]) => {
              const untaken = untakenVote(votes, phase, motion);
              return (
                <tr key={phase}>
                  <th scope="row">{label}</th>
                  {untaken ? (
                    <td colSpan={stances.length} className="vote-untaken">
                      {untaken}
                    </td>
                  ) : (
                    stances.map((stance) => (
                      <td key={stance}>
                        {votes[phase][stance]} ({shareOf(votes[phase], stance)}%)
                      </td>
                    ))
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/**
 * Everyone who voted, those who changed sides first. Until anyone has voted after the debate,
 * nobody's "after" reads as a vote they did not cast.
 */
export function Movers({
  movers,
  afterSettled,
}: {
  movers: Mover[];
  /** Someone has voted after the debate, or nobody can any more: each row's "after" is final. */
  afterSettled: boolean;
}) {
  return (
    <TableScroll label="Who moved">
      <table className="tally">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Changed sides</th>
          </tr>
        </thead>
        <tbody>
          {movers.map((mover) => (
            <tr key={mover.user.id}>
              <th scope="row">{mover.user.name}</th>
              <td>{stanceLabel(mover.before)}</td>
              <td>{afterSettled ? stanceLabel(mover.after) : "Not taken yet"}</td>
              <td>{afterSettled ? (hasMoved(mover) ? "Yes" : "No") : "Not yet"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The passages each side quoted most, most cited first. */
export function CitedPassages({
  passages,
}: {
  passages: { for: CitedPassage[]; against: CitedPassage[] };
}) {
  if (passages.for.length + passages.against.length === 0) {
    return (
      <p className="empty">
        No published argument cites a passage yet: the passages each side leans on appear here once
        arguments cite them.
      </p>
    );
  }
  return (
    <div className="sides">
      {(["for", "against"] as const).map((side) => (
        <section
          key={side}
          aria-labelledby={`cited-${side}`}
          className={`side side-${side} cited-passages`}
        >
          <h3 id={`cited-${side}`}>Cited {side} the motion</h3>
          {passages[side].length === 0 ? (
            <p className="meta">No argument {side} the motion cites a passage.</p>
          ) : (
            <ol>
              {passages[side].map((p) => (
                <li key={`${p.documentId}:${p.start}:${p.end}`}>
                  <blockquote>
                    <p>{p.exact}</p>
                  </blockquote>
                  <p className="meta">
                    Cited {p.count} time{p.count === 1 ? "" : "s"}, from{" "}
                    <Link href={`/documents/${p.documentId}`}>
                      <cite>{p.documentTitle}</cite>
                    </Link>
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
