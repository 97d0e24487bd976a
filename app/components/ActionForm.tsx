"use client";

import {
  createContext,
  type InputHTMLAttributes,
  type ReactNode,
  useActionState,
  useContext,
} from "react";
import type { FormState } from "@/lib/forms";

const TypedValues = createContext<FormState["values"]>(undefined);

/**
 * An input that keeps what was typed when the action refuses it: React empties a form after its
 * action, back to each field's default, so the typed value becomes the default.
 */
export function KeptInput(props: InputHTMLAttributes<HTMLInputElement> & { name: string }) {
  const typed = useContext(TypedValues)?.[props.name];
  return <input {...props} defaultValue={typed ?? props.defaultValue} />;
}

/**
 * A form whose server action answers what went wrong: the problems are listed at the top, read
 * out by screen readers, and the button says it is working while the action runs.
 */
export function ActionForm({
  action,
  submit,
  pending: pendingLabel,
  secondary = false,
  className = "form",
  children,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  submit: string;
  pending: string;
  secondary?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={className} aria-busy={pending}>
      {state.problems && state.problems.length > 0 ? (
        <div className="error-summary" role="alert">
          <h2>{state.problems.length === 1 ? "There is a problem" : "There are problems"}</h2>
          <ul>
            {state.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.notice ? (
        <p role="status" className="meta">
          {state.notice}
        </p>
      ) : null}
      <TypedValues.Provider value={state.values}>{children}</TypedValues.Provider>
      <div>
        <button type="submit" disabled={pending} className={secondary ? "secondary" : undefined}>
          {pending ? pendingLabel : submit}
        </button>
      </div>
    </form>
  );
}
