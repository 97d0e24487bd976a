"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { newClientId } from "@/lib/clientId";
import { callApi } from "../../components/api";
import { BusyButton } from "../../components/BusyButton";
import { Problem } from "../../components/Problem";
import { useHydrated } from "../../components/useHydrated";

/**
 * Takes a debate exported as JSON from another space (or this one) back in as a new motion, and
 * opens it. For the space's owners and moderators.
 */
export function ImportDebate({ spaceId }: { spaceId: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const hydrated = useHydrated();
  // One id per file sent: a retry after a lost answer imports it once.
  const [clientId, setClientId] = useState(() => newClientId());

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) {
      setProblem("Choose the .json file a motion's Export menu gave you.");
      return;
    }
    setBusy("Reading the file…");
    let debate: unknown;
    try {
      debate = JSON.parse(await file.text());
    } catch {
      setBusy(null);
      setProblem("That file is not JSON: choose the whole-debate (JSON) export of a motion.");
      return;
    }
    setBusy("Importing the debate…");
    const answer = await callApi<{ id: string }>(
      `/api/spaces/${spaceId}/import?clientId=${clientId}`,
      { method: "POST", json: debate },
    );
    if (!answer.ok) {
      setBusy(null);
      setProblem(answer.problem);
      setClientId(newClientId());
      return;
    }
    setBusy("Imported: opening the motion…");
    router.push(`/motions/${answer.body.id}`);
  }

  return (
    <section aria-labelledby="import-debate-heading" className="panel import-debate">
      <h2 id="import-debate-heading">Import a debate</h2>
      <form onSubmit={submit} aria-busy={busy !== null}>
        <div className="field">
          <label htmlFor="import-debate-file">Exported debate (.json)</label>
          <span className="hint" id="import-debate-hint">
            A motion's “Whole debate (JSON)” export. It arrives as a new motion with the same
            arguments and citations; the documents it cites come with it.
          </span>
          <input
            id="import-debate-file"
            name="file"
            type="file"
            accept=".json,application/json"
            aria-describedby="import-debate-hint"
            onChange={() => setProblem(null)}
          />
        </div>
        <Problem text={problem} />
        <p className="actions">
          <BusyButton type="submit" className="button" disabled={!hydrated} busy={busy !== null}>
            {busy ?? "Import"}
          </BusyButton>
        </p>
        <p role="status" className="visually-hidden">
          {busy ?? ""}
        </p>
      </form>
    </section>
  );
}
