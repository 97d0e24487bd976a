import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { type Highlight, SEARCH_DEFAULT_LIMIT, type SearchResult } from "@/lib/search";
import { pageActor } from "@/server/auth/pageActor";
import { listMotions } from "@/server/domain/debate/queries";
import { search } from "@/server/domain/search/search";
import { readableSpaces } from "@/server/domain/spaces/queries";
import { pageLimit } from "@/server/rateLimits/pages";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Search" };

type Params = Partial<
  Record<"q" | "type" | "spaceId" | "motionId" | "authorId" | "side" | "hasCitations", string>
>;
type Props = { searchParams: Promise<Params> };

/** A refusal's words as a sentence: a capital first, a full stop last. */
const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? "" : "."}`;

type Option = [value: string, label: string];

/** One of the filters: a labelled select whose empty choice means "no filter". */
function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: Option[];
}) {
  const id = `search-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

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

const sideLabel = { for: "For the motion", against: "Against the motion" } as const;

function Result({
  result,
  withAuthor,
}: {
  result: SearchResult;
  withAuthor: (id: string) => string;
}) {
  if (result.type === "passage") {
    return (
      <li className="search-result" data-type="passage">
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
    <li className="search-result" data-type="argument">
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
          <Link href={withAuthor(result.author.id)} title="More by this author">
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

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const { store } = runtime();
  const actor = await pageActor();
  const [spaces, motions] = await Promise.all([
    readableSpaces(store, actor),
    listMotions(store, actor, { withDrafts: true }),
  ]);
  const q = params.q?.trim() ?? "";
  const filtered = (["type", "spaceId", "motionId", "side", "hasCitations"] as const).filter(
    (key) => params[key],
  ).length;
  const outcome = q
    ? ((await pageLimit("searches", actor)) ?? (await search(store, actor, params)))
    : null;
  const results = outcome?.ok ? outcome.value.results : [];
  const author = results.find((r) => r.type === "argument" && r.author.id === params.authorId) as
    | Extract<SearchResult, { type: "argument" }>
    | undefined;

  const linkWith = (change: Params) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...params, ...change })) {
      if (value) next.set(key, value);
    }
    return `/search?${next.toString()}`;
  };

  return (
    <section className="search" aria-labelledby="search-heading">
      <h1 id="search-heading">Search</h1>
      <search>
        <form className="search-form" action="/search" method="get">
          <div className="field search-words">
            <label htmlFor="search-q">Words to find</label>
            <div className="search-row">
              <input
                id="search-q"
                name="q"
                type="search"
                defaultValue={q}
                maxLength={200}
                required
                autoComplete="off"
              />
              <button type="submit">Search</button>
            </div>
          </div>
          <details className="search-filters" open={filtered > 0}>
            <summary>Filters{filtered > 0 ? ` (${filtered} on)` : ""}</summary>
            <div className="search-filter-grid">
              <FilterSelect
                name="type"
                label="Find"
                value={params.type}
                options={[
                  ["", "Everything"],
                  ["argument", "Arguments"],
                  ["passage", "Passages"],
                ]}
              />
              <FilterSelect
                name="spaceId"
                label="Space"
                value={params.spaceId}
                options={[
                  ["", "Every space"],
                  ...spaces.map(({ space }): Option => [space.id, space.name]),
                ]}
              />
              <FilterSelect
                name="motionId"
                label="Motion"
                value={params.motionId}
                options={[
                  ["", "Every motion"],
                  ...motions.map(
                    (motion): Option => [
                      motion.id,
                      `${motion.title}${motion.status === "draft" ? " (draft)" : ""}`,
                    ],
                  ),
                ]}
              />
              <FilterSelect
                name="side"
                label="Side"
                value={params.side}
                options={[
                  ["", "Either side"],
                  ["for", "For the motion"],
                  ["against", "Against the motion"],
                ]}
              />
              <FilterSelect
                name="hasCitations"
                label="Citations"
                value={params.hasCitations}
                options={[
                  ["", "With or without"],
                  ["true", "Cites evidence"],
                  ["false", "Cites nothing"],
                ]}
              />
              {params.authorId ? (
                <input type="hidden" name="authorId" value={params.authorId} />
              ) : null}
            </div>
            <button type="submit" className="secondary">
              Apply filters
            </button>
          </details>
        </form>
      </search>

      {params.authorId ? (
        <p className="notice">
          Only arguments by {author ? author.author.name : "one author"}.{" "}
          <Link href={linkWith({ authorId: "" })}>Show every author</Link>
        </p>
      ) : null}

      {outcome && !outcome.ok ? (
        <p className="problem" role="alert">
          {sentence(outcome.error.message.replace(/^q: /, ""))}
        </p>
      ) : null}

      {!q ? (
        <p className="meta">
          Search the arguments of every motion you may read and the passages of the library’s
          documents.
        </p>
      ) : null}

      {outcome?.ok ? (
        <>
          <p className="meta search-count" role="status">
            {results.length === 0
              ? `Nothing matches “${q}”.`
              : `${results.length}${results.length === SEARCH_DEFAULT_LIMIT ? " best" : ""} result${results.length === 1 ? "" : "s"} for “${q}”.`}
          </p>
          {results.length === 0 ? (
            <div className="empty search-empty">
              <p className="search-try">Try:</p>
              <ul>
                <li>fewer words, or other words for the same idea;</li>
                <li>checking the spelling;</li>
                <li>
                  <Link href={`/search?q=${encodeURIComponent(q)}`}>searching without filters</Link>
                  .
                </li>
              </ul>
            </div>
          ) : (
            <ol className="search-results" aria-label="Results">
              {results.map((result) => (
                <Result
                  key={`${result.type}:${result.id}`}
                  result={result}
                  withAuthor={(authorId) => linkWith({ authorId })}
                />
              ))}
            </ol>
          )}
        </>
      ) : null}
    </section>
  );
}
