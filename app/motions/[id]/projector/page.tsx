import type { Metadata } from "next";
import { asTheRoomSeesIt } from "@/server/domain/debate/audience";
import { Projector } from "../live/Projector";
import { loadMotion, type MotionParams } from "../loadMotion";

export const dynamic = "force-dynamic";

type Props = { params: MotionParams };

export const metadata: Metadata = { title: "Projector" };

/**
 * Full screen for the room: anyone who may read the motion may put it on a projector. The room
 * sees what a participant sees, so the page carries nothing more, even when a moderator opens it.
 */
export default async function ProjectorPage({ params }: Props) {
  return <Projector motion={asTheRoomSeesIt(await loadMotion(params))} />;
}
