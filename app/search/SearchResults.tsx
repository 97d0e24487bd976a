"use client";

import Link from "next/link";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { callApi } from "@/app/components/api";
import type { Highlight, SearchResult } from "@/lib/search";

/** The snippet's matched words in <mark>; the text itself is only ever text, never HTML. */
function Snippet({ text, highlights }: { text: string; highlights: Highlight[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of highlights) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <p className="search-snippet">{parts}</p>;
}

const keyOf = (result: SearchResult) => `${result.type}:${result.id}`;

const sideLabel = { for: "For the motion", against: "Against the motion" } as const;

function Result({
  result,
  withAuthor,
}: {
  result: SearchResult;
  withAuthor: (author: { id: string; name: string }) => string;
}) {
  if (result.type === "passage") {
    return (
      <li className="search-result" data-type="passage" data-key={keyOf(result)}>
        <p className="meta">Passage in a document</p>
        <h2 className="card-title">
          {/* A page load, not a client-side one: the block is marked by :target, which only a
              real navigation sets. */}
          <a className="search-result-link" href={result.href}>
            {result.documentTitle}
          </a>
        </h2>
        <Snippet text={result.snippet} highlights={result.highlights} />
      </li>
    );
  }
  // A pseudonym's id is no user's: filtering by it would find nothing.
  const known = /^[0-9a-f-]{36}$/.test(result.author.id);
  return (
    <li className="search-result" data-type="argument" data-key={keyOf(result)}>
      <p className="meta">
        {result.side ? (
          <span className={`badge side-badge-${result.side}`}>{sideLabel[result.side]}</span>
        ) : null}{" "}
        Argument on a motion
      </p>
      <h2 className="card-title">
        <Link className="search-result-link" href={result.href}>
          {result.motionTitle}
        </Link>
      </h2>
      <Snippet text={result.snippet} highlights={result.highlights} />
      <p className="meta">
        By{" "}
        {known ? (
          <Link href={withAuthor(result.author)} title="More by this author">
            {result.author.name}
          </Link>
        ) : (
          result.author.name
        )}
        {" · "}
        {new Date(result.createdAt).toLocaleDateString("en-GB", { dateStyle: "medium" })}
        {result.hasCitations ? " · cites evidence" : " · no citation"}
      </p>
    </li>
  );
}

/**
 * A search's results, with a "More results" button under them while there are more: it asks
 * GET /api/search for the page after the last one shown and adds it to the list. Once it has
 * come, the focus moves to the first new result's link, where a reader's next Tab would go.
 * The page gives it a key per search, so a new search starts the list again.
 */
export function SearchResults({
  q,
  query,
  first,
}: {
  q: string;
  /** The search's words and filters, as the page's address has them. */
  query: Record<string, string>;
  first: { results: SearchResult[]; next: string | null };
}) {
  const [results, setResults] = useState(first.results);
  const [next, setNext] = useState(first.next);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // The first result of the page that came last, once it is drawn: where the focus goes.
  const [arrived, setArrived] = useState<string | null>(null);

  // A last page that brought nothing new takes the button away: the focus goes to the count.
  const countLine = useRef<HTMLParagraphElement>(null);
  const [ended, setEnded] = useState(0);

  useEffect(() => {
    if (!arrived || !list.current) return;
    const item = list.current.querySelector<HTMLElement>(`[data-key="${CSS.escape(arrived)}"]`);
    item?.querySelector<HTMLElement>(".search-result-link")?.focus();
  }, [arrived]);
  useEffect(() => {
    if (ended) countLine.current?.focus();
  }, [ended]);

  const withAuthor = ({ id, name }: { id: string; name: string }) => {
    const params = new URLSearchParams({ ...query, authorId: id, authorName: name });
    return `/search?${params.toString()}`;
  };

  const more = async () => {
    if (loading || !next) return;
    setLoading(true);
    setProblem(null);
    const params = new URLSearchParams({ ...query, after: next });
    const answer = await callApi<{ results: SearchResult[]; next: string | null }>(
      `/api/search?${params.toString()}`,
      { method: "GET" },
    );
    setLoading(false);
    if (!answer.ok) {
      setProblem(answer.problem);
      return;
    }
    const held = new Set(results.map(keyOf));
    const fresh = answer.body.results.filter((result) => !held.has(keyOf(result)));
    setResults([...results, ...fresh]);
    setArrived(fresh[0] ? keyOf(fresh[0]) : null);
    if (!fresh[0] && !answer.body.next) setEnded((n) => n + 1);
    setNext(answer.body.next);
  };

  const count = results.length;
  // Offered only where a filter (or an author) narrowed the search: otherwise it is this search.
  const filtered = Object.entries(query).some(([key, value]) => key !== "q" && value !== "");
  return (
    <>
      <p className="meta search-count" role="status" ref={countLine} tabIndex={-1}>
        {count === 0
          ? `Nothing matches “${q}”.`
          : `${count}${next ? " best" : ""} result${count === 1 ? "" : "s"} for “${q}”.`}
      </p>
      {count === 0 ? (
        <div className="empty search-empty">
          <p className="search-try">Try:</p>
          <ul>
            <li>fewer words, or other words for the same idea;</li>
            <li>checking the spelling{filtered ? ";" : "."}</li>
            {filtered ? (
              <li>
                <Link href={`/search?q=${encodeURIComponent(q)}`}>searching without filters</Link>.
              </li>
            ) : null}
          </ul>
        </div>
      ) : (
        <ol className="search-results" aria-label="Results" ref={list}>
          {results.map((result) => (
            <Result key={keyOf(result)} result={result} withAuthor={withAuthor} />
          ))}
        </ol>
      )}
      {problem ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
      {next ? (
        <button
          type="button"
          className="secondary more-results"
          // Not `disabled`: a disabled button would drop the keyboard's focus.
          aria-disabled={loading || undefined}
          onClick={more}
        >
          {loading ? "Loading…" : "More results"}
        </button>
      ) : null}
    </>
  );
}
