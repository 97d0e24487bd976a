const wordChar = /[\p{L}\p{N}_]/u;

/**
 * The names `@`-mentioned in a body, out of `names` (P-NOTE-4). Names may have spaces, so after
 * each `@` the longest name that follows wins ("@Ana Lima" is Ana Lima, not Ana), compared
 * without case, and it must end a word ("@Anabel" does not mention Ana). An `@` inside a word
 * (an email address) mentions nobody. Returns the matched names as they are spelled in `names`.
 */
export function mentionedNames(body: string, names: readonly string[]): string[] {
  const candidates = [...new Set(names.map((name) => name.trim()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  const found = new Set<string>();
  for (let at = body.indexOf("@"); at !== -1; at = body.indexOf("@", at + 1)) {
    if (at > 0 && wordChar.test(body.charAt(at - 1))) continue;
    const name = candidates.find((candidate) => {
      const end = at + 1 + candidate.length;
      return (
        body.slice(at + 1, end).toLowerCase() === candidate.toLowerCase() &&
        (end >= body.length || !wordChar.test(body.charAt(end)))
      );
    });
    if (name) found.add(name);
  }
  return [...found];
}
