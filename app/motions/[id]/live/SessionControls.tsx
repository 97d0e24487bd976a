"use client";

import { useEffect, useRef, useState } from "react";
import type { ChangeSettings, RunPhase } from "@/lib/commands";
import type { MotionSettings, MotionStatus } from "@/lib/debate";
import { PHASES, phaseLabels, type SessionState, type Side } from "@/lib/session";
import type { MemberView } from "@/lib/views";
import { Problem } from "../../../components/Problem";
import { useFocusKeeper } from "../../../components/useFocusKeeper";
import { PhaseLengths } from "./PhaseLengths";

type Run = (work: Promise<string | null>) => void;

export interface SessionCommands {
  settings: (change: ChangeSettings["settings"]) => Promise<string | null>;
  phase: (action: RunPhase["action"]) => Promise<string | null>;
  side: (userId: string, side: Side | null) => Promise<string | null>;
  lock: (locked: boolean) => Promise<string | null>;
  archive: () => Promise<string | null>;
}

const toggles: { key: "approvalRequired" | "anonymous" | "evidenceRequired"; label: string }[] = [
  { key: "approvalRequired", label: "Approve posts before everyone sees them" },
  { key: "anonymous", label: "Anonymous: participants see each other as pseudonyms" },
  { key: "evidenceRequired", label: "Every argument must cite a passage" },
];

function PhaseButtons({
  session,
  run,
  commands,
}: {
  session: SessionState;
  run: Run;
  commands: SessionCommands;
}) {
  const next = session.phase ? PHASES[PHASES.indexOf(session.phase) + 1] : undefined;
  const step = (action: RunPhase["action"]) => () => run(commands.phase(action));
  if (session.clock === "waiting") {
    return (
      <button type="button" onClick={step("start")}>
        Start the debate
      </button>
    );
  }
  if (session.clock === "ended") return <p className="meta">The debate is over.</p>;
  return (
    <>
      {session.clock === "paused" ? (
        <button type="button" onClick={step("resume")}>
          Resume the clock
        </button>
      ) : (
        <button type="button" className="secondary" onClick={step("pause")}>
          Pause the clock
        </button>
      )}
      <button type="button" className="secondary" onClick={step("extend")}>
        One more minute
      </button>
      <button type="button" onClick={step("advance")}>
        {next ? `Next: ${phaseLabels[next]}` : "End the debate"}
      </button>
    </>
  );
}

function Speakers({
  spaceId,
  members: initial,
  session,
  run,
  commands,
}: {
  spaceId: string;
  members: MemberView[];
  session: SessionState;
  run: Run;
  commands: SessionCommands;
}) {
  const [members, setMembers] = useState(initial);
  const [loading, setLoading] = useState(false);
  // Students join during the lesson: opening the list asks again who is in the space.
  const refresh = async (open: boolean) => {
    if (!open) return;
    setLoading(true);
    const response = await fetch(`/api/spaces/${spaceId}/members`).catch(() => null);
    if (response?.ok) setMembers(await response.json());
    setLoading(false);
  };
  const speakers = members.filter((m) => m.role === "participant");
  return (
    <details className="speakers" onToggle={(e) => void refresh(e.currentTarget.open)}>
      <summary>Speakers ({Object.keys(session.sides).length} assigned)</summary>
      {loading ? <p className="meta">Loading the members…</p> : null}
      {speakers.length === 0 ? (
        <p className="empty">No participants have joined the space yet.</p>
      ) : (
        <ul className="plain">
          {speakers.map((member) => (
            <li key={member.userId}>
              <label>
                {member.name}{" "}
                <select
                  value={session.sides[member.userId] ?? ""}
                  onChange={(e) =>
                    run(commands.side(member.userId, (e.target.value || null) as Side | null))
                  }
                >
                  <option value="">Not speaking</option>
                  <option value="for">Speaks for</option>
                  <option value="against">Speaks against</option>
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/**
 * A setting's checkbox: it turns at once, and back if the server refuses; the room's copy of the
 * settings (from the event) has the last word.
 */
function SettingToggle({
  label,
  value,
  change,
  onProblem,
}: {
  label: string;
  value: boolean;
  change: (value: boolean) => Promise<string | null>;
  onProblem: (problem: string | null) => void;
}) {
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={shown}
        onChange={async (e) => {
          const wanted = e.target.checked;
          setShown(wanted);
          const refused = await change(wanted);
          onProblem(refused);
          if (refused) setShown(!wanted);
        }}
      />{" "}
      {label}
    </label>
  );
}

/** What the moderator runs the session with: its settings, the phases and clock, the speakers. */
export function SessionControls({
  spaceId,
  status,
  settings,
  session,
  members,
  commands,
}: {
  spaceId: string;
  status: MotionStatus;
  settings: MotionSettings;
  session: SessionState;
  members: MemberView[];
  commands: SessionCommands;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const locked = status !== "open";
  const [format, setFormat] = useState(settings.format);
  useEffect(() => setFormat(settings.format), [settings.format]);
  const run: Run = (work) => void work.then(setProblem);
  // The debate ended (its phase buttons gone) or the motion archived (its lock gone): the focus
  // goes on to the motion's lock, or to the panel's heading once nothing is left to press.
  const panel = useRef<HTMLElement>(null);
  const { within, dropped } = useFocusKeeper();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of these is the trigger
  useEffect(() => {
    if (!dropped()) return;
    const next = panel.current?.querySelector<HTMLElement>(".lock-actions button");
    (next ?? panel.current?.querySelector<HTMLElement>("#session-heading"))?.focus();
  }, [session.clock, status, dropped]);
  return (
    <section
      className="panel session-controls"
      aria-labelledby="session-heading"
      ref={panel}
      {...within}
    >
      <h2 id="session-heading" tabIndex={-1}>
        Run the session
      </h2>
      <div className="session-settings">
        <label>
          Format{" "}
          <select
            value={format}
            onChange={async (e) => {
              const wanted = e.target.value as MotionSettings["format"];
              setFormat(wanted);
              const refused = await commands.settings({ format: wanted });
              setProblem(refused);
              if (refused) setFormat(settings.format);
            }}
          >
            <option value="free">Free discussion</option>
            <option value="oxford">Structured debate (Oxford style)</option>
          </select>
        </label>
        {toggles.map(({ key, label }) => (
          <SettingToggle
            key={key}
            label={label}
            value={settings[key]}
            change={(value) => commands.settings({ [key]: value })}
            onProblem={setProblem}
          />
        ))}
      </div>
      {settings.format === "oxford" ? (
        <>
          <PhaseLengths
            lengths={settings.phaseSeconds}
            editable={session.clock !== "ended"}
            save={(phaseSeconds) => commands.settings({ phaseSeconds })}
            onProblem={setProblem}
          />
          <div className="actions">
            <PhaseButtons session={session} run={run} commands={commands} />
          </div>
          <Speakers
            spaceId={spaceId}
            members={members}
            session={session}
            run={run}
            commands={commands}
          />
        </>
      ) : null}
      {status === "archived" ? (
        <p className="meta">This motion is archived: it stays to be read, as it ended.</p>
      ) : (
        <div className="actions lock-actions">
          <button type="button" className="secondary" onClick={() => run(commands.lock(!locked))}>
            {locked ? "Reopen the motion" : "Close the motion"}
          </button>
          {status === "closed" ? (
            <button type="button" className="secondary" onClick={() => run(commands.archive())}>
              Archive the motion
            </button>
          ) : null}
        </div>
      )}
      <Problem text={problem} />
    </section>
  );
}
