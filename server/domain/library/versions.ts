import type { Repos, VersionRow } from "../../../db/store";

/** How much text the process keeps, in characters: the library's documents many times over. */
const KEPT_CHARACTERS = 32_000_000;

const kept = new Map<string, VersionRow>();
let keptCharacters = 0;

/**
 * A document version, kept once read: a version never changes once stored (a new text is a new
 * version), and every post reads the whole text of each document it cites to check its quotes.
 * The least recently used are given up past KEPT_CHARACTERS. A version whose document is gone
 * may still be answered here: callers reach versions through their documents, read each time.
 */
export async function versionOf(repos: Repos, id: string): Promise<VersionRow | undefined> {
  const known = kept.get(id);
  if (known) {
    kept.delete(id);
    kept.set(id, known);
    return known;
  }
  const version = await repos.documents.version(id);
  if (!version || kept.has(id)) return version;
  kept.set(id, version);
  keptCharacters += version.text.length;
  for (const [oldest, row] of kept) {
    if (keptCharacters <= KEPT_CHARACTERS || oldest === id) break;
    kept.delete(oldest);
    keptCharacters -= row.text.length;
  }
  return version;
}
