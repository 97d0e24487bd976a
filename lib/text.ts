import { z } from "zod";

/**
 * Text that people send, checked alike at every door (Socket.IO, REST, forms, imports): every
 * string well-formed, human text showing at least one character, links only to web pages.
 */

// A lone surrogate has no UTF-8 form: the database would keep U+FFFD in its place. In a `u`
// regular expression a paired surrogate is one code point, so only a lone one matches. (Written
// as a regular expression because String.prototype.isWellFormed is ES2024, newer than the
// browsers and the TypeScript library this file is built for.)
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Whether the string can be stored as UTF-8 as it is: no UTF-16 surrogate stands alone. */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

// What shows nothing by itself: white space and separators, control and format characters
// (zero-width spaces and joiners, bidi marks, the soft hyphen, the BOM), default-ignorable code
// points (the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, variation selectors, tags), marks
// with no letter to sit on, and the Braille blank U+2800, a symbol drawn as nothing.
const VISIBLE =
  /[^\p{White_Space}\p{Separator}\p{Cc}\p{Cf}\p{Cs}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** Whether the text shows at least one character a reader can see. */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

/**
 * A field's type error: "is required" where it is missing, else what it must be (an email sent
 * as a list is not a missing email).
 */
export const requiredAs = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? "is required" : `must be ${what}`,
});

const BROKEN_TEXT = "holds a broken character (a lone UTF-16 surrogate); send it as valid Unicode";

/**
 * A string from a user, well-formed (a lone surrogate answers invalid_input instead of being
 * stored mangled). Every user-text schema starts here; later checks run only on good text.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isWellFormed, { message: BROKEN_TEXT, abort: true });
}

/**
 * `schema` (trimmed text) once it must show something: empty text is left to its own "is empty"
 * check (or allowed, where the field is optional); text of invisible characters alone is refused
 * with a sentence naming it, `An argument needs at least one visible character.`
 */
export function visible(schema: z.ZodString, what: string) {
  return schema.refine((value) => value === "" || hasVisibleCharacter(value), {
    message: `${what} needs at least one visible character.`,
    params: { sentence: true },
  });
}

/**
 * A link a user gives (a document's source): an http or https address, never javascript:, data:
 * or another scheme a click would run or open outside the web.
 */
export function webAddress() {
  return text().pipe(
    z.url({
      protocol: /^https?$/,
      error: "must be a web address starting with http:// or https://",
    }),
  );
}
