import { setImmediate as nextTurn } from "node:timers/promises";
import type { CitationInDocumentKey, Repos } from "../../../db/store";

/** How many citations one read of a document's takes. */
const PAGE = 500;

type Cited = Awaited<ReturnType<Repos["arguments"]["citationsInDocument"]>>[number];

/**
 * Every citation into the document, a PAGE at a time with other requests' turns between: a
 * document cited across a big debate has thousands. In a transaction they are all of one moment;
 * outside one, a citation may change between two pages.
 */
export async function citationsIn(repos: Pick<Repos, "arguments">, documentId: string) {
  const all: Cited[] = [];
  for (let after: CitationInDocumentKey | null = null; ; ) {
    const page = await repos.arguments.citationsInDocument(documentId, { after, limit: PAGE });
    for (const citation of page) all.push(citation);
    const last = page.at(-1);
    if (page.length < PAGE || !last) return all;
    const { anchorStatus, argumentId, position } = last;
    after = { anchorStatus, argumentId, position };
    await nextTurn();
  }
}
