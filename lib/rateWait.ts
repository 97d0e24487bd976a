import type { Ack } from "./protocol";

/**
 * Until when (epoch ms) the page holds back what the member sends after a rate_limited answer
 * (P-RATE-1): the later of the hold already running and the one this answer names; any other
 * answer leaves the hold as it is.
 */
export function holdAfter(until: number | null, answer: Ack, now: number): number | null {
  if (answer.ok || answer.error.code !== "rate_limited") return until;
  const next = now + (answer.error.retryAfterMs ?? 1000);
  return until === null || next > until ? next : until;
}

/** Whether sending now would only be refused again. */
export const isHeld = (until: number | null, now: number) => until !== null && until > now;

/** What the page says while it holds posts back, counting down; null once they may go. */
export function holdNotice(until: number | null, now: number): string | null {
  if (!isHeld(until, now)) return null;
  return `You can post again in ${Math.ceil(((until ?? now) - now) / 1000)} s`;
}
