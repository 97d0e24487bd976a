import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/pageActor";
import { getMotion } from "@/server/domain/debate/queries";
import { runtime } from "@/server/runtime";
import { Projector } from "../live/Projector";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Projector" };

/** Full screen for the room: anyone who may read the motion may put it on a projector. */
export default async function ProjectorPage({ params }: Props) {
  const outcome = await getMotion(runtime().store, await pageActor(), (await params).id);
  if (!outcome.ok) notFound();
  return <Projector motion={outcome.value} />;
}
