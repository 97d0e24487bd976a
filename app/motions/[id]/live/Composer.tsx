"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { type Citation, MAX_ARGUMENT_LENGTH } from "@/lib/commands";
import type { ArgumentRelation, ArgumentView } from "@/lib/debate";
import { Problem } from "../../../components/Problem";

export interface Draft {
  parent: ArgumentView | null;
  citations: Citation[];
}

/**
 * Writing an argument: on the motion (for or against) or, when replying, on another argument
 * (supports or attacks), with the passages cited from the reader.
 */
export function Composer({
  draft,
  evidenceRequired,
  onPost,
  onCancelReply,
  onRemoveCitation,
  problem,
  restore,
  hasDocuments,
  onOpenReader,
  onClose,
}: {
  draft: Draft;
  evidenceRequired: boolean;
  onPost: (relation: ArgumentRelation, body: string) => void;
  onCancelReply: () => void;
  onRemoveCitation: (index: number) => void;
  problem: string | null;
  /** A post the server refused: its words come back into the form to be mended. */
  restore: { clientId: string; relation: ArgumentRelation; body: string } | null;
  /** Whether there is anything to cite: a space without documents takes arguments without. */
  hasDocuments: boolean;
  /** Opens the reader over the composer (a phone's); null where the reader is beside it. */
  onOpenReader: (() => void) | null;
  /** Folds the composer away again (a phone's; a wide screen always shows it). */
  onClose: () => void;
}) {
  const replying = draft.parent !== null;
  const choices: [ArgumentRelation, string][] = replying
    ? [
        ["supports", "Supports it"],
        ["attacks", "Attacks it"],
      ]
    : [
        ["for", "For the motion"],
        ["against", "Against the motion"],
      ];
  const [relation, setRelation] = useState<ArgumentRelation | null>(null);
  const [body, setBody] = useState("");
  const restoredFrom = useRef<string | null>(null);
  useEffect(() => {
    if (!restore || restoredFrom.current === restore.clientId) return;
    restoredFrom.current = restore.clientId;
    setRelation(restore.relation);
    setBody(restore.body);
  }, [restore]);
  const chosen = choices.some(([r]) => r === relation) ? relation : null;
  const missingEvidence = evidenceRequired && draft.citations.length === 0;
  const over = Math.max(0, body.length - MAX_ARGUMENT_LENGTH);
  // Once begun, what Post still waits for is said beside it, not left to a greyed-out button.
  const needs = [
    chosen ? null : replying ? "choose Supports or Attacks" : "choose For or Against",
    body.trim() === "" ? "write your argument" : null,
    missingEvidence ? "cite a passage" : null,
  ].filter((need): need is string => need !== null);
  const begun = body !== "" || chosen !== null || draft.citations.length > 0;
  const waitsFor = begun && needs.length > 0 ? `To post, ${inWords(needs)}.` : null;
  const ready = chosen !== null && needs.length === 0 && over === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    onPost(chosen, body.trim());
    setBody("");
  };

  const relationChoice = (
    <fieldset className="relation-choice">
      <legend className="visually-hidden">Your argument</legend>
      {choices.map(([value, label]) => (
        <label key={value}>
          <input
            type="radio"
            name="relation"
            value={value}
            checked={chosen === value}
            onChange={() => setRelation(value)}
            required
          />{" "}
          {label}
        </label>
      ))}
    </fieldset>
  );

  return (
    <form className="composer panel" onSubmit={submit} aria-labelledby="composer-heading">
      <div className="composer-header">
        <h2 id="composer-heading">{replying ? "Reply to an argument" : "Make an argument"}</h2>
        {replying ? null : relationChoice}
        <button type="button" className="secondary composer-close" onClick={onClose}>
          Close
        </button>
      </div>
      {draft.parent ? (
        <div className="replying-to">
          <p className="meta">
            Replying to {draft.parent.author.name}: “{draft.parent.body.slice(0, 140)}
            {draft.parent.body.length > 140 ? "…" : ""}”
          </p>
          <button type="button" className="secondary" onClick={onCancelReply}>
            Cancel reply
          </button>
        </div>
      ) : null}
      {replying ? relationChoice : null}
      <div className="field">
        {/* The heading above names the box to the eye; the label names it to everyone. */}
        <label htmlFor="argument-body" className="visually-hidden">
          Argument
        </label>
        {/* No maxLength: a paste past it would be cut without a word. All of it stays, and
            the count says how much to shorten. */}
        <textarea
          id="argument-body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby="argument-length"
          aria-invalid={over > 0}
          required
        />
      </div>
      <Problem text={problem} />
      <div className="composer-footer">
        {hasDocuments ? (
          <div className="citations-draft">
            <div className="citations-draft-header">
              <h3>Evidence</h3>
              {draft.citations.length === 0 ? (
                <p className="meta">
                  {onOpenReader
                    ? "Press “Cite a passage”, select words, then “Cite the selected text”"
                    : "Select words in the document, then “Cite the selected text”"}
                  {evidenceRequired ? " (required here)." : "."}
                </p>
              ) : null}
              {onOpenReader ? (
                <button type="button" className="secondary" onClick={onOpenReader}>
                  Cite a passage
                </button>
              ) : (
                // Beside the arguments, the documents come after all of them in the keyboard's
                // order: the way there in one step.
                <a href="#reader">Go to the documents</a>
              )}
            </div>
            <p className="visually-hidden" role="status">
              {draft.citations.length > 0
                ? `${draft.citations.length} ${draft.citations.length === 1 ? "quote" : "quotes"} attached`
                : ""}
            </p>
            {draft.citations.length === 0 ? null : (
              <ul>
                {draft.citations.map((citation, index) => (
                  <li key={`${citation.documentId}-${citation.start}-${citation.end}`}>
                    <blockquote>
                      <p>{citation.exact}</p>
                    </blockquote>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => onRemoveCitation(index)}
                    >
                      Remove this citation
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
        <div className="composer-submit">
          <span id="argument-length" className={over > 0 ? "hint too-long" : "hint"}>
            {body.length.toLocaleString("en")} / {MAX_ARGUMENT_LENGTH.toLocaleString("en")}
            {over > 0 ? `: ${over.toLocaleString("en")} too many, shorten it to post` : null}
          </span>
          <span className="visually-hidden" role="status">
            {over > 0 ? "The argument is too long to post" : ""}
          </span>
          {waitsFor ? (
            <span id="post-needs" className="hint">
              {waitsFor}
            </span>
          ) : null}
          <button
            type="submit"
            disabled={!ready}
            aria-describedby={waitsFor ? "post-needs" : undefined}
          >
            Post
          </button>
        </div>
      </div>
    </form>
  );
}

/** "a", "a and b", "a, b and c". */
const inWords = (items: string[]) =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
