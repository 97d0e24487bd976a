import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ImportedText, importPlainText, joinWrapped } from "../../lib/documents/import";

const readSeed = (file: string) =>
  readFileSync(fileURLToPath(new URL(`../../db/demo/documents/${file}`, import.meta.url)), "utf8");

const blockTexts = ({ text, blocks }: ImportedText) =>
  blocks.map((b) => text.slice(b.start, b.end));

/** Each block as "kind level: first words", the shape a reader sees. */
const outline = (imported: ImportedText, words = 3) =>
  imported.blocks.map((b) => {
    const start = imported.text.slice(b.start, b.end).split(" ").slice(0, words).join(" ");
    return `${b.kind}${b.level === null ? "" : ` ${b.level}`}: ${start}`;
  });

function expectWellFormed(imported: ImportedText) {
  const texts = blockTexts(imported);
  expect(imported.text).toBe(texts.join("\n\n"));
  imported.blocks.forEach((block, i) => {
    const previous = imported.blocks[i - 1];
    expect(block.start).toBe(previous === undefined ? 0 : previous.end + 2);
    expect(block.level === null).toBe(block.kind !== "heading");
  });
  expect(imported.blocks.at(-1)?.end).toBe(imported.text.length);
  for (const text of texts) {
    expect(text.length).toBeGreaterThan(0);
    expect(text).toBe(text.trim());
    expect(text).not.toMatch(/\n|\s{2}|\u00a0/);
  }
}

/** Every word of the source, in order: the importer only moves whitespace around. */
function expectEveryWordKept(raw: string, imported: ImportedText) {
  expect(imported.text.split(/\s+/)).toEqual(raw.split(/\s+/).filter(Boolean));
}

describe("the academic article (000, text extracted from a PDF)", () => {
  const raw = readSeed("000_9b62e35bb49519f7.txt");
  const article = importPlainText(raw);

  it("rebuilds its paragraphs, numbered headings and figure captions", () => {
    expectWellFormed(article);
    expectEveryWordKept(raw, article);
    expect(outline(article)).toEqual([
      "paragraph: Abstract: As a",
      "heading 1: 1. Introduction",
      "paragraph: The Central Asian",
      "paragraph: Kazakhstan is a",
      "heading 1: 2. Kazakhstan from",
      "heading 2: 2.1. The character",
      "caption: Figure 1 The",
      "paragraph: Kazakhstan has a",
      "heading 2: 2.2. Geo-strategic significance",
      "paragraph: Among the Central",
      "heading 1: 3. Kazakhstan's multilateral",
      "heading 2: 3.1. Overview of",
      'paragraph: "Pluralistic balanced diplomacy"',
      "paragraph: This kind of",
      "caption: Figure 2 Overview",
      "heading 2: 3.2. The successes",
      "paragraph: The strategy of",
      "heading 1: 4. Conclusions",
      "paragraph: Kazakhstan has broad",
    ]);
  });

  it("joins sentences that run across a page break into one paragraph", () => {
    const texts = blockTexts(article);
    expect(texts[7]).toContain("[8]. At the same time, the historical commonality");
    expect(texts[7]).toMatch(/shows the geopolitical characteristics of Kazakhstan\.$/);
    expect(texts[16]).toContain("international environment for Kazakhstan's development");
  });

  it("keeps a mention of a figure inside a sentence as running text", () => {
    expect(article.text).toContain(
      "These tasks form the basis of Kazakhstan's foreign policy concept. Figure 1 shows the geopolitical characteristics of Kazakhstan.",
    );
  });

  it("keeps the quoted sentence that follows a finished one in the same paragraph", () => {
    expect(blockTexts(article)[12]).toContain(
      'as an ideal state. "Balanced diplomacy" refers to a state',
    );
  });

  it("keeps the last paragraph although the text ends mid-sentence", () => {
    expect(article.text.endsWith("responsibility for regional development and world")).toBe(true);
  });
});

describe("the opinion piece (001, one paragraph per line, empty lines between)", () => {
  const raw = readSeed("001_c69fe37a05eefeb9.txt");
  const opinion = importPlainText(raw);

  it("reads its title and one paragraph per line, the disclaimer last", () => {
    expectWellFormed(opinion);
    expectEveryWordKept(raw, opinion);
    expect(outline(opinion)).toEqual([
      "heading 1: Kazakhstan’s foreign policy",
      "paragraph: This Jan. 1",
      "paragraph: Its successful multi-vector",
      "paragraph: Kazakhstan has developed",
      "paragraph: Netanyahu signaled the",
      "paragraph: Kazakhstan is a",
      "paragraph: While in Kazakhstan,",
      "paragraph: Netanyahu also focused",
      "paragraph: However, Kazakhstan develops",
      "paragraph: Kazakhstan sees the",
      "paragraph: For Kazakh-Iranian relations,",
      "paragraph: Not only was",
      "paragraph: Last month, on",
      "paragraph: The Kazakh-Iranian trade",
      "paragraph: Overall, Kazakhstan manages",
      "paragraph: As Kazakhstan matures",
      "paragraph: Theodore Karasik, Ph.D.",
      "paragraph: The views expressed",
    ]);
  });

  it("turns no-break spaces and double spaces into one space", () => {
    expect(opinion.text).toContain(
      "Netanyahu signaled the value of an interfaith diplomatic relationship: “In Central Asia",
    );
  });
});

describe("the news commentary (002, one paragraph per line, no empty lines)", () => {
  const raw = readSeed("002_7d87be07012e093f.txt");
  const commentary = importPlainText(raw);

  it("finds its headings among the paragraphs", () => {
    expectWellFormed(commentary);
    expectEveryWordKept(raw, commentary);
    expect(outline(commentary, 2)).toEqual([
      "paragraph: PNN –",
      "paragraph: In the",
      "heading 2: Astana’s Gamble:",
      "paragraph: Kazakhstan’s decision",
      "paragraph: Donald Trump",
      "paragraph: Read more:",
      "heading 2: Breaking Israel’s",
      "paragraph: For Israel—trapped",
      "paragraph: In practice,",
      "heading 2: Conclusion",
      "paragraph: The world",
      "paragraph: In such",
      "paragraph: Experience with",
    ]);
  });

  it("joins the 'Read more:' lead-in with the line it introduces", () => {
    expect(blockTexts(commentary)[5]).toBe(
      "Read more: The unprecedented isolation of the Zionist regime in the shadow of the Gaza war",
    );
  });
});

const lines = (...texts: string[]) => texts.join("\n");
const texts = (raw: string) => blockTexts(importPlainText(raw));

describe("hard-wrapped text", () => {
  const river = [
    "The river runs past the old mill and under the stone bridge before it",
    "turns north towards the hills, where it feeds the lakes that the town",
    "draws its water from.",
  ];

  it("joins wrapped lines into one paragraph", () => {
    expect(texts(lines(...river))).toEqual([river.join(" ")]);
  });

  it("ignores the empty line after every line in double-spaced extraction", () => {
    expect(texts(river.join("\n\n"))).toEqual([river.join(" ")]);
  });

  it("an empty line ends a paragraph in ordinary wrapped text", () => {
    const raw = lines(
      "The river runs past the old mill and under the stone bridge before it",
      "turns north towards the hills.",
      "",
      "The town draws its water from the lakes in the hills, and in a dry year",
      "from the river itself.",
    );
    expect(outline(importPlainText(raw), 2)).toEqual([
      "paragraph: The river",
      "paragraph: The town",
    ]);
  });

  it("an indented line starting in upper case starts a new paragraph", () => {
    const raw = lines(
      "The river runs past the old mill and under the stone bridge before it",
      "turns north towards the hills.",
      " The town draws its water from the lakes in the hills, and in a dry year",
      "from the river itself.",
    );
    expect(outline(importPlainText(raw), 2)).toEqual([
      "paragraph: The river",
      "paragraph: The town",
    ]);
  });

  it("a lower-case line after a page break continues the sentence", () => {
    const raw = lines(
      "The river runs past the old mill and under the stone bridge before it",
      "turns north towards the hills, where it feeds the lakes that the town",
      " draws its water from in a dry year, when the wells in the valley run",
      "low.",
    );
    expect(texts(raw)).toHaveLength(1);
    expect(texts(raw)[0]).toContain("the lakes that the town draws its water from in a dry year");
  });

  it("a line of spaces alone ends the paragraph and adds no block", () => {
    const raw = [
      "The river runs past the old mill and under the stone bridge before it",
      "turns north towards the hills, where it feeds the lakes that the town",
      " ",
      "draws its water from in a dry year, when the wells in the valley run",
      "low.",
    ].join("\n\n");
    expect(texts(raw)).toEqual([
      "The river runs past the old mill and under the stone bridge before it turns north towards the hills, where it feeds the lakes that the town",
      "draws its water from in a dry year, when the wells in the valley run low.",
    ]);
  });

  it("a word hyphenated at a line end is joined", () => {
    const raw = lines(
      "The river runs past the old mill and under the stone bridge before it",
      "turns north towards the hills and feeds the lakes of the inter-",
      "national park, where the town draws its water from.",
    );
    expect(texts(raw)[0]).toContain("the lakes of the international park, where");
  });

  it("a numbered heading on a line of its own is a heading, as deep as its number", () => {
    const raw = lines(
      "The river runs past the old mill and under the stone bridge before it",
      "turns north towards the hills.",
      "2.1. Sea power and land power",
      "The town draws its water from the lakes in the hills, and in a dry year",
      "from the river itself.",
      "3 Conclusions",
      "The river and the lakes are the only sources of water of the town, and",
      "both of them run low in a dry year.",
    );
    expect(outline(importPlainText(raw), 2)).toEqual([
      "paragraph: The river",
      "heading 2: 2.1. Sea",
      "paragraph: The town",
      "heading 1: 3 Conclusions",
      "paragraph: The river",
    ]);
  });

  it("a body line starting with a number in mid-sentence is not a heading", () => {
    const raw = lines(
      "Kazakhstan declared its independence from the Soviet Union in December of",
      "1991 and since then it has",
      "balanced the great powers against each other, which has served it well in",
      "the decades that followed.",
    );
    expect(outline(importPlainText(raw), 2)).toEqual(["paragraph: Kazakhstan declared"]);
    expect(texts(raw)[0]).toContain("in December of 1991 and since then it has balanced");
  });

  it("a full-width body line starting with a number is not a heading", () => {
    const raw = lines(
      "The treaty gives the parties two duties. The first is to keep the peace.",
      "2 of its articles set out the second, which is to trade fairly with all",
      "the neighbours of the region and to settle any disputes in the courts",
      "of the country where the dispute arose, or where the goods were sold",
      "in the first place.",
    );
    expect(outline(importPlainText(raw), 2)).toEqual(["paragraph: The treaty"]);
  });

  it("a line starting 'Figure N' and a capitalised word is a caption", () => {
    const raw = lines(
      "The river runs past the old mill and under the stone bridge before it",
      "turns north towards the hills.",
      "Figure 1 The river and the mill",
      "The town draws its water from the lakes in the hills, and in a dry year",
      "from the river itself.",
    );
    expect(outline(importPlainText(raw), 2)).toEqual([
      "paragraph: The river",
      "caption: Figure 1",
      "paragraph: The town",
    ]);
  });

  it("a line ending with 'Figure 1' is not a caption", () => {
    const raw = lines(
      "The river runs past the old mill and under the stone bridge, as Figure 1",
      "shows, before it turns north towards the hills, where it feeds the lakes",
      "that the town draws its water from. Figure 2",
      "shows the lakes in a dry year, when the wells run low.",
    );
    expect(outline(importPlainText(raw), 2)).toEqual(["paragraph: The river"]);
    expect(texts(raw)[0]).toContain("as Figure 1 shows, before");
    expect(texts(raw)[0]).toContain("from. Figure 2 shows the lakes");
  });

  it("a line starting 'Figure N' and a lower-case word is running text", () => {
    const raw = lines(
      "The river runs past the old mill and under the stone bridge before it",
      "turns north towards the hills, where it feeds the lakes.",
      "Figure 2 shows the lakes in a dry year, when the wells in the valley",
      "run low.",
    );
    expect(outline(importPlainText(raw), 2)).toEqual(["paragraph: The river"]);
  });

  it("keeps the last paragraph when the text ends mid-sentence", () => {
    const raw = lines(...river.slice(0, 2), " ");
    expect(texts(raw)).toEqual([river.slice(0, 2).join(" ")]);
  });
});

describe("pasted PDF text with its page breaks", () => {
  const before = [
    "The river runs past the old mill and under the stone bridge before it",
    "turns north towards the hills, where it feeds the lakes that the town",
  ];
  const after = [
    "draws its water from in a dry year, when the wells in the valley run",
    "low and the mill stands still for weeks on end, as it did last summer.",
  ];
  const sentence = [...before, ...after].join(" ");

  it.each([["12"], ["- 12 -"], ["Page 12"], ["12 of 40"], ["— 7 —"]])(
    "drops the page number %j between the halves of a sentence, which joins up",
    (number) => {
      expect(texts(lines(...before, number, ...after))).toEqual([sentence]);
      expect(texts(lines(...before, "", number, "", ...after))).toEqual([sentence]);
    },
  );

  it("drops a running header that repeats at each page break, with its page number", () => {
    const raw = lines(
      ...before,
      "Harbour Review 12",
      ...after,
      "",
      "The mill was built in 1820 and has turned ever since, through floods and",
      "droughts, though its wheel was replaced twice in the last hundred years",
      "13",
      "Harbour Review 13",
      "and its millstones once, when the old ones had worn too thin to grind.",
    );
    expect(texts(raw)).toEqual([
      sentence,
      "The mill was built in 1820 and has turned ever since, through floods and droughts, though its wheel was replaced twice in the last hundred years and its millstones once, when the old ones had worn too thin to grind.",
    ]);
  });

  it("drops them in double-spaced extraction too", () => {
    expect(texts([...before, "Page 3", ...after].join("\n\n"))).toEqual([sentence]);
  });

  it("keeps a short line that neither repeats nor numbers a page, and furniture after a full stop", () => {
    expect(texts(lines(...before, "Harbour Review", ...after))).toEqual([
      [...before, "Harbour Review", ...after].join(" "),
    ]);
    const ended = lines(...before, "draws its water from.", "", "12", "", ...after);
    expect(texts(ended)).toEqual([
      [...before, "draws its water from."].join(" "),
      "12",
      after.join(" "),
    ]);
  });
});

describe("one paragraph per line", () => {
  it("a short line without final punctuation is a heading, the first line the title", () => {
    const raw = lines(
      "The river and the town",
      "",
      "The river runs past the old mill and under the stone bridge.",
      "",
      "Where the water comes from",
      "",
      "The town draws its water from the lakes in the hills.",
    );
    expect(outline(importPlainText(raw), 2)).toEqual([
      "heading 1: The river",
      "paragraph: The river",
      "heading 2: Where the",
      "paragraph: The town",
    ]);
  });

  it("a short line ending a sentence, or starting in lower case, is a paragraph", () => {
    const raw = lines(
      "The river runs past the old mill and under the stone bridge.",
      "It runs dry.",
      "“Never,” says the miller.",
      "and then it rains",
      "The town draws its water from the lakes in the hills.",
    );
    expect(importPlainText(raw).blocks.every((b) => b.kind === "paragraph")).toBe(true);
  });

  it("a short lead-in ending with a colon joins the line it introduces", () => {
    const raw = lines(
      "The river runs past the old mill and under the stone bridge.",
      "Read more:",
      "The lakes in the hills",
      "The town draws its water from the lakes in the hills.",
      "See also:",
    );
    expect(texts(raw)).toEqual([
      "The river runs past the old mill and under the stone bridge.",
      "Read more: The lakes in the hills",
      "The town draws its water from the lakes in the hills.",
      "See also:",
    ]);
  });

  it("turns tabs, no-break spaces and runs of spaces into one space", () => {
    const raw = "The river\u00a0runs  past\tthe old mill.\u00a0 \nIt runs dry in  summer.";
    expect(texts(raw)).toEqual(["The river runs past the old mill.", "It runs dry in summer."]);
  });
});

describe("any input", () => {
  const wrappedText = lines(
    "The river runs past the old mill and under the stone bridge before it",
    "turns north towards the hills, where it feeds the lakes that the town",
    " draws its water from in a dry year.",
    "",
    "1. The lakes",
    "",
    "The town draws its water from the lakes in the hills, and in a dry year",
    "from the river itself.",
  );
  const lineText = lines("The river", "It runs past the old mill.", "", "It runs dry in summer.");

  it("CRLF line endings", () => {
    for (const lf of [wrappedText, lineText]) {
      expect(importPlainText(lf.replaceAll("\n", "\r\n"))).toEqual(importPlainText(lf));
    }
  });

  it("CR line endings", () => {
    for (const lf of [wrappedText, lineText]) {
      expect(importPlainText(lf.replaceAll("\n", "\r"))).toEqual(importPlainText(lf));
    }
  });

  it("a byte order mark is dropped", () => {
    expect(importPlainText(`\uFEFF${lineText}`)).toEqual(importPlainText(lineText));
    expect(texts(`\uFEFF${lineText}`)[0]).toBe("The river");
  });

  it("empty input gives no text and no blocks", () => {
    expect(importPlainText("")).toEqual({ text: "", blocks: [] });
  });

  it("whitespace-only input gives no text and no blocks", () => {
    expect(importPlainText(" \n\n \t\r\n\u00a0")).toEqual({ text: "", blocks: [] });
    expect(importPlainText("\uFEFF")).toEqual({ text: "", blocks: [] });
  });
});

describe("joining wrapped lines", () => {
  // How lines were joined before: the whole text so far tested at every line (quadratic).
  const joinedByReduce = (lines: string[]) =>
    lines
      .reduce((text, line) =>
        /\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)
          ? text.slice(0, -1) + line
          : `${text} ${line}`,
      )
      .replace(/\s+/gu, " ")
      .trim();

  it("gives what it gave before the rewrite, hyphens and all", () => {
    const piece = fc.constantFrom(
      "word",
      "inter-",
      "x-",
      "-",
      "a",
      "B",
      "é-",
      "\u{1d400}-",
      "-x",
      " ",
    );
    const line = fc
      .array(piece, { minLength: 1, maxLength: 6 })
      .map((pieces) => pieces.join("").trim())
      .filter((text) => text !== "");
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        expect(joinWrapped(lines)).toBe(joinedByReduce(lines));
      }),
      { numRuns: 3000 },
    );
  });

  it("joins a paragraph of thousands of lines as before", () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => (i % 3 ? "the inter-" : "national park"));
    expect(joinWrapped(lines)).toBe(joinedByReduce(lines));
  });
});
