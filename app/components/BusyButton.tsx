import type { ButtonHTMLAttributes, MouseEvent } from "react";

/**
 * A button whose work is under way: it says so (`aria-disabled`, drawn faded) and a press does
 * nothing, a form's submission included, but it keeps the keyboard's focus. `disabled` would drop
 * the focus to the top of the page, and a keyboard user would have to find their place again,
 * after a refusal too.
 */
export function BusyButton({
  busy,
  onClick,
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean }) {
  return (
    <button
      {...button}
      aria-disabled={busy || undefined}
      data-busy={busy || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        // Also the click a form's Enter key makes on its submit button: cancelled, nothing is sent.
        if (busy) return event.preventDefault();
        onClick?.(event);
      }}
    />
  );
}
