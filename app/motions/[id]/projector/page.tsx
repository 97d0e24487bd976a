import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/pageActor";
import { projectorView } from "@/server/domain/debate/projector";
import { runtime } from "@/server/runtime";
import { Projector } from "../live/Projector";
import type { MotionParams } from "../loadMotion";

export const dynamic = "force-dynamic";

type Props = { params: MotionParams };

export const metadata: Metadata = { title: "Projector" };

/**
 * Full screen for the room: anyone who may read the motion may put it on a projector. The room
 * sees what a participant sees, so the page carries nothing more, even when a moderator opens it;
 * and it carries only the arguments it shows, so it stays small however big the debate.
 */
export default async function ProjectorPage({ params }: Props) {
  const outcome = await projectorView(runtime().store, await pageActor(), (await params).id);
  if (!outcome.ok) notFound();
  return <Projector view={outcome.value} />;
}
