import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/pageActor";
import { asTheRoomSeesIt } from "@/server/domain/debate/audience";
import { getMotion } from "@/server/domain/debate/queries";
import { runtime } from "@/server/runtime";
import { Projector } from "../live/Projector";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Projector" };

/**
 * Full screen for the room: anyone who may read the motion may put it on a projector. The room
 * sees what a participant sees, so the page carries nothing more, even when a moderator opens it.
 */
export default async function ProjectorPage({ params }: Props) {
  const outcome = await getMotion(runtime().store, await pageActor(), (await params).id);
  if (!outcome.ok) notFound();
  return <Projector motion={asTheRoomSeesIt(outcome.value)} />;
}
