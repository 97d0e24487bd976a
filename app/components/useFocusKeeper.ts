import { type FocusEvent, useCallback, useRef } from "react";

/**
 * For a part of a page whose controls come and go as it changes (a post approved leaves the
 * queue; Hide… gives way to Restore): a control removed while it held the focus drops it to the
 * page's body, and a keyboard user would start again from the top. Spread `within` on the part;
 * after a change, `dropped()` says whether the focus was in the part and has fallen to the body,
 * in which case the part gives it to what comes next in place of what went. A focus moved on to
 * anything else is left where it is.
 */
export function useFocusKeeper() {
  const inside = useRef(false);
  const within = {
    onFocus: () => {
      inside.current = true;
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      const { relatedTarget: to, target: from, currentTarget: part } = event;
      if (to) {
        if (!part.contains(to)) inside.current = false;
        return;
      }
      // Nothing took the focus: the control was removed (the case to mend), or the person
      // clicked somewhere empty or left the window, and the control is still there.
      setTimeout(() => {
        if (from.isConnected) inside.current = false;
      });
    },
  };
  const dropped = useCallback(() => {
    const active = document.activeElement;
    return inside.current && (active === null || active === document.body);
  }, []);
  return { within, dropped };
}
