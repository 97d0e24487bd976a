"use client";

import { useEffect, useState } from "react";
import { DRAFT_TITLE } from "@/lib/commands";
import { callApi } from "./api";
import { BusyButton } from "./BusyButton";
import { onParagraphAdded } from "./draftEvents";
import { PickedPassages } from "./PickedPassages";
import { Problem } from "./Problem";
import { asSource, type Picked, pickRange, pickSelection } from "./passagePicks";
import { SelectionAction } from "./SelectionAction";

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
 * while they move between documents), then drafts the motion from them. The button that adds a
 * passage appears beside the selection in the text (the element `textHostId`).
 */
export function DraftPassages({
  spaceId,
  document,
  textHostId,
}: {
  spaceId: string;
  document: { id: string; title: string; text: string };
  textHostId: string;
}) {
  const [picked, setPicked] = useState<Picked[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => setPicked(load(spaceId)), [spaceId]);
  useEffect(() => setHost(window.document.getElementById(textHostId)), [textHostId]);
  const keep = (next: Picked[]) => {
    setPicked(next);
    sessionStorage.setItem(storageKey(spaceId), JSON.stringify(next));
  };

  const add = () => {
    const passage = pickSelection(host, document);
    if (!passage) return setProblem("Select the passage in the text first, then add it.");
    setProblem(null);
    keep([...picked, passage]);
  };
  // A paragraph added whole by its own button in the text (the keyboard's way).
  useEffect(() =>
    onParagraphAdded(({ start, end }) => {
      setProblem(null);
      keep([...picked, pickRange(document, start, end)]);
    }),
  );

  const draft = async () => {
    setBusy(true);
    const answer = await callApi<{ id: string }>(`/api/spaces/${spaceId}/motions`, {
      method: "POST",
      json: { title: DRAFT_TITLE, status: "draft", sources: picked.map(asSource) },
    });
    setBusy(false);
    if (!answer.ok) return setProblem(answer.problem);
    keep([]);
    window.location.assign(`/motions/${answer.body.id}`);
  };

  return (
    <aside className="panel draft-passages" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Draft a motion</h2>
      <p className="meta">
        Select a passage in the text: a button to add it appears beside it (or, from the keyboard,
        add a paragraph whole with its own button). Gather as many as you need.
      </p>
      <SelectionAction host={host} label="Add the selected passage" onAct={add} />
      <PickedPassages picked={picked} onRemove={(i) => keep(picked.filter((_, j) => j !== i))} />
      <div className="actions">
        <BusyButton type="button" onClick={draft} disabled={picked.length === 0} busy={busy}>
          {busy
            ? "Drafting…"
            : picked.length === 0
              ? "Draft a motion (add a passage first)"
              : `Draft a motion from ${picked.length} passage${picked.length === 1 ? "" : "s"}`}
        </BusyButton>
      </div>
      <p role="status" className="meta">
        {picked.length > 0
          ? `${picked.length} passage${picked.length === 1 ? "" : "s"} gathered.`
          : ""}
      </p>
      <Problem text={problem} />
    </aside>
  );
}
