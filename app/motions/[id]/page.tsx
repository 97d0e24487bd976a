import type { Metadata } from "next";
import Link from "next/link";
import { flattenTree } from "@/lib/live";
import type { ReadingView } from "@/lib/reading";
import type { MotionView } from "@/lib/views";
import { pageActor } from "@/server/auth/pageActor";
import { countBelow } from "@/server/domain/debate/motionSummary";
import { uncitedPassages } from "@/server/domain/library/coverage";
import { spaceDocuments } from "@/server/domain/library/queries";
import { followStateOf } from "@/server/domain/notifications/follow";
import { readingOf } from "@/server/domain/reading/queries";
import { getSpace, listMembers } from "@/server/domain/spaces/queries";
import { runtime } from "@/server/runtime";
import { ExportMenu } from "../../components/ExportMenu";
import { LiveStatusBadge } from "../../components/LiveStatusBadge";
import { SpaceBreadcrumb } from "../../components/SpaceBreadcrumb";
import { DraftEditor } from "./DraftEditor";
import { FollowControl } from "./FollowControl";
import { MotionLive } from "./live/MotionLive";
import { loadMotion, type MotionParams } from "./loadMotion";
import { SourcesBlock } from "./SourcesBlock";

export const dynamic = "force-dynamic";

type Props = { params: MotionParams };

/**
 * What is new to the reader among the arguments the page holds: a big debate's others say so
 * themselves (`publishedSeq`) when they load, and are counted meanwhile by the arguments above
 * them (`newBelow`).
 */
async function heldOf(reading: ReadingView, motion: MotionView): Promise<ReadingView> {
  if (!motion.partial) return reading;
  const held = new Set(flattenTree(motion.arguments).map((a) => a.id));
  const unheld = reading.newIds.filter((id) => !held.has(id));
  return {
    ...reading,
    newIds: reading.newIds.filter((id) => held.has(id)),
    newBelow: await countBelow(
      runtime().store,
      { id: motion.id, lastSeq: motion.seq },
      held,
      unheld,
    ),
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadMotion(params)).title };
}

export default async function MotionPage({ params }: Props) {
  const motion = await loadMotion(params);
  const actor = await pageActor();
  const documents = await spaceDocuments(runtime().store, actor, motion.spaceId);
  const space = await getSpace(runtime().store, actor, motion.spaceId);
  // Read before the page marks anything: what was new on arrival stays marked New.
  const reading = await readingOf(runtime().store, actor, motion.id);
  const viewer =
    actor.kind === "user"
      ? { id: actor.id, name: actor.name, guest: actor.guestOf !== null }
      : null;
  const follow =
    motion.status === "draft" ? null : await followStateOf(runtime().store, actor, motion.id);
  const uncited =
    motion.status === "draft" ? null : await uncitedPassages(runtime().store, actor, motion.id);
  // A moderator assigns speakers from the space's members; nobody else needs the list here.
  const members = motion.can.moderate
    ? await listMembers(runtime().store, actor, motion.spaceId)
    : null;

  const tools = (
    <div className="motion-tools">
      <ExportMenu motionId={motion.id} />
      {follow ? (
        <FollowControl motionId={motion.id} initial={follow.state} chosen={follow.chosen} />
      ) : null}
    </div>
  );

  return (
    <article className="motion">
      <SpaceBreadcrumb
        space={space.ok ? space.value : null}
        list="motions"
        elsewhere={{ href: "/", label: "Motions" }}
      />
      <h1>{motion.title}</h1>
      <p className="meta motion-bar">
        <Link href={`/motions/${motion.id}/map`}>Argument map</Link> ·{" "}
        <Link href={`/motions/${motion.id}/projector`}>Projector view</Link> ·{" "}
        {motion.can.moderate && motion.status !== "draft" ? (
          <>
            <Link href={`/motions/${motion.id}/results`}>Results and participation</Link> ·{" "}
          </>
        ) : null}
        <LiveStatusBadge motionId={motion.id} status={motion.status} />
        {motion.settings.evidenceRequired && " · Every argument must cite a passage"}
        {motion.sampleDebate ? (
          <span className="sample-note">
            {" "}
            · A sample debate, written for the demo (its authors are marked “(sample)”)
          </span>
        ) : null}
      </p>
      {motion.description && <p className="lead">{motion.description}</p>}

      {motion.status === "draft" ? (
        <>
          {tools}
          <SourcesBlock motion={motion} uncited={null} />
          <DraftEditor motion={motion} />
        </>
      ) : (
        <MotionLive
          motion={motion}
          documents={documents}
          beside={
            <>
              {tools}
              <SourcesBlock motion={motion} uncited={uncited?.ok ? uncited.value : null} />
            </>
          }
          viewer={viewer}
          members={members?.ok ? members.value : []}
          reading={reading.ok && reading.value ? await heldOf(reading.value, motion) : null}
        />
      )}
    </article>
  );
}
