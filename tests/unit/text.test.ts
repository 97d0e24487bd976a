import { describe, expect, it } from "vitest";
import { hasVisibleCharacter, isWellFormed, text, visible, webAddress } from "../../lib/text";

describe("a text shows something only when it holds a visible character", () => {
  const invisible: [string, string][] = [
    ["nothing", ""],
    ["spaces, tabs and newlines", " \t\r\n "],
    ["no-break and ideographic spaces", "\u00a0\u3000\u202f"],
    ["line and paragraph separators", "\u2028\u2029"],
    ["zero-width space, joiner and non-joiner", "\u200b\u200d\u200c"],
    ["word joiner and invisible operators", "\u2060\u2061\u2062\u2063\u2064"],
    ["byte order mark", "\ufeff"],
    ["soft hyphen", "\u00ad"],
    ["bidi marks and overrides", "\u200e\u200f\u202a\u202e\u2066\u2069\u061c"],
    ["Hangul fillers", "\u115f\u1160\u3164\uffa0"],
    ["Braille pattern blank", "\u2800"],
    ["combining grapheme joiner and a variation selector", "\u034f\ufe0f"],
    ["Mongolian vowel separator", "\u180e"],
    ["a tag character", "\u{e0041}"],
    ["control characters", "\u0000\u0007\u001b\u007f\u0085"],
    ["combining marks with no letter", "\u0301\u0308\u20dd"],
    ["all of them together", " \u200b\u3164\u2060\ufeff\u00ad\u200f\u2800\u115f "],
  ];
  for (const [what, value] of invisible) {
    it(`${what}: nothing visible`, () => {
      expect(hasVisibleCharacter(value)).toBe(false);
    });
  }

  const shown: [string, string][] = [
    ["a letter", "a"],
    ["a digit", "7"],
    ["punctuation", "?"],
    ["an emoji", "\u{1f44d}"],
    ["a flag", "\u{1f1fa}\u{1f1e6}"],
    ["a CJK ideograph", "\u8bba"],
    ["a Hangul syllable (not a filler)", "\ud55c"],
    ["an Arabic word between bidi marks", "\u200f\u0646\u0639\u0645\u200f"],
    ["a letter with a combining accent", "e\u0301"],
    ["a Braille dot pattern that is not blank", "\u2801"],
    ["a letter hidden among invisibles", "\u200b\u3164x\u2060"],
    ["a private-use character (drawn as a box)", "\ue000"],
  ];
  for (const [what, value] of shown) {
    it(`${what}: visible`, () => {
      expect(hasVisibleCharacter(value)).toBe(true);
    });
  }
});

describe("well-formed text", () => {
  it("a paired surrogate (an emoji) is well formed", () => {
    expect(isWellFormed("ok \u{1f44d}")).toBe(true);
  });

  it.each([
    ["a lone high surrogate", "ab\ud800"],
    ["a lone low surrogate", "\udc00ab"],
    ["two high surrogates in a row", "\ud83d\ud83d"],
    ["a low surrogate before its high one", "\ude00\ud83d"],
  ])("%s is not", (_, value) => {
    expect(isWellFormed(value)).toBe(false);
  });
});

describe("text schemas", () => {
  const Title = visible(text().trim().min(1, "is empty"), "A title");

  it("refuse a lone surrogate, saying so once", () => {
    const parsed = Title.safeParse("Rail\ud800");
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      "holds a broken character (a lone UTF-16 surrogate); send it as valid Unicode",
    ]);
  });

  it("refuse invisible text with a sentence naming what needs a visible character", () => {
    expect(Title.safeParse("\u200b\u3164").error?.issues).toEqual([
      expect.objectContaining({
        message: "A title needs at least one visible character.",
        params: { sentence: true },
      }),
    ]);
  });

  it("leave empty text to its own check", () => {
    expect(Title.safeParse("   ").error?.issues.map((issue) => issue.message)).toEqual([
      "is empty",
    ]);
  });

  it("keep visible text, trimmed", () => {
    expect(Title.parse("  Rail \u{1f682}  ")).toBe("Rail \u{1f682}");
  });
});

describe("a web address", () => {
  it.each([
    "https://example.org/report.pdf",
    "http://archive.example.org/1907?page=2#p4",
    "HTTPS://EXAMPLE.ORG",
  ])("%s is taken", (address) => {
    expect(webAddress().safeParse(address).success).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "file:///etc/passwd",
    "ftp://example.org/report.pdf",
    "mailto:someone@example.org",
    "example.org",
    "",
  ])("%s is refused", (address) => {
    expect(webAddress().safeParse(address).error?.issues[0]?.message).toBe(
      "must be a web address starting with http:// or https://",
    );
  });
});
