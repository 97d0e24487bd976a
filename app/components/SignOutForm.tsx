import Link from "next/link";
import { SurvivesNoAnswer } from "./UnansweredSend";

/**
 * A sign-out button (this browser, or everywhere); a guest, who can only come back as a new
 * guest, is offered to create an account first.
 */
export function SignOutForm({
  action,
  label,
  guest,
}: {
  action: () => Promise<void>;
  label: string;
  guest: boolean;
}) {
  return (
    <SurvivesNoAnswer>
      <form action={action} className="actions">
        <button type="submit">{label}</button>
        {guest ? (
          <Link href="/signup" className="button secondary">
            Create an account
          </Link>
        ) : null}
      </form>
    </SurvivesNoAnswer>
  );
}
