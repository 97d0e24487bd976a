import type { Metadata } from "next";
import Link from "next/link";
import { argumentMap } from "@/lib/argumentMap";
import { loadMotion, type MotionParams } from "../loadMotion";
import { ArgumentMap } from "./ArgumentMap";
import { MapOutline } from "./MapOutline";

export const dynamic = "force-dynamic";

type Props = { params: MotionParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Map: ${(await loadMotion(params)).title}` };
}

export default async function MapPage({ params }: Props) {
  const motion = await loadMotion(params);
  const map = argumentMap(motion);
  const back = `/motions/${motion.id}`;
  return (
    <article className="argument-map-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Motions</Link> › <Link href={back}>{motion.title}</Link>
      </nav>
      <h1>Argument map</h1>
      {map.root.children.length === 0 ? (
        <p className="empty">
          No arguments yet — <Link href={back}>post the first one on the motion page</Link>.
        </p>
      ) : (
        <>
          <p className="meta" id="map-help">
            Arguments for the motion branch to the left, against to the right; each reply sits below
            what it supports or attacks. Drag to pan, scroll or use the buttons to zoom. Tab or the
            arrow keys move between arguments; Enter opens one.{" "}
            <Link href={back}>Back to the motion</Link>
          </p>
          <ArgumentMap nodes={map.nodes} edges={map.edges} aspect={map.aspect} />
          <details className="map-outline">
            <summary>The map as a list</summary>
            <MapOutline root={map.root} />
          </details>
        </>
      )}
    </article>
  );
}
