import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { pageActor } from "@/server/auth/pageActor";
import { projectorView } from "@/server/domain/debate/projector";
import { getSpace } from "@/server/domain/spaces/queries";
import { runtime } from "@/server/runtime";
import { JoinQrCode } from "../../../components/JoinQrCode";
import { joinLinkFor } from "../../../spaces/[id]/joinLink";
import { type JoinInvite, Projector } from "../live/Projector";
import type { MotionParams } from "../loadMotion";

export const dynamic = "force-dynamic";

type Props = { params: MotionParams; searchParams: Promise<{ show?: string }> };

/** The projector's view of the motion, or the not-found page: read once for the page and its title. */
const loadProjector = cache(async (id: string) => {
  const outcome = await projectorView(runtime().store, await pageActor(), id);
  if (!outcome.ok) notFound();
  return outcome.value;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Projector: ${(await loadProjector((await params).id)).motion.title}` };
}

/**
 * Full screen for the room: anyone who may read the motion may put it on a projector. The room
 * sees what a participant sees, so the page carries nothing more, even when a moderator opens it;
 * and it carries only the arguments it shows, so it stays small however big the debate. The one
 * exception is the way in: the space's join code, shown only when the one who opens the screen
 * may hand it out (getSpace gives it to those who manage members), so it never leaks further.
 */
export default async function ProjectorPage({ params, searchParams }: Props) {
  const view = await loadProjector((await params).id);
  const space = await getSpace(runtime().store, await pageActor(), view.motion.spaceId);
  const code = space.ok ? space.value.joinCode : null;
  const join: JoinInvite | null = code ? { code, link: await joinLinkFor(code) } : null;
  return (
    <Projector
      view={view}
      join={join}
      qrCode={join ? <JoinQrCode url={join.link} size={320} /> : null}
      show={(await searchParams).show === "opinions" ? "opinions" : "arguments"}
    />
  );
}
