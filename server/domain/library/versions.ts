import type { Repos, VersionRow } from "../../../db/store";
import { processWide } from "../processWide";

/** How much text the process keeps, in characters: the library's documents many times over. */
const KEPT_CHARACTERS = 32_000_000;

// One for the process, whichever bundle of Next's reads a version.
const cache = processWide("documentVersions", () => ({
  kept: new Map<string, VersionRow>(),
  characters: 0,
}));
const { kept } = cache;

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
  cache.characters += version.text.length;
  for (const [oldest, row] of kept) {
    if (cache.characters <= KEPT_CHARACTERS || oldest === id) break;
    kept.delete(oldest);
    cache.characters -= row.text.length;
  }
  return version;
}
