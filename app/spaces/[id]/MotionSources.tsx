"use client";

import { useState } from "react";
import type { DocumentView } from "@/lib/views";
import { callApi } from "../../components/api";
import { DocumentText } from "../../components/DocumentText";
import { PickedPassages } from "../../components/PickedPassages";
import { Problem } from "../../components/Problem";
import { asSource, type Picked, pickRange, pickSelection } from "../../components/passagePicks";
import { SelectionAction } from "../../components/SelectionAction";

const plural = (n: number) => `${n} passage${n === 1 ? "" : "s"}`;

/**
 * The new motion's sources, drawn from the space's documents: the moderator chooses one, selects
 * a passage in it (or adds a paragraph whole) and gathers as many as they need; the form sends
 * them with the motion as `sources`.
 */
export function MotionSources({ documents }: { documents: { id: string; title: string }[] }) {
  const [picked, setPicked] = useState<Picked[]>([]);
  const [chosen, setChosen] = useState<DocumentView | null>(null);
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const choose = async (id: string) => {
    setProblem(null);
    if (id === "") return setChosen(null);
    setLoading(true);
    const answer = await callApi<DocumentView>(`/api/documents/${id}`, { method: "GET" });
    setLoading(false);
    if (!answer.ok) return setProblem(answer.problem);
    setChosen(answer.body);
  };
  const add = (passage: Picked | null) => {
    if (!passage) return setProblem("Select the passage in the text first, then add it.");
    setProblem(null);
    setPicked([...picked, passage]);
  };
  const marks = picked.flatMap((passage, index) =>
    passage.documentId === chosen?.id
      ? [{ ...passage, id: `picked-${index}`, label: `Source ${index + 1}`, href: "#" }]
      : [],
  );

  return (
    <fieldset className="field motion-sources">
      <legend>Sources</legend>
      <p className="hint" id="source-document-hint">
        Draw the motion from passages of the space's documents: choose one, select a passage in it
        and add it, as many as you need.
      </p>
      <label htmlFor="source-document">Source document</label>
      <select
        id="source-document"
        value={chosen?.id ?? ""}
        aria-describedby="source-document-hint"
        onChange={(event) => void choose(event.currentTarget.value)}
      >
        <option value="">Choose a document…</option>
        {documents.map((document) => (
          <option key={document.id} value={document.id}>
            {document.title}
          </option>
        ))}
      </select>
      {chosen ? (
        <div className="source-reader">
          <div ref={setHost} className="selection-host">
            <DocumentText
              document={chosen}
              marks={marks}
              onCiteBlock={(start, end) => add(pickRange(chosen, start, end))}
              blockLabel="Add this paragraph"
            />
          </div>
          <SelectionAction
            host={host}
            label="Add the selected passage"
            onAct={() => add(pickSelection(host, chosen))}
          />
        </div>
      ) : null}
      <PickedPassages
        picked={picked}
        onRemove={(i) => setPicked(picked.filter((_, j) => j !== i))}
      />
      <input type="hidden" name="sources" value={JSON.stringify(picked.map(asSource))} />
      <p role="status" className="meta">
        {loading
          ? "Opening the document…"
          : picked.length > 0
            ? `${plural(picked.length)} to draw the motion from.`
            : ""}
      </p>
      <Problem text={problem} />
    </fieldset>
  );
}
