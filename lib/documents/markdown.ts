import { marked, type Token, type Tokens } from "marked";
import { assembleBlocks, type DraftBlock, squash } from "./blocks";
import type { ImportedText } from "./import";

/**
 * Turns Markdown into the same shape importPlainText gives: one canonical text of plain words
 * (the markup reduced to what a reader sees) and its blocks. Headings keep their depth; every
 * other block a reader can quote (paragraphs, list items, quotes, code, table rows) is a paragraph.
 */
export function importMarkdown(raw: string): ImportedText {
  const source = withoutFrontMatter(raw.replace(/^\uFEFF/u, ""));
  return assembleBlocks(blocksOf(marked.lexer(source), false));
}

/** YAML front matter is the file's metadata, not its text; marked would read it as a heading. */
function withoutFrontMatter(source: string): string {
  return source.replace(/^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u, "");
}

const paragraph = (text: string): DraftBlock => ({
  kind: "paragraph",
  level: null,
  text: squash(text),
});

function blocksOf(tokens: Token[], quoted: boolean): DraftBlock[] {
  return tokens.flatMap((token) => blockOf(token, quoted));
}

function blockOf(token: Token, quoted: boolean): DraftBlock[] {
  switch (token.type) {
    case "heading": {
      const text = squash(inline(token.tokens));
      // A heading inside a quotation is part of what is quoted, not the document's outline.
      return [quoted ? paragraph(text) : { kind: "heading", level: token.depth, text }];
    }
    case "paragraph":
      return [paragraph(inline(token.tokens))];
    case "text":
      // A tight list item holds its words in a block-level text token.
      return [paragraph(token.tokens ? inline(token.tokens) : decodeEntities(token.text))];
    case "list":
      return listBlocks(token as Tokens.List, quoted);
    case "blockquote":
      return blocksOf(token.tokens ?? [], true);
    case "code":
      return [paragraph(token.text)];
    case "table":
      return tableBlocks(token as Tokens.Table);
    case "html":
      return [paragraph(withoutTags(token.text))];
    default:
      // Blank lines, rules, link definitions and the like hold no words of the document.
      return [];
  }
}

/** Each item is a paragraph; an ordered list keeps its numbers, since readers cite "point 3". */
function listBlocks(list: Tokens.List, quoted: boolean): DraftBlock[] {
  const first = list.start === "" ? 1 : Number(list.start);
  return list.items.flatMap((item, i) => {
    const [lead, ...rest] = blocksOf(item.tokens, quoted);
    if (!lead || !list.ordered || lead.kind !== "paragraph") return lead ? [lead, ...rest] : rest;
    return [{ ...lead, text: `${first + i}. ${lead.text}` }, ...rest];
  });
}

/** One paragraph per row, its cells separated by a bar, so each row can be quoted on its own. */
function tableBlocks(table: Tokens.Table): DraftBlock[] {
  return [table.header, ...table.rows].map((cells) =>
    paragraph(cells.map((cell) => squash(inline(cell.tokens))).join(" | ")),
  );
}

/** The words of inline Markdown: emphasis, code and links reduced to their text. */
function inline(tokens: Token[] = []): string {
  return tokens.map(inlineText).join("");
}

function inlineText(token: Token): string {
  switch (token.type) {
    case "text":
      return "tokens" in token && token.tokens ? inline(token.tokens) : decodeEntities(token.text);
    case "escape":
    case "codespan":
      return decodeEntities(token.text);
    case "br":
      return " ";
    // A picture's alternative text describes it; it is not the document's own words.
    case "image":
    case "html":
    case "checkbox":
      return "";
    default:
      return "tokens" in token && token.tokens ? inline(token.tokens) : "";
  }
}

/** The words of raw HTML: comments left out, each tag a space. */
export const withoutTags = (html: string) => decodeEntities(tagsToSpaces(withoutComments(html)));

/**
 * Every `<!--` to the first `-->` after it left out; one with no `-->` after it stays, as text.
 * A scan rather than a regular expression, which would look for the end from every `<!--` in
 * turn: many unclosed ones took quadratic time.
 */
function withoutComments(html: string): string {
  let kept = "";
  let from = 0;
  for (let open = html.indexOf("<!--"); open !== -1; open = html.indexOf("<!--", from)) {
    const close = html.indexOf("-->", open + 4);
    // No comment after this one can close either.
    if (close === -1) break;
    kept += html.slice(from, open);
    from = close + 3;
  }
  return kept + html.slice(from);
}

/** Every `<` to the next `>` becomes a space; a `<` with no `>` after it stays. A scan, as above. */
function tagsToSpaces(html: string): string {
  let kept = "";
  let from = 0;
  for (let open = html.indexOf("<"); open !== -1; open = html.indexOf("<", from)) {
    const close = html.indexOf(">", open + 1);
    if (close === -1) break;
    kept += `${html.slice(from, open)} `;
    from = close + 1;
  }
  return kept + html.slice(from);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

/** marked leaves entities such as `&amp;` as written; a reader sees the character. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/giu, (entity, name: string) => {
    if (name[0] !== "#") return NAMED_ENTITIES[name] ?? entity;
    const code =
      name[1]?.toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
