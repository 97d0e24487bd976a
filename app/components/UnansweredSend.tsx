"use client";

import { unstable_rethrow } from "next/navigation";
import { Component, type ReactNode, useRef, useState } from "react";

/** What a form shows when its last send had no answer. */
export const unansweredProblem =
  "That was not sent, or its answer was lost: check your connection, then send it again.";

/**
 * Catches a form action that got no answer (`isUnanswered`: the network dropped, the server went
 * away), which React throws where the form renders and which would otherwise take the whole page
 * down, and tells `onUnanswered`; the parent then draws the form again. Anything else goes on to
 * the page's error boundary: a redirect or a not-found to Next, a fault of the server or of the
 * form itself to the error page.
 */
export class UnansweredBoundary extends Component<
  { isUnanswered: (error: unknown) => boolean; onUnanswered: () => void; children: ReactNode },
  { caught: { error: unknown } | null }
> {
  state: { caught: { error: unknown } | null } = { caught: null };

  static getDerivedStateFromError(error: unknown) {
    unstable_rethrow(error);
    return { caught: { error } };
  }

  componentDidCatch(error: unknown) {
    if (this.props.isUnanswered(error)) this.props.onUnanswered();
  }

  render() {
    const { caught } = this.state;
    if (!caught) return this.props.children;
    if (!this.props.isUnanswered(caught.error)) throw caught.error;
    return null;
  }
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isField = (element: Element): element is Field =>
  element instanceof HTMLInputElement ||
  element instanceof HTMLTextAreaElement ||
  element instanceof HTMLSelectElement;

/** Fields whose value is put back after a send with no answer: never a password or a file. */
const notKept = new Set(["password", "file", "hidden", "submit", "button", "reset", "image"]);

/** What the member entered in the form, field by field, to put back if the send is lost. */
export function typedIn(form: HTMLFormElement): [string, string][] {
  const typed: [string, string][] = [];
  for (const field of Array.from(form.elements).filter(isField)) {
    if (!field.name || notKept.has(field.type)) continue;
    const choice = field.type === "checkbox" || field.type === "radio";
    if (!choice || (field as HTMLInputElement).checked) typed.push([field.name, field.value]);
  }
  return typed;
}

/** Puts what `typedIn` read back into the form drawn again. */
export function putBack(form: HTMLFormElement, typed: [string, string][]) {
  for (const field of Array.from(form.elements).filter(isField)) {
    if (!field.name || notKept.has(field.type)) continue;
    const values = typed.filter(([name]) => name === field.name).map(([, value]) => value);
    if (
      field instanceof HTMLInputElement &&
      (field.type === "checkbox" || field.type === "radio")
    ) {
      field.checked = values.includes(field.value);
    } else if (values[0] !== undefined) {
      field.value = values[0];
    }
  }
}

/**
 * For a form whose server action answers nothing but a redirect (signing out): a send that gets
 * no answer says so above the form, which stays, instead of the page giving way to an error.
 */
export function SurvivesNoAnswer({ children }: { children: ReactNode }) {
  const [unanswered, setUnanswered] = useState(0);
  // Only a send under way can go unanswered: a fault of the page itself goes to its error page.
  const sending = useRef(false);
  return (
    <div onSubmitCapture={() => (sending.current = true)}>
      {unanswered > 0 ? (
        <div className="error-summary unanswered" role="alert">
          <h2>There is a problem</h2>
          <ul>
            <li>{unansweredProblem}</li>
          </ul>
        </div>
      ) : null}
      <UnansweredBoundary
        key={unanswered}
        isUnanswered={(error) => error instanceof TypeError && sending.current}
        onUnanswered={() => {
          sending.current = false;
          setUnanswered((n) => n + 1);
        }}
      >
        {children}
      </UnansweredBoundary>
    </div>
  );
}
