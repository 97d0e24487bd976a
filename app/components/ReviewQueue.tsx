"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CitationToReview } from "@/server/domain/library/reviewCitations";
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

function ReviewItem({ item }: { item: CitationToReview }) {
  const router = useRouter();
  const [quote, setQuote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const hydrated = useHydrated();
  const act = async (body: Record<string, unknown>) => {
    const refused = await review(item, body);
    setProblem(refused);
    if (!refused) router.refresh();
  };
  const quoteId = `repick-${item.argumentId}-${item.position}`;
  return (
    <li className="review-item">
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

/** Citations a new version of a document left unsettled, for the space's moderators. */
export function ReviewQueue({ items }: { items: CitationToReview[] }) {
  return (
    <section aria-labelledby="review-heading" className="panel review-queue">
      <h2 id="review-heading">Evidence to review ({items.length})</h2>
      {items.length === 0 ? (
        <p className="empty">
          Nothing to review. When a new version of a document changes or drops a cited passage, it
          appears here.
        </p>
      ) : (
        <ul className="plain">
          {items.map((item) => (
            <ReviewItem key={`${item.argumentId}-${item.position}`} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
