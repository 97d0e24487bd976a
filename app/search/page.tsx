import type { Metadata } from "next";
import Link from "next/link";
import type { SearchResult } from "@/lib/search";
import { pageActor } from "@/server/auth/pageActor";
import { listMotions } from "@/server/domain/debate/queries";
import { search } from "@/server/domain/search/search";
import { readableSpaces } from "@/server/domain/spaces/queries";
import { pageLimit } from "@/server/rateLimits/pages";
import { runtime } from "@/server/runtime";
import { SearchResults } from "./SearchResults";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Search" };

const KEYS = [
  "q",
  "type",
  "spaceId",
  "motionId",
  "authorId",
  "authorName",
  "side",
  "hasCitations",
] as const;
type Params = Partial<Record<(typeof KEYS)[number], string>>;
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

export default async function SearchPage({ searchParams }: Props) {
  // The search's words and filters only: the page always shows a search's first page.
  const given = await searchParams;
  const params: Params = {};
  for (const key of KEYS) {
    const value = given[key];
    if (typeof value === "string" && value) params[key] = value;
  }
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
  const author = results.find(
    (r) =>
      r.type === "argument" &&
      r.author.id === params.authorId &&
      (params.authorName === undefined || r.author.name === params.authorName),
  ) as Extract<SearchResult, { type: "argument" }> | undefined;

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
              {params.authorName ? (
                <input type="hidden" name="authorName" value={params.authorName} />
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
          <Link href={linkWith({ authorId: "", authorName: "" })}>Show every author</Link>
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
        <SearchResults
          key={JSON.stringify(params)}
          q={q}
          query={params as Record<string, string>}
          first={outcome.value}
        />
      ) : null}
    </section>
  );
}
