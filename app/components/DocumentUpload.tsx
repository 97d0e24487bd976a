"use client";

import { useEffect, useRef, useState } from "react";
import { newClientId } from "@/lib/clientId";
import { applyBlockEdits, type BlockEdit } from "@/lib/documents/edits";
import type { ImportedText } from "@/lib/documents/import";
import { problemsOf } from "@/lib/forms";
import { callApi } from "./api";
import { BusyButton } from "./BusyButton";
import { Problem } from "./Problem";
import { useHydrated } from "./useHydrated";

/** Where the document goes: a new one in a space, or a new version of one. */
export type UploadTarget =
  | { kind: "document"; spaceId: string }
  | { kind: "version"; spaceId: string; documentId: string; title: string };

const metadata = [
  ["author", "Author"],
  ["publisher", "Publisher"],
  ["publishedAt", "Published (e.g. 2024-05-01)"],
  ["sourceUrl", "Source address (URL)"],
] as const;

/** The fields that say what the document is: read from the form as it is when it is saved. */
const describing = ["title", ...metadata.map(([name]) => name)];

/** The fields whose content the preview showed: the text saved must be the one previewed. */
const content = ["text", "format", "file"];

/**
 * A field's value to compare: a chosen file by its name, size and date, no file chosen as
 * nothing (the browser makes up a new empty file, dated now, each time it reads the form).
 */
const comparable = (value: FormDataEntryValue | null) =>
  value instanceof File
    ? value.size > 0 || value.name !== ""
      ? `${value.name}\u0000${value.size}\u0000${value.lastModified}`
      : ""
    : (value ?? "");

/** Whether two sends of the form carry the same content (the same file, or the same text). */
const sameContent = (previewed: FormData, now: FormData) =>
  content.every((name) => comparable(previewed.get(name)) === comparable(now.get(name)));

/** A refusal's message as the form's sentences, its fields named as their labels say. */
const sentences = (message: string) => problemsOf(message).join(" ");

/** Sentence ends inside a block: where a moderator may split it. */
function sentenceEnds(text: string): number[] {
  return [...text.matchAll(/[.!?]["”’)]?\s+/gu)]
    .map((m) => (m.index ?? 0) + m[0].length)
    .filter((at) => at < text.length);
}

/**
 * A file or pasted text, previewed as the importer cuts it into blocks, which the moderator can
 * correct (a block's kind, two blocks joined, one split at a sentence) before saving.
 */
export function DocumentUpload({ target }: { target: UploadTarget }) {
  const [form, setForm] = useState<FormData | null>(null);
  const [imported, setImported] = useState<ImportedText | null>(null);
  const [edits, setEdits] = useState<BlockEdit[]>([]);
  const [splitting, setSplitting] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const hydrated = useHydrated();
  // One id for the document being saved: a save sent again after a lost answer stores it once.
  const [clientId] = useState(() => newClientId());

  const previewHeading = useRef<HTMLHeadingElement>(null);
  // A new preview opens below the form: it is brought into view, and the focus goes to it.
  useEffect(() => {
    if (!imported) return;
    previewHeading.current?.focus({ preventScroll: true });
    previewHeading.current?.scrollIntoView({ block: "start" });
  }, [imported]);

  const shown = imported ? applyBlockEdits(imported, edits) : null;
  const preview = shown && !("problem" in shown) ? shown : null;
  const edit = (next: BlockEdit) => {
    setEdits([...edits, next]);
    setSplitting(null);
  };

  /** The form as the server takes it: multipart with the file, or JSON with the text. */
  const send = <T,>(url: string, data: FormData, withEdits: BlockEdit[]) => {
    const file = data.get("file");
    const hasFile = file instanceof File && file.size > 0;
    if (hasFile) {
      const body = new FormData();
      for (const [name, value] of data)
        if (name !== "text" && name !== "format") body.append(name, value);
      body.set("edits", JSON.stringify(withEdits));
      body.set("clientId", clientId);
      return callApi<T>(url, { method: "POST", form: body });
    }
    // A field left blank is a field not given.
    const fields = Object.fromEntries(
      [...data].filter(([name, value]) => name !== "file" && value !== ""),
    );
    return callApi<T>(url, { method: "POST", json: { ...fields, edits: withEdits, clientId } });
  };

  const formElement = useRef<HTMLFormElement>(null);

  const onPreview = async (data: FormData) => {
    setProblem(null);
    const file = data.get("file");
    const text = data.get("text");
    if (!(file instanceof File && file.size > 0) && !(typeof text === "string" && text.trim())) {
      return setProblem("Choose a file or paste the text, then preview it.");
    }
    setBusy("Reading the document…");
    const answer = await send<ImportedText>(
      `/api/spaces/${target.spaceId}/documents/preview`,
      data,
      [],
    );
    setBusy(null);
    if (!answer.ok) return setProblem(sentences(answer.problem));
    setForm(data);
    setImported({ text: answer.body.text, blocks: answer.body.blocks });
    setEdits([]);
  };

  const onSave = async () => {
    if (!form || !formElement.current) return;
    setProblem(null);
    // The title and details as the form says them now, corrected after the preview or not; the
    // text only as it was previewed, which the block edits were made on.
    const now = new FormData(formElement.current);
    if (!sameContent(form, now)) {
      return setProblem("The text changed after its preview: preview it again, then save.");
    }
    const data = new FormData();
    for (const [name, value] of form) if (!describing.includes(name)) data.append(name, value);
    for (const name of describing) {
      const value = now.get(name);
      if (value !== null) data.set(name, value);
    }
    setBusy("Saving…");
    const url =
      target.kind === "document"
        ? `/api/spaces/${target.spaceId}/documents`
        : `/api/documents/${target.documentId}/versions`;
    const answer = await send<{ id: string }>(url, data, edits);
    setBusy(null);
    if (!answer.ok) return setProblem(sentences(answer.problem));
    window.location.assign(`/documents/${answer.body.id}`);
  };

  return (
    <div className="document-upload">
      <form
        ref={formElement}
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void onPreview(new FormData(event.currentTarget));
        }}
      >
        {target.kind === "document" ? (
          <>
            <label htmlFor="upload-title">Title</label>
            <input id="upload-title" name="title" required maxLength={300} />
          </>
        ) : (
          <input type="hidden" name="title" value={target.title} />
        )}
        <label htmlFor="upload-file">A file: .txt, .md or .pdf, up to 10 MB</label>
        <input
          id="upload-file"
          name="file"
          type="file"
          accept=".txt,.md,.pdf,text/plain,text/markdown,application/pdf"
        />
        <label htmlFor="upload-text">Or paste the text</label>
        <textarea id="upload-text" name="text" rows={6} />
        <label htmlFor="upload-format">Pasted text is</label>
        <select id="upload-format" name="format" defaultValue="text">
          <option value="text">Plain text</option>
          <option value="markdown">Markdown</option>
        </select>
        {target.kind === "document"
          ? metadata.map(([name, label]) => (
              <div key={name} className="field">
                <label htmlFor={`upload-${name}`}>{label}</label>
                <input id={`upload-${name}`} name={name} />
              </div>
            ))
          : null}
        <BusyButton type="submit" disabled={!hydrated} busy={busy !== null}>
          Preview
        </BusyButton>
      </form>
      <p role="status" className="meta">
        {busy ?? ""}
      </p>
      <Problem text={problem} />
      {preview ? (
        <section aria-labelledby="preview-heading" className="panel preview">
          <h2 id="preview-heading" ref={previewHeading} tabIndex={-1}>
            Preview: {preview.blocks.length} blocks
          </h2>
          <p className="meta">
            Check how the text was cut into headings and paragraphs; correct it here, then save.
          </p>
          <ol className="preview-blocks">
            {preview.blocks.map((block, index) => {
              const text = preview.text.slice(block.start, block.end);
              return (
                <li key={block.start} className="preview-block">
                  <p className={`preview-${block.kind}`}>{text}</p>
                  <div className="actions">
                    <label>
                      Kind{" "}
                      <select
                        value={block.kind}
                        onChange={(e) =>
                          edit({ op: "kind", index, kind: e.target.value as typeof block.kind })
                        }
                      >
                        <option value="heading">Heading</option>
                        <option value="paragraph">Paragraph</option>
                        <option value="caption">Caption</option>
                      </select>
                    </label>
                    {index < preview.blocks.length - 1 ? (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => edit({ op: "join", index })}
                      >
                        Join with the next
                      </button>
                    ) : null}
                    {sentenceEnds(text).length > 0 ? (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setSplitting(index)}
                      >
                        Split…
                      </button>
                    ) : null}
                  </div>
                  {splitting === index ? (
                    <fieldset className="actions">
                      <legend>Split after which sentence?</legend>
                      {sentenceEnds(text).map((at) => (
                        <button
                          key={at}
                          type="button"
                          className="secondary"
                          onClick={() => edit({ op: "split", index, at })}
                        >
                          After “…{text.slice(Math.max(0, at - 24), at).trim()}”
                        </button>
                      ))}
                    </fieldset>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <div className="actions">
            {edits.length > 0 ? (
              <button
                type="button"
                className="secondary"
                onClick={() => setEdits(edits.slice(0, -1))}
              >
                Undo the last change
              </button>
            ) : null}
            <BusyButton type="button" onClick={onSave} busy={busy !== null}>
              {target.kind === "document" ? "Save the document" : "Save the new version"}
            </BusyButton>
          </div>
        </section>
      ) : null}
    </div>
  );
}
