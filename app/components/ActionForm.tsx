"use client";

import {
  createContext,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type RefObject,
  useActionState,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { newClientId } from "@/lib/clientId";
import type { FormState } from "@/lib/forms";
import { BusyButton } from "./BusyButton";
import { putBack, typedIn, UnansweredBoundary, unansweredProblem } from "./UnansweredSend";

const TypedValues = createContext<FormState["values"]>(undefined);

/**
 * An input that keeps what was typed when the action refuses it: React empties a form after its
 * action, back to each field's default, so the typed value becomes the default.
 */
export function KeptInput(props: InputHTMLAttributes<HTMLInputElement> & { name: string }) {
  const typed = useContext(TypedValues)?.[props.name];
  return <input {...props} defaultValue={typed ?? props.defaultValue} />;
}

interface Send {
  clientId: string;
  typed: [string, string][];
  /** Its failure was shown: the same failure again is not a lost answer but a fault. */
  shown: boolean;
}

interface ActionFormProps {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  submit: string;
  pending: string;
  secondary?: boolean;
  className?: string;
  /**
   * The command keeps its answer for a `clientId`: the form sends one, the same again after a
   * send that got no answer, so sending again cannot do it twice (a second space, say). Edited
   * and sent again, it is still that command: if the first send did reach the server, its result
   * is the answer.
   */
  sendsClientId?: boolean;
  children?: ReactNode;
}

/**
 * A form whose server action answers what went wrong: the problems are listed at the top, read
 * out by screen readers, and the button says it is working while the action runs. A send that
 * gets no answer (the connection dropped) leaves the form as it was, saying so, rather than
 * taking the page down.
 */
export function ActionForm(props: ActionFormProps) {
  const [unanswered, setUnanswered] = useState(0);
  // Kept outside the form, which is drawn again after each send with no answer.
  const sent = useRef<Send | null>(null);
  // A fetch that fails (no connection, no answer) rejects with a TypeError; a server's fault or
  // an action the server no longer knows is something else, which sending again cannot mend.
  const isUnanswered = (error: unknown) =>
    error instanceof TypeError && sent.current !== null && !sent.current.shown;
  const showUnanswered = () => {
    if (sent.current) sent.current.shown = true;
    setUnanswered((n) => n + 1);
  };
  return (
    <UnansweredBoundary key={unanswered} isUnanswered={isUnanswered} onUnanswered={showUnanswered}>
      <SendingForm {...props} sent={sent} unanswered={unanswered > 0} />
    </UnansweredBoundary>
  );
}

function SendingForm({
  action,
  submit,
  pending: pendingLabel,
  secondary = false,
  className = "form",
  sendsClientId = false,
  children,
  sent,
  unanswered,
}: ActionFormProps & { sent: RefObject<Send | null>; unanswered: boolean }) {
  const [state, formAction, pending] = useActionState(
    action,
    unanswered ? { problems: [unansweredProblem] } : {},
  );
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const drawnWith = useRef(state);
  useLayoutEffect(() => {
    // Drawn again after a send with no answer: what was entered goes back in before it is seen,
    // and the focus goes to what went wrong.
    if (!unanswered || !sent.current || !formRef.current) return;
    putBack(formRef.current, sent.current.typed);
    summaryRef.current?.focus();
  }, [unanswered, sent]);
  useEffect(() => {
    // Answered: whatever is sent next is another command.
    if (state !== drawnWith.current) sent.current = null;
  }, [state, sent]);
  useEffect(() => {
    // Refused: the focus goes to what went wrong, as it does after a send with no answer, rather
    // than falling to the top of the page with the button that was busy.
    if (state !== drawnWith.current && state.problems?.length) summaryRef.current?.focus();
  }, [state]);
  const remember = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const clientId = sent.current?.clientId ?? newClientId();
    sent.current = { clientId, typed: typedIn(form), shown: false };
    // Read by the action's FormData, which React builds after this handler.
    const field = form.elements.namedItem("clientId");
    if (field instanceof HTMLInputElement) field.value = sent.current.clientId;
  };
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={remember}
      className={className}
      aria-busy={pending}
    >
      {sendsClientId ? <input type="hidden" name="clientId" /> : null}
      {state.problems && state.problems.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
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
        <BusyButton type="submit" busy={pending} className={secondary ? "secondary" : undefined}>
          {pending ? pendingLabel : submit}
        </BusyButton>
      </div>
    </form>
  );
}
