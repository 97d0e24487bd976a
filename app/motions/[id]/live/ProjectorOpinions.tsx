"use client";

import type { OpinionsUpdate } from "@/lib/opinionGroups";
import { RoomMap } from "./RoomMap";
import { useOpinions } from "./useOpinions";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The room's opinion groups on the projector, in large type: the map (nobody's point marked:
 * the screen is the room's) and the arguments every group agrees with.
 */
export function ProjectorOpinions({
  motionId,
  update,
  bodyOf,
}: {
  motionId: string;
  update: OpinionsUpdate | null;
  /** An argument's words as they may be shown, from the page's or else from `others`. */
  bodyOf: (id: string, others: Record<string, string>) => string | undefined;
}) {
  const { view } = useOpinions(motionId, update);
  if (!view) return <p className="meta">Loading the room's opinion groups…</p>;
  const shared = { ...view, me: null, points: view.points.map((p) => ({ ...p, me: false })) };
  return (
    <div className="projector-opinions">
      <section aria-labelledby="projector-groups">
        <h2 id="projector-groups">The room's opinion groups</h2>
        {view.groups.length === 0 ? (
          <p className="meta">
            Groups appear once four participants have each judged three arguments (
            {view.participants} so far).
          </p>
        ) : (
          <RoomMap view={shared} large />
        )}
      </section>
      <section aria-labelledby="projector-consensus">
        <h2 id="projector-consensus">Every group agrees</h2>
        {view.consensus.length === 0 ? (
          <p className="meta">No argument yet has the agreement of every group.</p>
        ) : (
          <ol>
            {view.consensus.slice(0, 4).map((c) => (
              <li key={c.argumentId}>
                <span className="projector-body">
                  {bodyOf(c.argumentId, view.words) ?? "An argument of this debate"}
                </span>{" "}
                <span className="meta">({percent(c.agreeShare)} agree)</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
