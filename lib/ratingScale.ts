import type { Strength } from "./debate";

/**
 * What each score of a rating means, from 0 to 4: the one scale a reader chooses from and every
 * strength is shown in, so a 3 reads the same on the card, the map and the projector.
 */
export const ratingScale = ["not convincing", "weak", "fair", "strong", "decisive"] as const;

export const scores = ratingScale.map((_, score) => score);

/** A score as the rating control offers it: "3 – strong". */
export const scoreOption = (score: number) => `${score} – ${ratingScale[score]}`;

/**
 * "Strong · 3.2 from 5 ratings", or "Not rated yet". The words are those of the mean as shown,
 * rounded to tenths, so a 2.45 shown as 2.5 reads "Strong" rather than "Fair".
 */
export function strengthSummary({ mean, count }: Strength): string {
  if (mean === null) return "Not rated yet";
  const shown = mean.toFixed(1);
  const words = ratingScale[Math.round(Number(shown))] ?? "";
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} · ${shown} from ${count} rating${count === 1 ? "" : "s"}`;
}
