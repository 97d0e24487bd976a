import { type ArgumentView, type CitedPassage, type CitedSpot, citedPassages } from "./debate";

/*
 * A debate's counts of cited passages, per side, as a page holding a big debate in part keeps
 * them current: an argument's citations added to them or taken from them as it comes or goes.
 */

const passageKey = (p: CitedPassage) => `${p.documentId}:${p.start}:${p.end}`;

/** The cited passages with `change` added to (or, `sign` -1, taken from) their counts. */
export function combine(
  cited: CitedPassage[],
  change: CitedPassage[],
  sign: 1 | -1,
): CitedPassage[] {
  if (change.length === 0) return cited;
  const counts = new Map(cited.map((p) => [passageKey(p), { ...p }]));
  for (const passage of change) {
    const known = counts.get(passageKey(passage)) ?? { ...passage, for: 0, against: 0 };
    known.for = Math.max(0, known.for + sign * passage.for);
    known.against = Math.max(0, known.against + sign * passage.against);
    counts.set(passageKey(passage), known);
  }
  return [...counts.values()]
    .filter((p) => p.for + p.against > 0)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The cited passages with one argument's own citations counted (or uncounted) on `side`. */
export function addCited(
  cited: CitedPassage[],
  argument: Pick<ArgumentView, "id" | "status" | "citations">,
  side: "for" | "against",
  sign: 1 | -1,
): CitedPassage[] {
  if (argument.status !== "published" || argument.citations.length === 0) return cited;
  return combine(cited, citedPassages([{ ...argument, parentId: null, relation: side }]), sign);
}

/**
 * The cited passages after held arguments (`changed`) were approved, hidden, withdrawn or had
 * their citations moved or reviewed: what they cited before uncounted, what they cite now
 * counted, each on the side the held thread gives it.
 */
export function recount(
  cited: CitedPassage[],
  before: ArgumentView[],
  after: ArgumentView[],
  changed: ReadonlySet<string>,
): CitedPassage[] {
  const own = (args: ArgumentView[]) =>
    citedPassages(args.map((a) => (changed.has(a.id) ? a : { ...a, citations: [] })));
  return combine(combine(cited, own(before), -1), own(after), 1);
}

/** Passages one argument on `side` cites, each counted once. */
export const spotsOn = (spots: CitedSpot[], side: "for" | "against"): CitedPassage[] =>
  spots.map((spot) => ({
    ...spot,
    for: side === "for" ? 1 : 0,
    against: side === "against" ? 1 : 0,
  }));
