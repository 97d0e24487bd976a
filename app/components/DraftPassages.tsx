"use client";

import { useEffect, useState } from "react";
import { selectorAt } from "@/lib/anchoring";
import { DRAFT_TITLE } from "@/lib/commands";
import { callApi } from "./api";
import { Problem } from "./Problem";
import { selectedRange } from "./selection";

interface Picked {
  documentId: string;
  documentTitle: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

const storageKey = (spaceId: string) => `moot:draft-passages:${spaceId}`;

function load(spaceId: string): Picked[] {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey(spaceId)) ?? "[]") as Picked[];
  } catch {
    return [];
  }
}

/**
 * A moderator gathers passages for a new motion, from one document or several (the list is kept
 * while they move between documents), then drafts the motion from them.
 */
export function DraftPassages({
  spaceId,
  document,
}: {
  spaceId: string;
  document: { id: string; title: string; text: string };
}) {
  const [picked, setPicked] = useState<Picked[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setPicked(load(spaceId)), [spaceId]);
  const keep = (next: Picked[]) => {
    setPicked(next);
    sessionStorage.setItem(storageKey(spaceId), JSON.stringify(next));
  };

  const add = () => {
    const container = window.document.querySelector<HTMLElement>(".document-text");
    const range = container ? selectedRange(container, document.text) : null;
    if (!range) return setProblem("Select the passage in the text first, then add it.");
    setProblem(null);
    keep([
      ...picked,
      {
        documentId: document.id,
        documentTitle: document.title,
        ...selectorAt(document.text, range.start, range.end),
      },
    ]);
  };

  const draft = async () => {
    setBusy(true);
    const answer = await callApi<{ id: string }>(`/api/spaces/${spaceId}/motions`, {
      method: "POST",
      json: {
        title: DRAFT_TITLE,
        status: "draft",
        sources: picked.map(({ documentTitle: _, ...source }) => source),
      },
    });
    setBusy(false);
    if (!answer.ok) return setProblem(answer.problem);
    keep([]);
    window.location.assign(`/motions/${answer.body.id}`);
  };

  return (
    <aside className="panel draft-passages" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Draft a motion</h2>
      <p className="meta">Select a passage in the text and add it; gather as many as you need.</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={add}>
          Add the selected passage
        </button>
      </div>
      {picked.length > 0 ? (
        <ol>
          {picked.map((passage, index) => (
            <li key={`${passage.documentId}-${passage.start}-${passage.end}`}>
              “{passage.exact}” <cite>{passage.documentTitle}</cite>{" "}
              <button
                type="button"
                className="link"
                onClick={() => keep(picked.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="actions">
        <button type="button" onClick={draft} disabled={picked.length === 0 || busy}>
          {busy
            ? "Drafting…"
            : `Draft a motion from ${picked.length} passage${picked.length === 1 ? "" : "s"}`}
        </button>
      </div>
      <Problem text={problem} />
    </aside>
  );
}
