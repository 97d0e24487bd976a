"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { Stance } from "@/lib/debate";
import type { OpinionsUpdate, OpinionsView } from "@/lib/opinionGroups";

/** Colours of the groups on the map, in label order; the reader's own point is outlined. */
const COLOURS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c"];
const SIZE = 220;
const stanceWords: Record<Stance, string> = {
  for: "for",
  against: "against",
  undecided: "undecided",
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The room as a scatter of points, one per participant, coloured by group; the reader's ringed. */
function RoomMap({ view }: { view: OpinionsView }) {
  const colourOf = (groupId: string | null) => {
    const index = view.groups.findIndex((g) => g.id === groupId);
    return index === -1 ? "#6b7280" : (COLOURS[index % COLOURS.length] as string);
  };
  const extent = Math.max(0.5, ...view.points.flatMap((p) => [Math.abs(p.x), Math.abs(p.y)]));
  const place = (v: number) => SIZE / 2 + (v / extent) * (SIZE / 2 - 14);
  const mine = view.groups.find((g) => g.id === view.me?.groupId);
  const label = `${view.participants} participants in ${view.groups.length} groups${mine ? `; you are in ${mine.label}` : ""}`;
  return (
    <figure className="room-map">
      <svg className="room-map-svg" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={label}>
        <rect x="0" y="0" width={SIZE} height={SIZE} rx="8" className="room-map-ground" />
        {view.points.map((point, i) => (
          <circle
            // Points have no identity to key by; their order is the server's, by position.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            cx={place(point.x)}
            cy={place(point.y)}
            r={point.me ? 8 : 5}
            fill={colourOf(point.groupId)}
            stroke={point.me ? "#111827" : "none"}
            strokeWidth={point.me ? 3 : 0}
            opacity={point.me ? 1 : 0.75}
          />
        ))}
      </svg>
      <figcaption>
        {view.groups.map((group, i) => (
          <span key={group.id} className="room-map-key">
            <span className="room-map-swatch" style={{ background: COLOURS[i % COLOURS.length] }} />
            {group.label} ({group.size})
          </span>
        ))}
        {view.me ? <span className="room-map-key">ringed: you</span> : null}
      </figcaption>
    </figure>
  );
}

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
 * "Where I stand": the room's opinion groups (GET /api/motions/:id/opinions), read again each
 * time the room is told new ones (`update`), with the reader's own place among them.
 */
export function WhereIStand({
  motionId,
  update,
  bodyOf,
  canJudge,
}: {
  motionId: string;
  update: OpinionsUpdate | null;
  bodyOf: (id: string) => string | undefined;
  canJudge: boolean;
}) {
  const [view, setView] = useState<OpinionsView | null>(null);
  const [failed, setFailed] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new update is a reason to ask again
  useEffect(() => {
    let current = true;
    fetch(`/api/motions/${motionId}/opinions`)
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((answer: OpinionsView) => {
        if (!current) return;
        setView(answer);
        setFailed(false);
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [motionId, update]);

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
  } else if (view.groups.length === 0) {
    body = (
      <p className="empty">
        Opinion groups appear once at least four participants have each said whether they agree with
        three arguments ({view.participants} so far). {sort}
      </p>
    );
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
              <ArgumentLinks ids={mine.distinctive} bodyOf={bodyOf} />
            </>
          ) : view.me ? (
            <p>Say whether you agree with at least three arguments to find your place.</p>
          ) : null}
          <h3>Every group agrees</h3>
          {view.consensus.length === 0 ? (
            <p className="meta">No argument yet has the agreement of every group.</p>
          ) : (
            <ArgumentLinks
              ids={view.consensus.map((c) => c.argumentId)}
              bodyOf={bodyOf}
              share={(id) =>
                `${percent(view.consensus.find((c) => c.argumentId === id)?.agreeShare ?? 0)} agree`
              }
            />
          )}
          {view.me && (view.me.before || view.me.after) ? (
            <p className="meta">
              Your vote: {view.me.before ? stanceWords[view.me.before] : "none"} before the debate,{" "}
              {view.me.after ? stanceWords[view.me.after] : "none yet"} after it.
            </p>
          ) : null}
          {view.me ? <p className="meta">You have judged {view.me.judged} arguments.</p> : null}
          {sort}
        </div>
      </>
    );
  }
  return (
    <section id="where-i-stand" className="panel where-i-stand" aria-labelledby="stand-heading">
      <h2 id="stand-heading">Where I stand</h2>
      {body}
    </section>
  );
}
