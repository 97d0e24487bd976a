"use client";

import Link from "next/link";
import type { Stance } from "@/lib/debate";
import type { OpinionsUpdate, OpinionsView } from "@/lib/opinionGroups";
import { RoomMap } from "./RoomMap";
import { useOpinions } from "./useOpinions";

const stanceWords: Record<Stance, string> = {
  for: "for",
  against: "against",
  undecided: "undecided",
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

function ArgumentLinks({
  ids,
  bodyOf,
  share,
}: {
  ids: string[];
  bodyOf: (id: string) => string | undefined;
  share?: (id: string) => string;
}) {
  return (
    <ul className="plain stand-arguments">
      {ids.map((id) => (
        <li key={id} className="stand-argument">
          <a href={`#argument-${id}`}>{bodyOf(id) ?? "An argument of this debate"}</a>
          {share ? <span className="meta"> · {share(id)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * What a moderator reads of the groups: how the room falls, what every group agrees with, and
 * the way to show the groups to the room. A moderator may sort the arguments too, and is then
 * placed among the groups like anyone who sorts: the panel says so rather than ask it of them.
 */
function RoomGroups({
  view,
  words,
  motionId,
  canJudge,
}: {
  view: OpinionsView;
  words: (id: string) => string | undefined;
  motionId: string;
  canJudge: boolean;
}) {
  const mine = view.groups.find((g) => g.id === view.me?.groupId);
  return (
    <>
      <RoomMap view={{ ...view, me: mine ? view.me : null }} />
      <div className="stand-text">
        <p>
          {view.participants} participants fall into {view.groups.length} groups by what they agree
          with.
        </p>
        <h3>Every group agrees</h3>
        <Consensus view={view} words={words} />
        {mine ? (
          <p className="meta">
            Your own judgments place you in {mine.label} (ringed on the map), as anyone's who sorts
            the arguments.
          </p>
        ) : null}
        <p className="actions">
          <Link className="button" href={projectorLink(motionId)}>
            Show on the projector
          </Link>
          {canJudge ? (
            <Link href={`/motions/${motionId}/sort`}>Sort the arguments yourself</Link>
          ) : null}
        </p>
      </div>
    </>
  );
}

const projectorLink = (motionId: string) => `/motions/${motionId}/projector?show=opinions`;

function Consensus({
  view,
  words,
}: {
  view: OpinionsView;
  words: (id: string) => string | undefined;
}) {
  return view.consensus.length === 0 ? (
    <p className="meta">No argument yet has the agreement of every group.</p>
  ) : (
    <ArgumentLinks
      ids={view.consensus.map((c) => c.argumentId)}
      bodyOf={words}
      share={(id) =>
        `${percent(view.consensus.find((c) => c.argumentId === id)?.agreeShare ?? 0)} agree`
      }
    />
  );
}

/**
 * "Where I stand": the room's opinion groups (GET /api/motions/:id/opinions), read again each
 * time the room is told new ones (`update`), with the reader's own place among them. A moderator
 * reads it as "The room's opinion groups": what the room's groups are, and the way to show them.
 */
export function WhereIStand({
  motionId,
  update,
  bodyOf,
  canJudge,
  moderates = false,
}: {
  motionId: string;
  update: OpinionsUpdate | null;
  /** An argument's words as they may be shown, from the page's or else from `others`. */
  bodyOf: (id: string, others: Record<string, string>) => string | undefined;
  canJudge: boolean;
  moderates?: boolean;
}) {
  const { view, failed } = useOpinions(motionId, update);
  // What the page holds is newest; the groups' own words cover arguments it does not hold.
  const words = (id: string) => bodyOf(id, view?.words ?? {});

  const sort = canJudge ? (
    <Link className="button" href={`/motions/${motionId}/sort`}>
      Sort the arguments
    </Link>
  ) : null;
  let body: React.ReactNode;
  if (!view) {
    body = failed ? (
      <p className="meta">
        The opinion groups could not be loaded; they come back with the connection.
      </p>
    ) : (
      <p className="meta">Loading the room's opinion groups…</p>
    );
  } else if (view.groups.length === 0 && moderates) {
    body = (
      <>
        <p className="empty">
          Opinion groups appear once at least four participants have each said whether they agree
          with three arguments ({view.participants} so far): ask the room to press “Sort the
          arguments” on this page and judge them.
        </p>
        <p className="actions">
          <Link className="button" href={projectorLink(motionId)}>
            Show on the projector
          </Link>
        </p>
        <p className="meta">The projector shows them as they form.</p>
      </>
    );
  } else if (view.groups.length === 0) {
    body = (
      <p className="empty">
        Opinion groups appear once at least four participants have each said whether they agree with
        three arguments ({view.participants} so far). {sort}
      </p>
    );
  } else if (moderates) {
    body = <RoomGroups view={view} words={words} motionId={motionId} canJudge={canJudge} />;
  } else {
    const mine = view.groups.find((g) => g.id === view.me?.groupId);
    body = (
      <>
        <RoomMap view={view} />
        <div className="stand-text">
          {mine ? (
            <>
              <p>
                You are in <strong>{mine.label}</strong>, with {mine.size - 1} other
                {mine.size === 2 ? "" : "s"}.
                {mine.distinctive.length > 0 ? " Your group agrees more than the others with:" : ""}
              </p>
              <ArgumentLinks ids={mine.distinctive} bodyOf={words} />
            </>
          ) : view.me ? (
            <p>Say whether you agree with at least three arguments to find your place.</p>
          ) : null}
          <h3>Every group agrees</h3>
          <Consensus view={view} words={words} />
          {view.me && (view.me.before || view.me.after) ? (
            <p className="meta">
              Your vote: {view.me.before ? stanceWords[view.me.before] : "none"} before the debate,{" "}
              {view.me.after ? stanceWords[view.me.after] : "none yet"} after it.
            </p>
          ) : null}
          {view.me ? (
            <p className="meta">
              You have judged {view.me.judged} arguments
              {view.me.otherSideLeft > 0
                ? `; ${view.me.otherSideLeft} from the other side are waiting for you`
                : ""}
              .
            </p>
          ) : null}
          <p className="actions">
            {sort}
            <Link href={projectorLink(motionId)}>Show on the projector</Link>
          </p>
        </div>
      </>
    );
  }
  return (
    <section id="where-i-stand" className="panel where-i-stand" aria-labelledby="stand-heading">
      <h2 id="stand-heading">{moderates ? "The room's opinion groups" : "Where I stand"}</h2>
      {body}
    </section>
  );
}
