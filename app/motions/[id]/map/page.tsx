import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { mapTree } from "@/lib/argumentMap";
import { pageActor } from "@/server/auth/pageActor";
import { mapSummary } from "@/server/domain/debate/mapSummary";
import { runtime } from "@/server/runtime";
import type { MotionParams } from "../loadMotion";
import { MapView } from "./MapView";

export const dynamic = "force-dynamic";

type Props = { params: MotionParams };

/**
 * What the map draws of the motion at first, as this reader may see it (a big debate in part), or
 * the not-found page. Cached per request, so the page and its metadata read it once.
 */
const loadMap = cache(async (id: string) => {
  const outcome = await mapSummary(runtime().store, await pageActor(), id);
  if (!outcome.ok) notFound();
  return outcome.value;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Map: ${(await loadMap((await params).id)).title}` };
}

export default async function MapPage({ params }: Props) {
  const motion = await loadMap((await params).id);
  const root = mapTree(motion);
  const back = `/motions/${motion.id}`;
  return (
    <article className="argument-map-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Motions</Link> › <Link href={back}>{motion.title}</Link>
      </nav>
      <h1>Argument map</h1>
      {root.children.length === 0 ? (
        <p className="empty">
          No arguments yet — <Link href={back}>post the first one on the motion page</Link>.
        </p>
      ) : (
        <>
          <p className="meta" id="map-help">
            Arguments for the motion branch to the left, against to the right; each reply sits below
            what it supports or attacks. Drag to pan; pinch, scroll or use the buttons to zoom. Tap
            or click an argument to open it, or move between them with Tab or the arrow keys and
            open one with Enter.
            {motion.partial
              ? " A big debate is drawn in part: a tap, a click or Enter on a “+” card draws what it stands for."
              : null}{" "}
            <Link href={back}>Back to the motion</Link>
          </p>
          <MapView motionId={motion.id} root={root} />
        </>
      )}
    </article>
  );
}
