"use client";

import { useEffect, useState } from "react";
import type { FollowState } from "@/lib/notifications";
import { callApi } from "../../components/api";
import { POSTED, type Posted } from "./live/posted";

const choices: { state: FollowState; label: string; hint: string }[] = [
  { state: "following", label: "Following", hint: "replies and mentions" },
  { state: "unfollowed", label: "Not following", hint: "mentions only" },
  { state: "muted", label: "Muted", hint: "nothing" },
];

/** How the signed-in member hears from this motion; posting in it follows it (P-NOTE-1). */
export function FollowControl({
  motionId,
  initial,
  chosen,
}: {
  motionId: string;
  initial: FollowState;
  /** Whether the member has chosen: if not, their first post here follows the motion. */
  chosen: boolean;
}) {
  const [state, setState] = useState(initial);
  const [choiceMade, setChoiceMade] = useState(chosen);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (choiceMade) return;
    const posted = (event: Event) => {
      if ((event as CustomEvent<Posted>).detail.motionId === motionId) setState("following");
    };
    window.addEventListener(POSTED, posted);
    return () => window.removeEventListener(POSTED, posted);
  }, [motionId, choiceMade]);

  const choose = async (next: FollowState) => {
    const before = state;
    setState(next);
    setChoiceMade(true);
    const answer = await callApi<{ state: FollowState }>(`/api/motions/${motionId}/follow`, {
      method: "PUT",
      json: { state: next },
    });
    if (!answer.ok) setState(before);
    setProblem(answer.ok ? null : answer.problem);
  };

  return (
    <div className="follow-control">
      <label htmlFor={`follow-${motionId}`}>Notifications from this motion</label>
      <select
        id={`follow-${motionId}`}
        value={state}
        onChange={(e) => choose(e.target.value as FollowState)}
      >
        {choices.map(({ state: value, label, hint }) => (
          <option key={value} value={value}>
            {label} ({hint})
          </option>
        ))}
      </select>
      {problem ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
