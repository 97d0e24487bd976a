import { type ArgumentView, sideOf } from "./debate";
import type { MotionView } from "./views";

export type Side = "for" | "against";

/** How many of the strongest arguments the room's screen lists on each side. */
export const STRONGEST_SHOWN = 3;

/**
 * What the room's screen needs of a motion, however big the debate: the motion as the room sees
 * it, its `arguments` being only those the screen shows (the spotlight and the strongest on each
 * side, without replies or quotes), and which of them are the strongest on each side, in order.
 */
export interface ProjectorView {
  motion: MotionView;
  strongest: Record<Side, string[]>;
}

/** The stronger first: by mean rating, then by how many rated; ties keep their order. */
export const byStrength = (a: ArgumentView, b: ArgumentView) =>
  (b.strength.mean ?? 0) - (a.strength.mean ?? 0) || b.strength.count - a.strength.count;

/** Whether an argument can stand among the strongest: published and rated at least once. */
export const rankable = (a: ArgumentView) => a.status === "published" && a.strength.mean !== null;

/**
 * The strongest arguments serving a side, replies included (a reply serves the side its thread
 * leads to), out of `args`: every argument of the motion the room sees, parents before replies.
 */
export function strongestOn(args: ArgumentView[], side: Side, count = STRONGEST_SHOWN) {
  const byId = new Map(args.map((a) => [a.id, a]));
  return args
    .filter((a) => rankable(a) && sideOf(a, byId) === side)
    .sort(byStrength)
    .slice(0, count);
}
