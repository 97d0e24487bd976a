import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ImportedText, importPlainText } from "../../lib/documents/import";

const seed = (file: string) =>
  importPlainText(
    readFileSync(new URL(`../../db/demo/documents/${file}`, import.meta.url), "utf8"),
  );

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
  for (const text of texts) {
    expect(text).not.toMatch(/\n|\s{2}|\u00a0/);
    expect(text).toBe(text.trim());
    expect(text.length).toBeGreaterThan(0);
  }
}

describe("importing the academic article (000, text extracted from a PDF)", () => {
  const article = seed("000_9b62e35bb49519f7.txt");

  it("rebuilds its paragraphs, numbered headings and figure captions", () => {
    expectWellFormed(article);
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

  it("joins sentences that run across a page break", () => {
    expect(article.text).toContain(
      "[8]. At the same time, the historical commonality and cultural proximity",
    );
    expect(article.text).toContain(
      "won a stable surrounding and international environment for Kazakhstan's development",
    );
  });

  it("keeps a mention of a figure inside a sentence as running text", () => {
    expect(article.text).toContain(
      "These tasks form the basis of Kazakhstan's foreign policy concept. Figure 1 shows the geopolitical characteristics of Kazakhstan.",
    );
  });

  it("keeps the last paragraph although the text ends mid-sentence", () => {
    expect(article.text.endsWith("responsibility for regional development and world")).toBe(true);
  });
});

describe("importing one-paragraph-per-line articles (001 and 002)", () => {
  it("001: the first line is the title, and no-break spaces become plain spaces", () => {
    const opinion = seed("001_c69fe37a05eefeb9.txt");
    expectWellFormed(opinion);
    const kinds = outline(opinion, 4);
    expect(kinds[0]).toBe("heading 1: Kazakhstan’s foreign policy balancing");
    expect(kinds.slice(1).every((k) => k.startsWith("paragraph"))).toBe(true);
    expect(kinds).toHaveLength(18);
    expect(kinds.at(-1)).toBe("paragraph: The views expressed by");
    expect(opinion.text).toContain("Netanyahu signaled the value of an interfaith diplomatic");
  });

  it("002: short lines without a full stop are headings, and 'Read more:' joins its link", () => {
    const commentary = seed("002_7d87be07012e093f.txt");
    expectWellFormed(commentary);
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
    expect(blockTexts(commentary)[5]).toBe(
      "Read more: The unprecedented isolation of the Zionist regime in the shadow of the Gaza war",
    );
  });
});

/** A made-up page of hard-wrapped text: `lines` wrapped at the given width. */
const wrapped = (...lines: string[]) => lines.join("\n");
const body = (words: number, start = "Body") =>
  `${start} ${Array.from({ length: words - 1 }, (_, i) => `word${i}`).join(" ")}`;

describe("the rules of the importer, one by one", () => {
  const texts = (raw: string) => blockTexts(importPlainText(raw));

  it("joins hard-wrapped lines into one paragraph", () => {
    const raw = wrapped(body(12, "The river"), body(12, "runs"), body(12, "past"), "the mill.");
    expect(texts(raw)).toEqual([
      `${body(12, "The river")} ${body(12, "runs")} ${body(12, "past")} the mill.`,
    ]);
  });

  it("ignores the empty line after every line of double-spaced extraction", () => {
    const raw = [
      body(12, "One"),
      "",
      body(12, "two"),
      "",
      body(12, "three"),
      "",
      body(12, "four"),
      "",
    ].join("\n");
    expect(texts(raw)).toHaveLength(1);
  });

  it("an empty line ends a paragraph in ordinary wrapped text", () => {
    const raw = [
      body(12, "One"),
      body(12, "one"),
      "end.",
      "",
      body(12, "Two"),
      body(12, "two"),
      "end.",
    ].join("\n");
    expect(texts(raw)).toHaveLength(2);
  });

  it("an indented line starting in upper case starts a new paragraph", () => {
    const raw = [body(12, "One"), body(12, "one"), "end.", ` ${body(12, "Two")}`, "end."].join(
      "\n",
    );
    expect(texts(raw).map((t) => t.split(" ")[0])).toEqual(["One", "Two"]);
  });

  it("a lower-case line after a page break continues the sentence", () => {
    const raw = [
      body(12, "One"),
      body(12, "one"),
      "and at",
      " the same time",
      body(12, "more"),
      "end.",
    ].join("\n");
    expect(texts(raw)).toHaveLength(1);
    expect(texts(raw)[0]).toContain("and at the same time");
  });

  it("a word hyphenated at a line end is joined", () => {
    const raw = [body(12, "One"), `${body(11, "one")} inter-`, body(12, "national"), "end."].join(
      "\n",
    );
    expect(texts(raw)[0]).toContain("word9 international word0");
  });

  it("a numbered heading after a finished sentence is a heading, with its depth", () => {
    const raw = [
      body(14, "One"),
      body(14, "one"),
      "end.",
      "2.1. Sea power",
      body(14, "Two"),
      body(14, "two"),
      "end.",
    ].join("\n");
    const imported = importPlainText(raw);
    expect(outline(imported, 3)[1]).toBe("heading 2: 2.1. Sea power");
  });

  it("a body line starting with a number is not a heading", () => {
    const raw = [
      body(14, "One"),
      `${body(13, "one")} over`,
      "20 Years of balancing",
      body(14, "more"),
      "end.",
    ].join("\n");
    expect(importPlainText(raw).blocks.map((b) => b.kind)).toEqual(["paragraph"]);
  });

  it("a line starting 'Figure N' and a capital is a caption; a line ending 'Figure 1' is not", () => {
    const raw = [
      body(14, "One"),
      `${body(12, "one")} see Figure 1`,
      body(14, "shows"),
      "end.",
      " ",
      "Figure 1 The map of the region",
      body(14, "Two"),
      "end.",
    ].join("\n");
    expect(outline(importPlainText(raw), 2)).toEqual([
      "paragraph: One word0",
      "caption: Figure 1",
      "paragraph: Two word0",
    ]);
  });

  it("reads CRLF and CR line endings and drops a byte order mark", () => {
    const lf = ["Title of the piece", "A first paragraph, one line.", "A second one."].join("\n");
    for (const raw of [lf.replaceAll("\n", "\r\n"), lf.replaceAll("\n", "\r"), `\uFEFF${lf}`]) {
      expect(importPlainText(raw)).toEqual(importPlainText(lf));
    }
    expect(outline(importPlainText(lf), 2)[0]).toBe("heading 1: Title of");
  });

  it("empty or blank input gives no text and no blocks", () => {
    expect(importPlainText("")).toEqual({ text: "", blocks: [] });
    expect(importPlainText(" \n\n \t")).toEqual({ text: "", blocks: [] });
  });
});
