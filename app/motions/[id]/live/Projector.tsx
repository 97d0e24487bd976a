"use client";

import type { ReactNode } from "react";
import {
  type ArgumentView,
  type Stance,
  shareOf,
  supportShift,
  type Tally,
  totalOf,
  type VotePhase,
  type VoteTally,
} from "@/lib/debate";
import { type LiveMotion, publicWords } from "@/lib/live";
import type { ProjectorView } from "@/lib/projector";
import { strengthSummary } from "@/lib/ratingScale";
import { untakenVote, type Winner, winnerOf } from "@/lib/results";
import { formatClock } from "@/lib/session";
import { formatJoinCode } from "@/lib/spaces";
import { ProjectorOpinions } from "./ProjectorOpinions";
import { phaseSentence, useTimeLeft } from "./SessionBar";
import { useLiveMotion } from "./useLiveMotion";
import { useProjectorView } from "./useProjectorView";

/** How the room joins the motion's space: shown while the motion is open to those who may. */
export type JoinInvite = { code: string; link: string };

const stances: [Stance, string][] = [
  ["for", "For"],
  ["against", "Against"],
  ["undecided", "Undecided"],
];

const votePhases: VotePhase[] = ["before", "after"];

/** "12 of 20 (60%)": a count with its share, so one voter reads as "1 of 1", not a bare 100%. */
const countWithShare = (tally: Tally, stance: Stance) =>
  `${tally[stance]} of ${totalOf(tally)} (${shareOf(tally, stance)}%)`;

/**
 * Bars of the votes cast so far, side by side for each stance, with counts and shares: a vote not
 * taken yet draws no bar (the panel says so in words instead of "0 of 0").
 */
function ShiftChart({ votes, taken }: { votes: VoteTally; taken: VotePhase[] }) {
  // In the chart's own units, scaled to its column: the words are large beside the bars (36, as
  // .shift-chart's font-size says), about the projector's own type in its narrowest column, so
  // that the counts read from the back of the room, with room left of the bars for "Undecided"
  // and right of them for "100 of 100 (100%)".
  const width = 700;
  const text = 36;
  const barHeight = 30;
  const pitch = 40;
  const row = 12 + pitch * taken.length;
  const barStart = 220;
  const barRoom = width - barStart - 340;
  // A baseline that centres a line of text on a height.
  const middle = (top: number, height: number) => top + height / 2 + text * 0.35;
  return (
    <svg
      className="shift-chart"
      // Held to its height on a low screen, it keeps to the left edge of its column.
      preserveAspectRatio="xMinYMid meet"
      viewBox={`0 0 ${width} ${row * stances.length + 10}`}
      role="img"
      aria-label={stances
        .map(
          ([stance, label]) =>
            `${label}: ${taken.map((when) => `${countWithShare(votes[when], stance)} ${when}`).join(", ")}`,
        )
        .join("; ")}
    >
      {stances.map(([stance, label], i) => {
        const y = i * row;
        const bar = (tally: Tally) => Math.max(2, (shareOf(tally, stance) / 100) * barRoom);
        return (
          <g key={stance} className={`bar-${stance}`}>
            <text x="0" y={middle(y + 6, pitch * taken.length - 4)} className="bar-label">
              {label}
            </text>
            {taken.map((when, j) => (
              <g key={when}>
                <rect
                  x={barStart}
                  y={y + 6 + pitch * j}
                  width={bar(votes[when])}
                  height={barHeight}
                  className={`bar-${when}`}
                />
                <text
                  x={barStart + 8 + bar(votes[when])}
                  y={middle(y + 6 + pitch * j, barHeight)}
                  className="bar-value"
                >
                  {countWithShare(votes[when], stance)}
                </text>
              </g>
            ))}
          </g>
        );
      })}
    </svg>
  );
}

const verdicts: Record<Winner, string> = {
  for: "The motion carries",
  against: "The motion falls",
  tie: "A tie: the motion neither carries nor falls",
};

/** The result by the Oxford rule (lib/results' winnerOf, as the results page reads it). */
function Verdict({ votes }: { votes: VoteTally }) {
  const winner = winnerOf(votes);
  return (
    <div className="projector-verdict">
      <p data-testid="projector-verdict">
        {winner ? verdicts[winner] : "No verdict: it needs a vote before and a vote after"}
      </p>
      <p className="meta">The side that gained more of the vote from before to after wins.</p>
    </div>
  );
}

/**
 * The motion's state, the session's phase and its clock, in one line: a debate that is over says
 * only that. The clock ticks outside the live region, so a screen reader hears phases, not seconds.
 */
function StatusLine({
  motion,
  over,
  offline,
  clockOffset,
}: {
  motion: LiveMotion;
  over: boolean;
  offline: boolean;
  clockOffset: number;
}) {
  const { status, session, settings } = motion;
  const left = useTimeLeft(session, clockOffset);
  const structured = settings.format === "oxford";
  const phase = over
    ? "The debate is over"
    : structured
      ? `${phaseSentence(session)}${session.clock === "paused" ? " · paused" : ""}`
      : null;
  // A closed (locked) or archived motion is over, and says only that.
  const state = status === "draft" ? "Draft" : "Open for debate";
  return (
    <p className="projector-status">
      <span role="status">
        {over ? null : state}
        {!over && phase ? " · " : null}
        {phase ? <span className="session-phase">{phase}</span> : null}
        {offline ? " · reconnecting…" : null}
      </span>
      {structured && !over && left !== null ? (
        <span className="projector-clock">
          <span className="visually-hidden">Time left in this phase: </span>
          <span data-testid="session-clock">{left === 0 ? "Time is up" : formatClock(left)}</span>
        </span>
      ) : null}
    </p>
  );
}

/** The way in for the room: the code, the link and, when the page drew one, its QR code. */
function JoinPanel({ join, qrCode }: { join: JoinInvite; qrCode: ReactNode }) {
  return (
    <section aria-labelledby="projector-join" className="projector-join">
      <h2 id="projector-join">Join the debate</h2>
      {qrCode}
      <p>
        Code <strong data-testid="projector-join-code">{formatJoinCode(join.code)}</strong>
      </p>
      <p className="projector-join-link" data-testid="projector-join-link">
        {join.link}
      </p>
    </section>
  );
}

/**
 * The room's screen, sized to the wall so nothing falls below the fold: the motion and one status
 * line, the votes and their shift (and the verdict once the debate is over), the spotlight, the way
 * in while the motion is open, and the strongest arguments.
 */
export function Projector({
  view,
  join = null,
  qrCode = null,
  show = "arguments",
}: {
  view: ProjectorView;
  join?: JoinInvite | null;
  qrCode?: ReactNode;
  /** Below the votes: the strongest arguments, or the room's opinion groups. */
  show?: "arguments" | "opinions";
}) {
  const { motion } = view;
  const live = useLiveMotion(motion, { roomScreen: true });
  const { votes, status, settings, session } = live.motion;
  const { spotlight, strongest } = useProjectorView(view, live.motion);
  // The room's screen is seen by everyone: in an anonymous motion it names nobody.
  const byline = (a: ArgumentView) =>
    settings.anonymous ? `Participant ${a.pseudonym}` : a.author.name;
  const shift = supportShift(votes);
  const taken = votePhases.filter((phase) => untakenVote(votes, phase, live.motion) === null);
  const untaken = votePhases
    .map((phase) => untakenVote(votes, phase, live.motion))
    .filter((note): note is string => note !== null);
  const over = status === "closed" || status === "archived" || session.clock === "ended";
  return (
    <div className="projector">
      <header className="projector-head">
        <h1>{motion.title}</h1>
        <StatusLine
          motion={live.motion}
          over={over}
          offline={live.connection === "offline"}
          clockOffset={live.clockOffset}
        />
      </header>
      <div className={`projector-top${join && !over ? " with-join" : ""}`}>
        <section aria-labelledby="projector-votes" className="projector-votes">
          <h2 id="projector-votes">
            {taken.length === 2 ? "Votes: before (light) and after (dark)" : "Votes"}
          </h2>
          {taken.length > 0 ? <ShiftChart votes={votes} taken={taken} /> : null}
          {untaken.map((note) => (
            <p key={note} className="projector-vote-note" data-testid="projector-vote-note">
              {note}
            </p>
          ))}
          {untaken.length === 0 ? (
            <p className="projector-shift" data-testid="projector-shift">
              {shift === 0
                ? "No shift"
                : `Support ${shift > 0 ? "rose" : "fell"} ${Math.abs(shift)} points`}
            </p>
          ) : null}
          {over ? <Verdict votes={votes} /> : null}
        </section>
        <section aria-labelledby="projector-spotlight" className="projector-spotlight">
          <h2 id="projector-spotlight">In the spotlight</h2>
          {spotlight ? (
            <blockquote>
              <p>{spotlight.body}</p>
              <footer>— {byline(spotlight)}</footer>
            </blockquote>
          ) : (
            <p className="meta">Nothing in the spotlight yet.</p>
          )}
        </section>
        {join && !over ? <JoinPanel join={join} qrCode={qrCode} /> : null}
      </div>
      {show === "opinions" ? (
        <ProjectorOpinions
          motionId={motion.id}
          update={live.opinions}
          bodyOf={(id, others) => publicWords(live.motion, id, others)}
        />
      ) : (
        <div className="projector-sides">
          {(["for", "against"] as const).map((side) => (
            <section
              key={side}
              aria-label={`Strongest ${side} the motion`}
              className={`side side-${side}`}
            >
              <h2>Strongest {side} the motion</h2>
              {strongest(side).length === 0 ? (
                <p className="meta">
                  No rated arguments yet: the strongest show here as the room rates them.
                </p>
              ) : (
                <ol>
                  {strongest(side).map((a) => (
                    <li key={a.id}>
                      <span className="projector-body">{a.body}</span>{" "}
                      <span className="meta">({strengthSummary(a.strength)})</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
