"use client";

import { useState } from "react";
import type { MotionSettings } from "@/lib/debate";
import {
  type PhaseLengths as Lengths,
  MAX_PHASE_SECONDS,
  PHASES,
  type Phase,
  phaseLabels,
  phaseLength,
} from "@/lib/phases";
import { BusyButton } from "../../../components/BusyButton";
import { useHydrated } from "../../../components/useHydrated";

type Minutes = Record<Phase, string>;

const minutesOf = (lengths: Lengths | undefined): Minutes =>
  Object.fromEntries(
    PHASES.map((phase) => [phase, String(phaseLength(phase, lengths) / 60)]),
  ) as Minutes;

/**
 * The structured debate's phase lengths, in minutes, set before the start (and for the phases
 * still to come while it runs). Saving sends them all as the motion's setting.
 */
export function PhaseLengths({
  lengths,
  editable,
  save,
  onProblem,
}: {
  lengths: MotionSettings["phaseSeconds"];
  editable: boolean;
  save: (lengths: Lengths) => Promise<string | null>;
  onProblem: (problem: string | null) => void;
}) {
  const [minutes, setMinutes] = useState(() => minutesOf(lengths));
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const hydrated = useHydrated();
  const summary = PHASES.map((p) => `${phaseLabels[p]} ${phaseLength(p, lengths) / 60} min`);
  if (!editable) return <p className="meta phase-lengths-summary">{summary.join(" · ")}</p>;
  return (
    <details className="phase-lengths">
      <summary>Phase lengths: {summary.join(" · ")}</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setSaving(true);
          const seconds = Object.fromEntries(
            PHASES.map((p) => [p, Math.round(Number(minutes[p]) * 60)]),
          ) as Lengths;
          const refused = await save(seconds);
          setSaving(false);
          setSaved(!refused);
          onProblem(refused);
        }}
      >
        {PHASES.map((phase) => (
          <label key={phase}>
            {phaseLabels[phase]}{" "}
            <input
              type="number"
              inputMode="decimal"
              min={0.5}
              max={MAX_PHASE_SECONDS / 60}
              step={0.5}
              required
              value={minutes[phase]}
              onChange={(e) => {
                setSaved(false);
                setMinutes({ ...minutes, [phase]: e.target.value });
              }}
            />{" "}
            min
          </label>
        ))}
        <div className="actions">
          <BusyButton type="submit" className="secondary" disabled={!hydrated} busy={saving}>
            {saving ? "Saving…" : "Save the phase lengths"}
          </BusyButton>
          {saved ? (
            <span role="status" className="meta">
              Saved.
            </span>
          ) : null}
        </div>
      </form>
    </details>
  );
}
