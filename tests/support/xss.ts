/**
 * Strings that run script wherever a page puts user text into HTML, an attribute, a URL, a
 * Markdown renderer or a template instead of showing it as text. Each is 3 to 60 characters and
 * on one line, so every field takes it: names (60), space names, motion titles, reasons, bodies.
 * Each calls alert(): the browser tests fail on any dialog, and check each is shown as text.
 */
export const xssCorpus = [
  "<script>alert(1)</script>",
  "</script><script>alert(2)</script>",
  "<img src=x onerror=alert(3)>",
  "<svg onload=alert(4)>",
  "<svg><animate onbegin=alert(5) attributeName=x>",
  "'><svg onload=alert(6)>",
  '"><img src=x onerror=alert(7)>',
  '" autofocus onfocus="alert(8)',
  "javascript:alert(9)",
  "[click](javascript:alert(10))",
  "![pic](javascript:alert(11))",
  "<a href=javascript:alert(12)>link</a>",
  "[data](data:text/html,<script>alert(13)</script>)",
  '<iframe src="javascript:alert(14)">',
  "<details open ontoggle=alert(15)>",
  "{{constructor.constructor('alert(16)')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal's syntax is the payload
  "${alert(17)}",
  "<style>*{background:url(javascript:alert(18))}</style>",
  "&lt;script&gt;alert(19)&lt;/script&gt;",
  "<math><mtext><img src=x onerror=alert(20)>",
] as const;

export type XssPayload = (typeof xssCorpus)[number];

/** The whole corpus as one text, a paragraph per payload, for the long fields. */
export const xssText = xssCorpus.join("\n\n");

/** An http address that carries a payload in its query, as a source URL may (http(s) only). */
export const xssUrl = (payload: string) =>
  `http://example.test/source?q=${encodeURIComponent(payload)}`;
