import { describe, expect, it } from "vitest";
import { importPlainText } from "../../lib/documents/import";
import { joinPages, type PageItem, pageText, withoutRunningHeads } from "../../lib/documents/pages";

/** A printed line: its text at x on baseline y, 12 pt unless said, about 6 pt a character. */
const at = (x: number, y: number, str: string, fontSize = 12): PageItem => ({
  str,
  x,
  y,
  width: str.length * 6,
  fontSize,
});
/** pdfjs's end-of-line marker: no text, the position of the run before it. */
const eol = (x: number, y: number): PageItem => ({ str: "", x, y, width: 0, fontSize: 12 });

describe("a page's text", () => {
  it("puts each printed line on a line of its own, skipping pdfjs's empty markers", () => {
    const text = pageText([
      at(50, 700, "The harbour was closed"),
      eol(50, 700),
      at(50, 684, "in winter."),
    ]);
    expect(text).toBe("The harbour was closed\nin winter.");
  });

  it("joins runs on one baseline, adding a space where they stand apart", () => {
    const text = pageText([
      at(50, 700, "Trade"),
      at(84, 700, "moved"),
      at(114, 700, " inland"),
      at(160, 700, "by rail"),
      at(202, 703, "1", 7), // a footnote mark, raised a little
    ]);
    expect(text).toBe("Trade moved inland by rail1");
  });

  it("leaves an empty line where the page leaves a gap, between paragraphs or round a heading", () => {
    const text = pageText([
      at(50, 760, "1. The harbour", 14),
      at(50, 736, "The harbour was closed"),
      at(50, 720, "in winter."),
      at(50, 692, "Trade moved inland"),
      at(50, 676, "by rail."),
    ]);
    expect(text).toBe(
      "1. The harbour\n\nThe harbour was closed\nin winter.\n\nTrade moved inland\nby rail.",
    );
  });

  it("marks an indented first line with a leading space", () => {
    const text = pageText([
      at(50, 720, "in winter."),
      at(70, 704, "Trade moved inland"),
      at(50, 688, "by rail."),
    ]);
    expect(text).toBe("in winter.\n Trade moved inland\nby rail.");
  });

  it("does not take a second column for an indentation", () => {
    const text = pageText([
      at(50, 720, "The harbour was"),
      at(50, 704, "closed in winter."),
      at(320, 720, "Trade moved inland"),
      at(320, 704, "by rail."),
    ]);
    expect(text).toBe("The harbour was\nclosed in winter.\nTrade moved inland\nby rail.");
  });

  it("is empty for a page without text, such as a scan", () => {
    expect(pageText([])).toBe("");
    expect(pageText([eol(0, 0), at(50, 700, " ")])).toBe("");
  });
});

describe("running heads and page numbers", () => {
  const pages = [
    "Harbour Review\n1. The harbour\nThe harbour was closed\n1",
    "Harbour Review\nin winter, and trade\nmoved inland.\n2",
    "Harbour Review\nNobody expected the line\nto pay.\n3",
  ];

  it("leaves out a header repeated on the pages and their bare page numbers", () => {
    expect(withoutRunningHeads(pages)).toEqual([
      "1. The harbour\nThe harbour was closed",
      "in winter, and trade\nmoved inland.",
      "Nobody expected the line\nto pay.",
    ]);
  });

  it("reads a header that carries the page number as the same on every page", () => {
    const numbered = ["Harbour Review, page 1\nClosed.", "Harbour Review, page 2\nOpen."];
    expect(withoutRunningHeads(numbered)).toEqual(["Closed.", "Open."]);
  });

  it("recognises page numbers in their usual dress", () => {
    for (const number of ["12", "- 12 -", "Page 12", "12 of 30", "12/30", "xii"]) {
      expect(withoutRunningHeads([`The harbour was closed.\n${number}`])).toEqual([
        "The harbour was closed.",
      ]);
    }
  });

  it("keeps a line at a page's edge that does not repeat, and the same words in the body", () => {
    const once = [
      "Harbour Review\nClosed in winter.",
      "Trade moved\ninland.\nHarbour Review\nBy rail\nin winter.",
      "Open.",
    ];
    expect(withoutRunningHeads(once)).toEqual(once);
  });

  it("keeps a number that is part of the body, away from the page's edges", () => {
    const body = ["Closed in winter.\nThe tolls were\n12\nshillings.\nThen it opened."];
    expect(withoutRunningHeads(body)).toEqual(body);
  });

  it("keeps the edges of a single page, page number aside", () => {
    expect(withoutRunningHeads(["Harbour Review\nClosed in winter.\n7"])).toEqual([
      "Harbour Review\nClosed in winter.",
    ]);
  });
});

describe("joining pages", () => {
  it("goes straight on where a page broke off mid-sentence, whatever its case", () => {
    expect(joinPages(["the rail line that the", "Harbour Board built."])).toBe(
      "the rail line that the\nHarbour Board built.",
    );
  });

  it("opens a page after a finished sentence with an indented line, importPlainText's page mark", () => {
    expect(joinPages(["closed in winter.", "Trade moved inland.", ""])).toBe(
      "closed in winter.\n Trade moved inland.",
    );
  });
});

describe("pages read by importPlainText", () => {
  const wrapped = [
    "The harbour at Port Ellen was closed for three months every winter, and",
    "the fishing fleet tied up along the north quay until the ice broke in the",
  ];

  it("rebuild a paragraph that a page break and a hyphen cut", () => {
    const text = joinPages(
      withoutRunningHeads([
        [
          "Harbour Review",
          ...wrapped,
          "spring, while the merchants moved their goods inter-",
          "1",
        ].join("\n"),
        [
          "Harbour Review",
          "nationally by rail, a route that was slower but never froze in the",
          "winter months, when the sea did.",
          "2",
        ].join("\n"),
      ]),
    );
    const { text: canonical, blocks } = importPlainText(text);
    expect(blocks).toHaveLength(1);
    expect(canonical).toContain("the merchants moved their goods internationally by rail");
    expect(canonical).not.toMatch(/Harbour Review|\b[12]\b/);
  });

  it("start a new paragraph on a page that opens with a new sentence", () => {
    const text = joinPages([
      [...wrapped, "spring, when the merchants moved their goods inland by rail."].join("\n"),
      "The rail line was built in 1871 by a company of local investors who\nexpected it to carry timber and coal down to the coast for export.",
    ]);
    expect(importPlainText(text).blocks).toHaveLength(2);
  });
});
