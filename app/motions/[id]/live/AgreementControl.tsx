"use client";

import type { AgreementCounts, AgreementStance } from "@/lib/debate";

const stances: { stance: AgreementStance; label: string }[] = [
  { stance: "agree", label: "Agree" },
  { stance: "disagree", label: "Disagree" },
  { stance: "pass", label: "Pass" },
];

const none: AgreementCounts = { agree: 0, disagree: 0, pass: 0 };

/**
 * Whether the reader agrees with an argument, apart from how strong they find it: three toggles
 * with the room's counts (P-AGREE-1). Those who may not judge see the counts alone.
 */
export function AgreementControl({
  argumentId,
  counts = none,
  mine,
  canAgree,
  onAgree,
}: {
  argumentId: string;
  counts?: AgreementCounts;
  mine: AgreementStance | undefined;
  canAgree: boolean;
  onAgree: (argumentId: string, stance: AgreementStance) => void;
}) {
  const total = counts.agree + counts.disagree + counts.pass;
  if (!canAgree) {
    return total === 0 ? null : (
      <span className="meta agreement-counts">
        {counts.agree} agree · {counts.disagree} disagree
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
    </fieldset>
  );
}
