import type { Metadata } from "next";
import Link from "next/link";
import { DownloadLink } from "@/app/components/DownloadLink";
import { GradesTable } from "./GradesTable";
import { loadGrades } from "./loadGrades";
import { MotionGrades } from "./MotionGrades";
import { OwnGradesView } from "./OwnGradesView";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadGrades((await params).id);
  if (loaded.view === "teacher") return { title: `Gradebook: ${loaded.book.space.name}` };
  if (loaded.view === "member") return { title: `Your grades: ${loaded.own.space.name}` };
  return { title: "Grades" };
}

export default async function GradesPage({ params }: Props) {
  const spaceId = (await params).id;
  const loaded = await loadGrades(spaceId);
  if (loaded.view === "visitor") {
    const back = encodeURIComponent(`/spaces/${spaceId}/grades`);
    return (
      <>
        <h1>Grades</h1>
        <p className="empty">
          <Link href={`/signin?callbackUrl=${back}`}>Sign in</Link> to see your grades.
        </p>
      </>
    );
  }
  if (loaded.view === "member") {
    const { own } = loaded;
    return (
      <>
        <p className="breadcrumb">
          <Link href={`/spaces/${own.space.id}`}>{own.space.name}</Link>
        </p>
        <h1>Your grades</h1>
        <p className="meta">
          Scores are out of 100, by the rubric your teacher set for each motion. Only posts the room
          could read count.
        </p>
        <OwnGradesView own={own} />
      </>
    );
  }
  const { space, motions, rows } = loaded.book;
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/spaces/${space.id}`}>{space.name}</Link>
      </p>
      <div className="arguments-header">
        <h1>Gradebook</h1>
        {motions.length > 0 && rows.length > 0 ? (
          <DownloadLink
            className="button secondary"
            href={`/api/spaces/${space.id}/grades?format=csv`}
          >
            Download CSV
          </DownloadLink>
        ) : null}
      </div>
      <p className="meta">
        Each motion&apos;s score is out of 100: posting, evidence (distinct passages cited) and
        engagement (replies attacking others&apos; arguments) each count up to the rubric&apos;s
        number for full marks, and your own mark out of 100, weighted as the rubric says. Only posts
        the room could read count. The total is the mean over the motions.
      </p>
      {motions.length === 0 ? (
        <p className="empty">
          No motions yet. <Link href={`/spaces/${space.id}`}>Create one on the space page</Link>:
          grades appear here once members take part.
        </p>
      ) : rows.length === 0 ? (
        <p className="empty">
          No participants yet. Share the join code on{" "}
          <Link href={`/spaces/${space.id}`}>the space page</Link>: each member gets a row here.
        </p>
      ) : (
        <>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">Scores</h2>
            <GradesTable motions={motions} rows={rows} />
          </section>
          {motions.map((motion, index) => (
            <MotionGrades
              key={motion.id}
              spaceId={space.id}
              motion={motion}
              index={index}
              rows={rows}
            />
          ))}
        </>
      )}
    </>
  );
}
