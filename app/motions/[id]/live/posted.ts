/** Said on the window when the member's own post on a motion is stored. */
export const POSTED = "moot:posted";

export interface Posted {
  motionId: string;
  argumentId: string;
  /** "pending" where a moderator approves each post first. */
  status: string;
}

export const announcePosted = (posted: Posted) =>
  window.dispatchEvent(new CustomEvent<Posted>(POSTED, { detail: posted }));
