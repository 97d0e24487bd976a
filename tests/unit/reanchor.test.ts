import { describe, expect, it } from "vitest";
import { selectorAt } from "../../lib/anchoring";
import { type AnchorStatus, reanchor } from "../../lib/reanchor";

const harbour =
  "Port Elwin grew up around its harbour. Fishing boats crowded the inner basin, and the long " +
  "outer mole sheltered the colliers that came up the coast from the south with coal for the " +
  "town's foundries and its gasworks.";
const railway =
  "Work on the line began in 1869. The railway reached the town in 1871, two years late and far " +
  "over budget. Its terminus stood on the quay itself, so that wagons could be loaded straight " +
  "from the holds of the ships.";
const trade =
  "Trade doubled within a decade. The council widened the harbour mouth in 1884 and built a " +
  "second dock for the timber trade.";
const decline =
  "By 1900 the fishing fleet had shrunk, but the railway still carried wool, coal and timber " +
  "inland every day of the week.";

const doc = (...paragraphs: string[]) => paragraphs.join("\n\n");
const oldText = doc(harbour, railway, trade, decline);

const sentence = "The railway reached the town in 1871, two years late and far over budget.";
const sentenceStart = oldText.indexOf(sentence);
const citedSentence = selectorAt(oldText, sentenceStart, sentenceStart + sentence.length);
const citedHarbour = selectorAt(oldText, 0, harbour.length);
const tradeQuote =
  "The council widened the harbour mouth in 1884 and built a second dock for the timber trade.";
const tradeStart = oldText.indexOf(tradeQuote);

const preface = "A short history of the port, written for the centenary of the railway.\n\n";
const edited = (paragraph: string, from: string, to: string) => {
  expect(paragraph).toContain(from);
  return paragraph.replace(from, to);
};
const FUZZY = "at least 0.6, below 1";

type Case = {
  case: string;
  cited: typeof citedSentence;
  newText: string;
  status: AnchorStatus;
  confidence: number | typeof FUZZY;
  /** What the new text says at the returned offsets; null when orphaned. */
  passage: string | null;
  /** Where the passage starts, when it could be found in more than one place. */
  start?: number;
};

const cases: Case[] = [
  {
    case: "unchanged text keeps the citation where it was",
    cited: citedSentence,
    newText: oldText,
    status: "exact",
    confidence: 1,
    passage: sentence,
    start: sentenceStart,
  },
  {
    case: "text inserted before the passage moves it",
    cited: citedSentence,
    newText: preface + oldText,
    status: "moved",
    confidence: 1,
    passage: sentence,
    start: preface.length + sentenceStart,
  },
  {
    case: "a word changed inside the passage makes it fuzzy, covering the edited sentence",
    cited: citedSentence,
    newText: doc(harbour, edited(railway, "far over", "well over"), trade, decline),
    status: "fuzzy",
    confidence: FUZZY,
    passage: "The railway reached the town in 1871, two years late and well over budget.",
  },
  {
    case: "the passage deleted orphans it",
    cited: citedSentence,
    newText: doc(harbour, edited(railway, `${sentence} `, ""), trade, decline),
    status: "orphaned",
    confidence: 0,
    passage: null,
  },
  {
    case: "a copy elsewhere with other surroundings does not capture the citation",
    cited: citedSentence,
    newText: doc(`In brief: ${sentence} The rest of this history explains why.`, oldText),
    status: "moved",
    confidence: 1,
    passage: sentence,
    start:
      `In brief: ${sentence} The rest of this history explains why.\n\n`.length + sentenceStart,
  },
  {
    case: "a copy with identical surroundings is flagged, not silently chosen",
    cited: citedSentence,
    newText: preface + doc(oldText, railway),
    status: "fuzzy",
    confidence: 0.5,
    passage: sentence,
    start: preface.length + sentenceStart,
  },
  {
    case: "line breaks and double spaces inside the passage still count as the same words",
    cited: citedSentence,
    newText: doc(
      harbour,
      edited(railway, "in 1871, two years late and far", "in 1871,\ntwo years late  and far"),
      trade,
      decline,
    ),
    status: "moved",
    confidence: 1,
    passage: "The railway reached the town in 1871,\ntwo years late  and far over budget.",
  },
  {
    case: "a paragraph moved to the end of the document moves the citation",
    cited: citedSentence,
    newText: doc(harbour, trade, decline, railway),
    status: "moved",
    confidence: 1,
    passage: sentence,
  },
  {
    case: "a paragraph moved to the end and edited is still found, as fuzzy",
    cited: citedSentence,
    newText: doc(harbour, trade, decline, edited(railway, "two years", "three years")),
    status: "fuzzy",
    confidence: FUZZY,
    passage: "The railway reached the town in 1871, three years late and far over budget.",
  },
  {
    case: "a long quote with one word changed is fuzzy",
    cited: citedHarbour,
    newText: doc(edited(harbour, "colliers", "steamers"), railway, trade, decline),
    status: "fuzzy",
    confidence: FUZZY,
    passage: harbour.replace("colliers", "steamers"),
    start: 0,
  },
  {
    case: "a last word edited before the full stop comes back whole, with the full stop",
    cited: citedSentence,
    newText: doc(harbour, edited(railway, "over budget.", "over budgets."), trade, decline),
    status: "fuzzy",
    confidence: FUZZY,
    passage: "The railway reached the town in 1871, two years late and far over budgets.",
  },
  {
    case: "a quote ending in a full stop never ends inside a word of the new text",
    cited: selectorAt(oldText, tradeStart, tradeStart + tradeQuote.length),
    newText: doc(harbour, railway, edited(trade, "timber trade.", "timber traders."), decline),
    status: "fuzzy",
    confidence: FUZZY,
    passage:
      "The council widened the harbour mouth in 1884 and built a second dock for the timber traders.",
  },
  {
    case: "a passage rewritten from scratch orphans it",
    cited: citedSentence,
    newText: doc(
      harbour,
      edited(
        railway,
        sentence,
        "Trains first ran to the waterfront once the bridge over the Elwe was finished.",
      ),
      trade,
      decline,
    ),
    status: "orphaned",
    confidence: 0,
    passage: null,
  },
];

describe("re-anchoring a citation in a document's new version", () => {
  it("the long quote is long", () => {
    expect(citedHarbour.exact.length).toBeGreaterThan(200);
  });

  it.each(cases)("$case", ({ cited, newText, status, confidence, passage, start }) => {
    const anchor = reanchor(cited, newText);
    expect(anchor.status).toBe(status);
    if (confidence === FUZZY) {
      expect(anchor.confidence).toBeGreaterThanOrEqual(0.6);
      expect(anchor.confidence).toBeLessThan(1);
    } else {
      expect(anchor.confidence).toBe(confidence);
    }
    if (passage === null) {
      expect([anchor.start, anchor.end]).toEqual([null, null]);
      return;
    }
    expect(newText.slice(anchor.start ?? 0, anchor.end ?? 0)).toBe(passage);
    if (start !== undefined) expect(anchor.start).toBe(start);
  });
});
