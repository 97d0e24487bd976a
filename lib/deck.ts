import type { ArgumentRelation } from "./debate";

/** One card of "Sort the arguments": an argument by someone else, without its author. */
export interface DeckCard {
  id: string;
  side: "for" | "against";
  relation: ArgumentRelation;
  body: string;
  quotes: string[];
}

export interface Deck {
  /** Whether the reader may say what they agree with (a participant of the motion). */
  canJudge: boolean;
  /** The side the reader's vote leans against, whose arguments come first; null if none. */
  otherSide: "for" | "against" | null;
  /** How many published arguments by others the reader has judged, and how many there are. */
  judged: number;
  total: number;
  /** How many arguments of the other side the reader has not judged yet. */
  otherSideLeft: number;
  cards: DeckCard[];
}
