import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/server/auth/pageActor";
import { judgingDeck } from "@/server/domain/debate/deck";
import { runtime } from "@/server/runtime";
import { AuthPageLink } from "../../../components/AuthPageLink";
import { loadMotion, type MotionParams } from "../loadMotion";
import { SortDeck } from "./SortDeck";

export const dynamic = "force-dynamic";

type Props = { params: MotionParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Sort the arguments: ${(await loadMotion(params)).title}` };
}

/** One argument at a time: agree, disagree or pass, the other side's arguments first. */
export default async function SortPage({ params }: Props) {
  const motion = await loadMotion(params);
  const actor = await pageActor();
  const deck = await judgingDeck(runtime().store, actor, motion.id);
  const back = `/motions/${motion.id}`;
  return (
    <article className="sort-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={back}>{motion.title}</Link>
      </nav>
      <h1>Sort the arguments</h1>
      {!deck.ok || !deck.value.canJudge ? (
        <p className="empty">
          Only the motion's participants say which arguments they agree with.{" "}
          {actor.kind === "user" ? (
            <>
              Observers read along: <Link href={back}>back to the debate</Link>.
            </>
          ) : (
            <>
              <AuthPageLink to="/signin">Sign in</AuthPageLink> to take part, or{" "}
              <Link href={back}>read the debate</Link>.
            </>
          )}
        </p>
      ) : (
        <SortDeck
          motionId={motion.id}
          seq={motion.seq}
          deck={deck.value}
          moderates={motion.can.moderate}
        />
      )}
    </article>
  );
}
