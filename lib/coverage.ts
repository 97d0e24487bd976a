/** How often each paragraph of a document is cited, for and against; what nobody cites yet. */

import { type ArgumentView, sideOf } from "./debate";

export interface Span {
  start: number;
  end: number;
}

/** A passage cited by one argument, where it stands now, and the side the argument serves. */
export interface CitedSpan extends Span {
  argumentId: string;
  side: "for" | "against";
}

export interface BlockCoverage extends Span {
  for: number;
  against: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && a.end > b.start;

/**
 * Per block, how many arguments cite it for the motion and how many against. An argument counts
 * once per block however many of its quotes fall there; a quote across two blocks counts in both.
 */
export function coverageByBlock(blocks: Span[], cited: CitedSpan[]): BlockCoverage[] {
  return blocks.map(({ start, end }) => {
    const citing = cited.filter((c) => overlaps(c, { start, end }));
    const sides = new Map(citing.map((c) => [c.argumentId, c.side]));
    const count = (side: "for" | "against") => [...sides.values()].filter((s) => s === side).length;
    return { start, end, for: count("for"), against: count("against") };
  });
}

const times = (n: number) => `${n} time${n === 1 ? "" : "s"}`;

/** The counts in words, as the heat strip says them to a screen reader and in its tooltip. */
export const coverageLabel = (c: { for: number; against: number }) =>
  c.for + c.against === 0 ? "Not cited yet" : `Cited ${times(c.for)} for, ${c.against} against`;

/**
 * How strongly a block shows on the heat strip, 0 to 1 for each side, against the most-cited
 * block of the document (so one citation in a quiet document still shows).
 */
export function heatOf(c: BlockCoverage, all: BlockCoverage[]): { for: number; against: number } {
  const most = Math.max(1, ...all.map((b) => b.for + b.against));
  return { for: c.for / most, against: c.against / most };
}

/**
 * A passage cut at the blocks it spans, keeping the pieces no cited span touches: the parts of a
 * motion's source that no argument rests on yet.
 */
export function uncitedPieces(blocks: Span[], passage: Span, cited: Span[]): Span[] {
  return blocks
    .filter((block) => overlaps(block, passage))
    .map((block) => ({
      start: Math.max(block.start, passage.start),
      end: Math.min(block.end, passage.end),
    }))
    .filter((piece) => !cited.some((c) => overlaps(c, piece)));
}

/**
 * The passages a motion's published arguments cite in one document, where each stands now and
 * for which side: what the motion page's reader counts per paragraph, live.
 */
export function citedSpansIn(documentId: string, args: ArgumentView[]): CitedSpan[] {
  const byId = new Map(args.map((a) => [a.id, a]));
  return args.flatMap((argument) =>
    argument.status !== "published"
      ? []
      : argument.citations.flatMap(({ documentId: cited, anchor }) =>
          cited !== documentId || anchor.start === null || anchor.end === null
            ? []
            : [
                {
                  argumentId: argument.id,
                  side: sideOf(argument, byId),
                  start: anchor.start,
                  end: anchor.end,
                },
              ],
        ),
  );
}

/**
 * Per block, how many citations of each side touch it, from passages counted across a big
 * debate (`MotionPartial.cited`): an argument citing two passages of one block counts twice.
 */
export function coverageOfPassages(
  blocks: Span[],
  passages: (Span & { for: number; against: number })[],
): BlockCoverage[] {
  return blocks.map(({ start, end }) => {
    const touching = passages.filter((p) => overlaps(p, { start, end }));
    const sum = (side: "for" | "against") => touching.reduce((n, p) => n + p[side], 0);
    return { start, end, for: sum("for"), against: sum("against") };
  });
}
