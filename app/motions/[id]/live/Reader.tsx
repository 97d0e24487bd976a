"use client";

import { useRef, useState } from "react";
import { selectorAt } from "@/lib/anchoring";
import type { Citation } from "@/lib/commands";
import { citedSpansIn, coverageByBlock, coverageOfPassages } from "@/lib/coverage";
import type { ArgumentView, CitedPassage } from "@/lib/debate";
import type { DocumentView, PassageMark } from "@/lib/views";
import { DocumentText, HeatLegend } from "../../../components/DocumentText";
import { selectedRange } from "../../../components/selection";

const excerpt = (text: string) => {
  const words = text.split(" ");
  return words.length > 10 ? `${words.slice(0, 10).join(" ")}…` : text;
};

export interface Highlight {
  documentId: string;
  start: number;
  end: number;
}

/**
 * The documents beside the debate. Selecting any span, across paragraphs too, and pressing
 * "Cite the selected text" attaches it to the argument being written; a keyboard user cites a
 * whole paragraph with its own button.
 */
export function Reader({
  documents,
  marks,
  args,
  cited: citedAcross,
  highlight,
  documentId,
  onDocument,
  onCite,
  canCite,
  onShow,
}: {
  documents: DocumentView[];
  marks: (PassageMark & { documentId: string })[];
  /** The motion's arguments, whose citations the heat strip counts per paragraph. */
  args: ArgumentView[];
  /** Of a big debate held in part, the passages cited across it: the heat strip counts these. */
  cited: CitedPassage[] | null;
  highlight: Highlight | null;
  documentId: string;
  onDocument: (documentId: string) => void;
  onCite: (citation: Citation) => void;
  canCite: boolean;
  /** Highlights a listed passage in the text. */
  onShow: (passage: Highlight) => void;
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const document = documents.find((d) => d.id === documentId) ?? documents[0];
  if (!document) return <p className="empty">This space has no documents yet.</p>;

  const cite = (start: number, end: number) => {
    onCite({ documentId: document.id, ...selectorAt(document.text, start, end) });
    setProblem(null);
  };
  const citeSelection = () => {
    const range = textRef.current && selectedRange(textRef.current, document.text);
    if (!range) return setProblem("Select some text of the document first.");
    cite(range.start, range.end);
    window.getSelection()?.removeAllRanges();
  };
  const shown = marks.filter((m) => m.documentId === document.id);
  const cited = shown.filter((m) => m.id.startsWith("cited-"));
  const active =
    highlight?.documentId === document.id
      ? [
          {
            id: "highlight",
            start: highlight.start,
            end: highlight.end,
            label: "The cited passage",
            href: "#",
          },
        ]
      : [];

  return (
    <div className="reader">
      <div className="reader-toolbar">
        {documents.length > 1 ? (
          <label>
            <span className="visually-hidden">Document</span>
            <select value={document.id} onChange={(e) => onDocument(e.target.value)}>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <strong>{document.title}</strong>
        )}
        {canCite ? (
          <button
            type="button"
            onClick={citeSelection}
            // A press in the reader's sheet would clear the selection before the click reads it.
            onMouseDown={(event) => event.preventDefault()}
          >
            Cite the selected text
          </button>
        ) : null}
      </div>
      <HeatLegend />
      {problem ? (
        <p className="meta" role="status">
          {problem}
        </p>
      ) : null}
      {cited.length > 0 ? (
        <details className="cited-list">
          <summary>Cited passages in this document ({cited.length})</summary>
          <ol>
            {cited.map((mark) => (
              <li key={mark.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    onShow({ documentId: document.id, start: mark.start, end: mark.end })
                  }
                >
                  “{excerpt(document.text.slice(mark.start, mark.end))}”
                </button>{" "}
                <span className="meta">{mark.label}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <div ref={textRef} className="reader-text">
        <DocumentText
          document={document}
          marks={[...shown, ...active]}
          activeId={active.length > 0 ? "highlight" : undefined}
          onCiteBlock={canCite ? cite : undefined}
          coverage={
            citedAcross
              ? coverageOfPassages(
                  document.blocks,
                  citedAcross.filter((p) => p.documentId === document.id),
                )
              : coverageByBlock(document.blocks, citedSpansIn(document.id, args))
          }
        />
      </div>
    </div>
  );
}
