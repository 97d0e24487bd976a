/** Said on the window when the member's own post on a motion is stored (detail: the motion's id). */
export const POSTED = "moot:posted";

export const announcePosted = (motionId: string) =>
  window.dispatchEvent(new CustomEvent<string>(POSTED, { detail: motionId }));
