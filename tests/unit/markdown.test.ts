import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ImportedText } from "../../lib/documents/import";
import { importMarkdown, withoutTags } from "../../lib/documents/markdown";

const blockTexts = ({ text, blocks }: ImportedText) =>
  blocks.map((b) => text.slice(b.start, b.end));
const outline = (imported: ImportedText) =>
  imported.blocks.map((b, i) => {
    const text = blockTexts(imported)[i];
    return `${b.kind}${b.level === null ? "" : ` ${b.level}`}: ${text}`;
  });

/** The same shape importPlainText gives: blocks joined by a blank line, offsets exact. */
function expectWellFormed(imported: ImportedText) {
  const texts = blockTexts(imported);
  expect(imported.text).toBe(texts.join("\n\n"));
  imported.blocks.forEach((block, i) => {
    const previous = imported.blocks[i - 1];
    expect(block.start).toBe(previous === undefined ? 0 : previous.end + 2);
    expect(block.level === null).toBe(block.kind !== "heading");
  });
  for (const text of texts) {
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/\n|\s{2}|^\s|\s$/);
  }
}

const md = (...lines: string[]) => lines.join("\n");

describe("a Markdown document", () => {
  const harbour = importMarkdown(
    md(
      "# The harbour",
      "",
      "The harbour was closed in winter,",
      "and trade moved inland",
      "by rail.",
      "",
      "## Why the rail line paid",
      "",
      "Nobody expected the line to pay for itself.",
      "",
      "### Freight",
      "",
      "Coal and timber went down to the coast.",
    ),
  );

  it("reads headings of each level and paragraphs, their lines joined with a space", () => {
    expectWellFormed(harbour);
    expect(outline(harbour)).toEqual([
      "heading 1: The harbour",
      "paragraph: The harbour was closed in winter, and trade moved inland by rail.",
      "heading 2: Why the rail line paid",
      "paragraph: Nobody expected the line to pay for itself.",
      "heading 3: Freight",
      "paragraph: Coal and timber went down to the coast.",
    ]);
  });

  it("gives every block offsets that slice out its text", () => {
    expect(harbour.blocks.map((b) => [b.start, b.end])).toEqual([
      [0, 11],
      [13, 78],
      [80, 102],
      [104, 147],
      [149, 156],
      [158, 197],
    ]);
    expect(harbour.text.slice(104, 147)).toBe("Nobody expected the line to pay for itself.");
  });

  it("reads an underlined (setext) heading as a heading", () => {
    expect(outline(importMarkdown(md("The harbour", "===", "", "Findings", "---")))).toEqual([
      "heading 1: The harbour",
      "heading 2: Findings",
    ]);
  });
});

describe("inline Markdown", () => {
  it("is reduced to the words a reader sees", () => {
    const imported = importMarkdown(
      "Trade moved **inland** by _rail_, see `route 7` and [the report](https://example.org/r).",
    );
    expect(imported.text).toBe("Trade moved inland by rail, see route 7 and the report.");
    expect(imported.blocks).toEqual([
      { kind: "paragraph", level: null, start: 0, end: imported.text.length },
    ]);
  });

  it("headings lose their markup too", () => {
    expect(importMarkdown("## Why *rail* **paid**").text).toBe("Why rail paid");
  });

  it("escapes, entities, hard breaks and pictures", () => {
    const imported = importMarkdown(
      "Fish \\*and\\* chips &amp; peas,  \nthen tea ![a cup](cup.png)&#8230;",
    );
    expect(imported.text).toBe("Fish *and* chips & peas, then tea …");
  });

  it("code spans keep what is written in them", () => {
    expect(importMarkdown("Use `a < b && c` here.").text).toBe("Use a < b && c here.");
  });
});

describe("lists, quotations and code", () => {
  const imported = importMarkdown(
    md(
      "Findings:",
      "",
      "- The harbour **froze**",
      "- Trade moved",
      "  inland",
      "  - by rail",
      "- [x] Checked",
      "",
      "3. third",
      "4. fourth",
      "",
      "> Nobody expected",
      "> the line to pay.",
      ">",
      "> # Not an outline heading",
      "",
      "```",
      "const rail = true;",
      "",
      "pay(rail);",
      "```",
    ),
  );

  it("makes a paragraph of each list item, nested ones too; ordered items keep their number", () => {
    expectWellFormed(imported);
    expect(blockTexts(imported).slice(0, 7)).toEqual([
      "Findings:",
      "The harbour froze",
      "Trade moved inland",
      "by rail",
      "Checked",
      "3. third",
      "4. fourth",
    ]);
  });

  it("makes paragraphs of a quotation, headings inside it included", () => {
    expect(outline(imported).slice(7, 9)).toEqual([
      "paragraph: Nobody expected the line to pay.",
      "paragraph: Not an outline heading",
    ]);
  });

  it("makes one paragraph of a code block", () => {
    expect(outline(imported)[9]).toBe("paragraph: const rail = true; pay(rail);");
    expect(imported.blocks).toHaveLength(10);
  });

  it("makes a paragraph of each table row", () => {
    const table = importMarkdown(md("| Year | Tons |", "| --- | --- |", "| 1871 | **40** |"));
    expect(blockTexts(table)).toEqual(["Year | Tons", "1871 | 40"]);
  });
});

describe("any Markdown", () => {
  it("leaves out front matter, rules and HTML comments", () => {
    const imported = importMarkdown(
      md("---", "title: Harbour", "---", "", "Closed in winter.", "", "---", "", "<!-- draft -->"),
    );
    expect(blockTexts(imported)).toEqual(["Closed in winter."]);
  });

  it("CRLF line endings and a byte order mark change nothing", () => {
    const lf = md("# Harbour", "", "Closed", "in winter.");
    expect(importMarkdown(`\uFEFF${lf.replaceAll("\n", "\r\n")}`)).toEqual(importMarkdown(lf));
  });

  it("empty input gives no text and no blocks", () => {
    expect(importMarkdown("")).toEqual({ text: "", blocks: [] });
    expect(importMarkdown("\n\n---\n\n")).toEqual({ text: "", blocks: [] });
  });
});

describe("raw HTML in Markdown", () => {
  // The regular expressions the scans replaced (entities aside): quadratic time at worst.
  const byRegularExpressions = (html: string) =>
    html.replace(/<!--[\s\S]*?-->/gu, "").replace(/<[^>]*>/gu, " ");

  it("reads as the words between its tags, comments left out, as before the rewrite", () => {
    expect(withoutTags('<p class="x">Closed <b>in</b> winter<!-- draft -->.</p>')).toBe(
      " Closed  in  winter. ",
    );
    expect(withoutTags("<!-- one --> kept <!-- two -->")).toBe(" kept ");
    expect(withoutTags("a <!-- never closed")).toBe("a <!-- never closed");
    expect(withoutTags("1 < 2 and 3 > 2")).toBe("1   2");
    expect(withoutTags("<!-->x-->")).toBe("");
  });

  it("any mix of tags, comments and unclosed marks reads as the regular expressions read it", () => {
    const piece = fc.constantFrom("<", ">", "<!--", "-->", "-", "!", "a", " ", "<a ", "\n");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join("")),
        (html) => {
          expect(withoutTags(html)).toBe(byRegularExpressions(html));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("150 KB of unclosed comment or tag openings is read as text", () => {
    const comments = "<!--".repeat(37_500);
    expect(importMarkdown(comments).text).toBe(comments);
    const tags = `<div>\n${"<a ".repeat(50_000)}`;
    expect(importMarkdown(tags).text).toBe("<a ".repeat(50_000).trim());
  });
});
