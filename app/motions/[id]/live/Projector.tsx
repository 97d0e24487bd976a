"use client";

import {
  type ArgumentView,
  type Stance,
  shareOf,
  supportShift,
  type VoteTally,
} from "@/lib/debate";
import type { ProjectorView } from "@/lib/projector";
import { strengthSummary } from "@/lib/ratingScale";
import { SessionBar } from "./SessionBar";
import { useLiveMotion } from "./useLiveMotion";
import { useProjectorView } from "./useProjectorView";

const stances: [Stance, string][] = [
  ["for", "For"],
  ["against", "Against"],
  ["undecided", "Undecided"],
];

/** Bars of the vote before and after, side by side for each stance, with their shares. */
function ShiftChart({ votes }: { votes: VoteTally }) {
  const width = 560;
  const row = 64;
  return (
    <svg
      className="shift-chart"
      viewBox={`0 0 ${width} ${row * stances.length + 10}`}
      role="img"
      aria-label={stances
        .map(
          ([stance, label]) =>
            `${label}: ${shareOf(votes.before, stance)}% before, ${shareOf(votes.after, stance)}% after`,
        )
        .join("; ")}
    >
      {stances.map(([stance, label], i) => {
        const y = i * row;
        const before = shareOf(votes.before, stance);
        const after = shareOf(votes.after, stance);
        const bar = (share: number) => Math.max(2, (share / 100) * (width - 240));
        return (
          <g key={stance} className={`bar-${stance}`}>
            <text x="0" y={y + 30} className="bar-label">
              {label}
            </text>
            <rect x="150" y={y + 6} width={bar(before)} height="22" className="bar-before" />
            <text x={158 + bar(before)} y={y + 24} className="bar-value">
              {before}%
            </text>
            <rect x="150" y={y + 32} width={bar(after)} height="22" className="bar-after" />
            <text x={158 + bar(after)} y={y + 50} className="bar-value">
              {after}%
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The room's screen: the motion, the votes and their shift, the spotlight, the strongest arguments. */
export function Projector({ view }: { view: ProjectorView }) {
  const { motion } = view;
  const live = useLiveMotion(motion);
  const { votes, status, settings, session } = live.motion;
  const { spotlight, strongest } = useProjectorView(view, live.motion);
  // The room's screen is seen by everyone: in an anonymous motion it names nobody.
  const byline = (a: ArgumentView) =>
    settings.anonymous ? `Participant ${a.pseudonym}` : a.author.name;
  const shift = supportShift(votes);
  return (
    <div className="projector">
      <h1>{motion.title}</h1>
      <p className="projector-status" role="status">
        {status === "open" ? "Open for debate" : "Locked"}
        {live.connection === "offline" ? " · reconnecting…" : ""}
      </p>
      <SessionBar settings={settings} session={session} clockOffset={live.clockOffset} />
      <div className="projector-grid">
        <section aria-labelledby="projector-votes">
          <h2 id="projector-votes">Votes: before (light) and after (dark)</h2>
          <ShiftChart votes={votes} />
          <p className="projector-shift" data-testid="projector-shift">
            {shift === 0
              ? "No shift yet"
              : `Support ${shift > 0 ? "rose" : "fell"} ${Math.abs(shift)} points`}
          </p>
        </section>
        <section aria-labelledby="projector-spotlight" className="projector-spotlight">
          <h2 id="projector-spotlight">In the spotlight</h2>
          {spotlight ? (
            <blockquote>
              <p>{spotlight.body}</p>
              <footer>— {byline(spotlight)}</footer>
            </blockquote>
          ) : (
            <p className="meta">Nothing in the spotlight.</p>
          )}
        </section>
      </div>
      <div className="projector-grid">
        {(["for", "against"] as const).map((side) => (
          <section
            key={side}
            aria-label={`Strongest ${side} the motion`}
            className={`side side-${side}`}
          >
            <h2>Strongest {side} the motion</h2>
            {strongest(side).length === 0 ? (
              <p className="meta">No rated arguments yet.</p>
            ) : (
              <ol>
                {strongest(side).map((a) => (
                  <li key={a.id}>
                    {a.body} <span className="meta">({strengthSummary(a.strength)})</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
