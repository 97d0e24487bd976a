"use client";

import { useState } from "react";
import type { AgreementCounts, AgreementStance, WhoAgreed } from "@/lib/debate";

const stances: { stance: AgreementStance; label: string }[] = [
  { stance: "agree", label: "Agree" },
  { stance: "disagree", label: "Disagree" },
  { stance: "pass", label: "Pass" },
];

const none: AgreementCounts = { agree: 0, disagree: 0, pass: 0 };
const stanceWord: Record<AgreementStance, string> = {
  agree: "agrees",
  disagree: "disagrees",
  pass: "passes",
};

/** For moderators of a motion that is not anonymous: who took which stance, read when opened. */
function WhoAgreedList({ argumentId }: { argumentId: string }) {
  const [answer, setAnswer] = useState<WhoAgreed | string | null>(null);
  const load = async (open: boolean) => {
    if (!open) return;
    const response = await fetch(`/api/arguments/${argumentId}/agreements`).catch(() => null);
    const body = await response?.json().catch(() => null);
    setAnswer(response?.ok ? (body as WhoAgreed) : (body?.error?.message ?? "Could not load."));
  };
  return (
    <details className="who-agreed" onToggle={(e) => void load(e.currentTarget.open)}>
      <summary>Who?</summary>
      {answer === null ? (
        <p className="meta">Loading…</p>
      ) : typeof answer === "string" ? (
        <p className="problem">{answer}</p>
      ) : answer.people.length === 0 ? (
        <p className="meta">Nobody has said yet.</p>
      ) : (
        <ul className="plain">
          {answer.people.map(({ user, stance }) => (
            <li key={user.id}>
              {user.name} {stanceWord[stance]}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/**
 * Whether the reader agrees with an argument, apart from how strong they find it: three toggles
 * with the room's counts (P-AGREE-1). Those who may not judge see the counts alone.
 */
export function AgreementControl({
  argumentId,
  counts = none,
  mine,
  canAgree,
  showWho,
  onAgree,
}: {
  argumentId: string;
  counts?: AgreementCounts;
  mine: AgreementStance | undefined;
  canAgree: boolean;
  /** The reader moderates a motion that is not anonymous: they may see who took which stance. */
  showWho: boolean;
  onAgree: (argumentId: string, stance: AgreementStance) => void;
}) {
  const total = counts.agree + counts.disagree + counts.pass;
  const who = showWho && total > 0 ? <WhoAgreedList argumentId={argumentId} /> : null;
  if (!canAgree) {
    return total === 0 ? null : (
      <span className="meta agreement-counts">
        {counts.agree} agree · {counts.disagree} disagree
        {who}
      </span>
    );
  }
  return (
    <fieldset className="agreement">
      <legend className="visually-hidden">Do you agree?</legend>
      {stances.map(({ stance, label }) => (
        <button
          key={stance}
          type="button"
          className={mine === stance ? "agreement-chosen" : "secondary"}
          aria-pressed={mine === stance}
          onClick={() => onAgree(argumentId, stance)}
        >
          {label}
          {stance === "pass" ? "" : ` ${counts[stance]}`}
        </button>
      ))}
      {who}
    </fieldset>
  );
}
