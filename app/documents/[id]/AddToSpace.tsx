"use client";

import Link from "next/link";
import { useState } from "react";
import { newClientId } from "@/lib/clientId";
import type { CopyTarget } from "@/lib/views";
import { callApi } from "../../components/api";
import { BusyButton } from "../../components/BusyButton";
import { Problem } from "../../components/Problem";
import { useHydrated } from "../../components/useHydrated";

/**
 * A teacher reuses a document they may read (the public library's) in a space of their own: a
 * copy goes there, with the same text, and they are taken to it. A space that holds a copy
 * already links to it instead.
 */
export function AddToSpace({ documentId, targets }: { documentId: string; targets: CopyTarget[] }) {
  const open = targets.filter((target) => target.copyId === null);
  const copied = targets.filter((target) => target.copyId !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  // One id per page: a copy sent again after a lost answer is stored once.
  const [clientId] = useState(() => newClientId());

  const copy = async (spaceId: string) => {
    setProblem(null);
    setBusy(true);
    const answer = await callApi<{ id: string }>(`/api/spaces/${spaceId}/documents`, {
      method: "POST",
      json: { fromDocumentId: documentId, clientId },
    });
    setBusy(false);
    if (!answer.ok) return setProblem(answer.problem);
    window.location.assign(`/documents/${answer.body.id}`);
  };

  return (
    <section className="panel add-to-space" aria-labelledby="add-to-space-heading">
      <h2 id="add-to-space-heading">Reuse this document</h2>
      {open.length > 0 ? (
        <form
          className="add-to-space-form"
          onSubmit={(event) => {
            event.preventDefault();
            const spaceId = new FormData(event.currentTarget).get("spaceId");
            if (typeof spaceId === "string") void copy(spaceId);
          }}
        >
          <label htmlFor="copy-space">Your space</label>
          <select id="copy-space" name="spaceId" defaultValue={open[0]?.id}>
            {open.map((target) => (
              <option key={target.id} value={target.id}>
                {target.name}
              </option>
            ))}
          </select>
          <BusyButton type="submit" disabled={!hydrated} busy={busy}>
            {busy ? "Adding…" : "Add to my space"}
          </BusyButton>
        </form>
      ) : null}
      <p className="meta">
        A copy with the same text, for your class to read and cite and your motions to draw on.
      </p>
      {copied.length > 0 ? (
        <ul className="plain-list">
          {copied.map((target) => (
            <li key={target.id}>
              In {target.name} already:{" "}
              <Link href={`/documents/${target.copyId}`}>open the copy</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Problem text={problem} />
    </section>
  );
}
