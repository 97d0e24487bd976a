import type { BlockView, PassageMark } from "../views";

export interface Segment {
  start: number;
  text: string;
  /** The marks covering this piece of text. */
  marks: PassageMark[];
}

/**
 * Cuts one block of the canonical text into pieces at every mark boundary inside it, so each
 * piece is covered by one fixed set of marks. Marks may overlap and may cross blocks.
 */
export function segmentBlock(text: string, block: BlockView, marks: PassageMark[]): Segment[] {
  const inside = marks.filter((m) => m.start < block.end && m.end > block.start);
  const cuts = new Set([block.start, block.end]);
  for (const m of inside) {
    if (m.start > block.start) cuts.add(m.start);
    if (m.end < block.end) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(0, -1).map((from, i) => {
    const to = points[i + 1] as number;
    return {
      start: from,
      text: text.slice(from, to),
      marks: inside.filter((m) => m.start < to && m.end > from),
    };
  });
}
