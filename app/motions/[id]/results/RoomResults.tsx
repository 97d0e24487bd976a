import { type Stance, totalOf, type VotePhase } from "@/lib/debate";
import { type RoomResult, votingOver } from "@/lib/results";
import type { MotionView } from "@/lib/views";
import { stanceLabel } from "./labels";
import { GroupsAndPassages } from "./OpinionsSection";
import { ResultsTop } from "./sections";

/** The reader's vote; one not cast is theirs alone unless nobody could vote yet. */
const voteSentence = (stance: Stance | null, phase: VotePhase, taken: boolean, over: boolean) =>
  stance
    ? `You voted ${stanceLabel(stance).toLowerCase()} ${phase} the debate.`
    : taken || over
      ? `You did not vote ${phase} the debate.`
      : `The vote ${phase} the debate has not been taken yet.`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a participant (or any reader) sees of the results: the room's, and their own part. */
export function RoomResults({ motion, result }: { motion: MotionView; result: RoomResult }) {
  const { mine } = result;
  const over = votingOver(motion);
  return (
    <article className="results">
      <ResultsTop motion={motion} votes={result.votes} audience="room" />

      {mine ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">Your part</h2>
          <ul className="plain your-part">
            <li>{voteSentence(mine.before, "before", totalOf(result.votes.before) > 0, over)}</li>
            <li>{voteSentence(mine.after, "after", totalOf(result.votes.after) > 0, over)}</li>
            <li>
              You posted {plural(mine.arguments.for + mine.arguments.against, "argument")} (
              {mine.arguments.for} for, {mine.arguments.against} against) and{" "}
              {plural(mine.replies.supports + mine.replies.attacks, "reply", "replies")}, with{" "}
              {plural(mine.citations, "citation")} of the sources.
            </li>
            <li>
              You rated {plural(mine.ratingsGiven, "argument")}; others rated yours{" "}
              {plural(mine.ratingsReceived, "time")}.
            </li>
          </ul>
        </section>
      ) : null}

      <GroupsAndPassages motionId={motion.id} result={result} />
    </article>
  );
}
