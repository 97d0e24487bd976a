"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type CitationToReview, type ReviewQueuePage, reviewKey } from "@/lib/reviewQueue";
import { callApi, problemOf } from "./api";
import { Problem } from "./Problem";
import { useHydrated } from "./useHydrated";

const review = async (item: CitationToReview, body: Record<string, unknown>) =>
  problemOf(
    await callApi(`/api/arguments/${item.argumentId}/review`, {
      method: "POST",
      json: { position: item.position, ...body },
    }),
  );

function ReviewItem({ item, onSettled }: { item: CitationToReview; onSettled: () => void }) {
  const router = useRouter();
  const [quote, setQuote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const hydrated = useHydrated();
  const act = async (body: Record<string, unknown>) => {
    const refused = await review(item, body);
    setProblem(refused);
    if (refused) return;
    onSettled();
    router.refresh();
  };
  const quoteId = `repick-${reviewKey(item)}`;
  return (
    <li className="review-item" id={`review-${reviewKey(item)}`} tabIndex={-1}>
      <p className="meta">
        {item.status === "orphaned"
          ? "Gone from the new version"
          : `Changed (${Math.round(item.confidence * 100)}% alike)`}{" "}
        ·{" "}
        <Link href={`/motions/${item.motionId}#argument-${item.argumentId}`}>
          {item.motionTitle}
        </Link>{" "}
        · {item.author.name} · <cite>{item.documentTitle}</cite>
      </p>
      <p className="argument-body">{item.body}</p>
      <blockquote>
        <p>Cited: “{item.exact}”</p>
      </blockquote>
      {item.found ? (
        <blockquote>
          <p>Now reads: “{item.found}”</p>
        </blockquote>
      ) : null}
      <div className="actions">
        {item.status === "fuzzy" ? (
          <button type="button" onClick={() => act({ action: "accept" })}>
            Accept the new place
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => act({ action: "detach" })}>
          Detach the citation
        </button>
      </div>
      <form
        className="actions"
        onSubmit={(event) => {
          event.preventDefault();
          void act({ action: "repick", quote });
        }}
      >
        <label htmlFor={quoteId}>Or cite instead (paste words of the new version)</label>
        <input id={quoteId} value={quote} onChange={(e) => setQuote(e.target.value)} required />
        <button type="submit" className="secondary" disabled={!hydrated}>
          Cite this passage
        </button>
      </form>
      <Problem text={problem} />
    </li>
  );
}

/**
 * Citations a new version of a document left unsettled, for the space's moderators: the first
 * page, and a button that reads the next (a heavily cited document can leave thousands).
 */
export function ReviewQueue({ spaceId, page }: { spaceId: string; page: ReviewQueuePage }) {
  const [more, setMore] = useState<CitationToReview[]>([]);
  // Where the pages read here end; until one is, where the server's first page does.
  const [moreCursor, setMoreCursor] = useState<string | null>();
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const focusOnArrival = useRef<string | null>(null);
  const cursor = moreCursor === undefined ? page.nextCursor : moreCursor;
  // The server's page comes again after each review, and may hold some read here since.
  const seen = new Set<string>();
  const items = [...page.items, ...more].filter((item) => {
    const key = reviewKey(item);
    if (seen.has(key) || settled.has(key)) return false;
    seen.add(key);
    return true;
  });
  const notShown = Math.max(page.total - items.length, 0);

  useEffect(() => {
    const key = focusOnArrival.current;
    if (!key) return;
    focusOnArrival.current = null;
    document.getElementById(`review-${key}`)?.focus();
  });

  const readMore = async () => {
    if (!cursor || loading) return;
    setLoading(true);
    const answer = await callApi<ReviewQueuePage>(
      `/api/spaces/${spaceId}/citations?cursor=${encodeURIComponent(cursor)}`,
      { method: "GET" },
    );
    setLoading(false);
    setProblem(problemOf(answer));
    if (!answer.ok) return;
    const [first] = answer.body.items;
    focusOnArrival.current = first ? reviewKey(first) : null;
    setMore((held) => [...held, ...answer.body.items]);
    setMoreCursor(answer.body.nextCursor);
  };

  return (
    <section aria-labelledby="review-heading" className="panel review-queue">
      <h2 id="review-heading">Evidence to review ({page.total})</h2>
      {items.length === 0 && page.total > 0 ? (
        // Every one shown is settled, and the page read again after the last is not here yet.
        <p className="empty" role="status">
          Reading what is left to review…
        </p>
      ) : items.length === 0 ? (
        <p className="empty">
          Nothing to review. When a new version of a document changes or drops a cited passage, it
          appears here.
        </p>
      ) : (
        <ul className="plain">
          {items.map((item) => (
            <ReviewItem
              key={reviewKey(item)}
              item={item}
              onSettled={() => setSettled((keys) => new Set(keys).add(reviewKey(item)))}
            />
          ))}
        </ul>
      )}
      {cursor && notShown > 0 ? (
        <button
          type="button"
          className="secondary"
          // Not `disabled`: a disabled button would drop the keyboard's focus.
          aria-disabled={loading || undefined}
          onClick={() => void readMore()}
        >
          {loading ? (
            "Loading…"
          ) : (
            <>
              Show more to review <span className="nowrap">({notShown} not shown)</span>
            </>
          )}
        </button>
      ) : null}
      <Problem text={problem} />
    </section>
  );
}
