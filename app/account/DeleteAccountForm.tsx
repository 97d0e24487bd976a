"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import type { FormState } from "@/lib/forms";
import { deleteAccountAction } from "./deleteAction";

/**
 * Deleting an account cannot be undone: the button stays disabled until the person has typed
 * `confirmation` (their email, or "delete") and, when they have one, their password.
 */
export function DeleteAccountForm({
  confirmation,
  needsPassword,
}: {
  confirmation: string;
  needsPassword: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(deleteAccountAction, {});
  const [typed, setTyped] = useState("");
  const [password, setPassword] = useState("");
  const matches = typed.trim().toLowerCase() === confirmation.toLowerCase();
  const ready = matches && (!needsPassword || password.length > 0);
  // Refused, the focus goes to why, rather than falling to the top of the page with the button.
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.problems?.length) summary.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="form" aria-busy={pending}>
      {state.problems && state.problems.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2>Your account was not deleted</h2>
          <ul>
            {state.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="delete-confirmation">Type {confirmation} to confirm</label>
        <span className="hint" id="delete-confirmation-hint">
          The button below stays off until it matches.
        </span>
        <input
          id="delete-confirmation"
          name="confirmation"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          aria-describedby="delete-confirmation-hint"
          aria-invalid={typed !== "" && !matches}
        />
      </div>
      {needsPassword ? (
        <div className="field">
          <label htmlFor="delete-password">Your password</label>
          <input
            id="delete-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
      ) : null}
      <div>
        <button type="submit" className="danger" disabled={!ready || pending}>
          {pending ? "Deleting your account…" : "Delete my account"}
        </button>
      </div>
    </form>
  );
}
