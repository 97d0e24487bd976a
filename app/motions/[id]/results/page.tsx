import type { Metadata } from "next";
import { DownloadLink } from "@/app/components/DownloadLink";
import { totalOf } from "@/lib/debate";
import { votingOver } from "@/lib/results";
import { loadResults } from "./loadResults";
import { ModerationLog } from "./ModerationLog";
import { GroupsAndPassages } from "./OpinionsSection";
import { ParticipationTable } from "./ParticipationTable";
import { RoomResults } from "./RoomResults";
import { Movers, ResultsTop } from "./sections";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Results: ${(await loadResults((await params).id)).motion.title}` };
}

export default async function ResultsPage({ params }: Props) {
  const loaded = await loadResults((await params).id);
  if (loaded.view === "room") return <RoomResults motion={loaded.motion} result={loaded.result} />;
  const { motion, result, rows, log } = loaded;
  const voted = result.movers.length > 0;
  return (
    <article className="results">
      <ResultsTop motion={motion} votes={result.votes} />

      {voted ? (
        <section aria-labelledby="movers-heading">
          <h2 id="movers-heading">Who moved</h2>
          <Movers
            movers={result.movers}
            afterSettled={totalOf(result.votes.after) > 0 || votingOver(motion)}
          />
        </section>
      ) : null}

      <GroupsAndPassages motionId={motion.id} result={result} />

      <section aria-labelledby="participation-heading">
        <div className="arguments-header">
          <h2 id="participation-heading">Participation</h2>
          <DownloadLink
            className="button secondary"
            href={`/api/motions/${motion.id}/participation?format=csv`}
          >
            Download CSV
          </DownloadLink>
        </div>
        <p className="meta">
          Arguments and replies count everything posted, also what is awaiting approval, hidden or
          withdrawn. Minutes active: the minutes in which someone did anything on this motion.
        </p>
        {rows.length === 0 ? (
          <p className="empty">Nobody has joined this space or taken part in this motion yet.</p>
        ) : (
          <ParticipationTable rows={rows} />
        )}
      </section>

      <section aria-labelledby="log-heading">
        <h2 id="log-heading">Moderation log</h2>
        <ModerationLog entries={log} />
      </section>
    </article>
  );
}
