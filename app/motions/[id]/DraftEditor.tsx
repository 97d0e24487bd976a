"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DRAFT_TITLE } from "@/lib/commands";
import { callApi, problemOf } from "../../components/api";
import { Problem } from "../../components/Problem";
import { useHydrated } from "../../components/useHydrated";

const patch = async (motionId: string, json: Record<string, unknown>) =>
  problemOf(await callApi(`/api/motions/${motionId}`, { method: "PATCH", json }));

/** A draft's wording, written by its moderator, who opens it to the space when it is ready. */
export function DraftEditor({
  motion,
}: {
  motion: { id: string; title: string; description: string };
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const hydrated = useHydrated();

  // The fields are read from the form when it is sent, so what was typed before the page came
  // alive is what is saved.
  const submit = async (form: HTMLFormElement, opening: boolean) => {
    const data = new FormData(form);
    const wording = { title: data.get("title"), description: data.get("description") };
    const refused = await patch(motion.id, wording);
    setProblem(refused);
    setSaved(refused ? null : "Draft saved.");
    if (refused || !opening) return;
    const notOpened = await patch(motion.id, { status: "open" });
    setProblem(notOpened);
    if (!notOpened) router.refresh();
  };

  return (
    <section className="panel draft-editor" aria-labelledby="draft-editor-heading">
      <h2 id="draft-editor-heading">This motion is a draft</h2>
      <p className="meta">
        Only the space's moderators see it. Word it, then open it to the space.
      </p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const submitter = (event.nativeEvent as SubmitEvent).submitter;
          void submit(event.currentTarget, submitter?.getAttribute("value") === "open");
        }}
      >
        <label htmlFor="draft-title">Title</label>
        <input
          id="draft-title"
          name="title"
          defaultValue={motion.title === DRAFT_TITLE ? "" : motion.title}
          placeholder="What the room will debate, as one sentence"
          required
          maxLength={300}
        />
        <label htmlFor="draft-description">Description</label>
        <textarea
          id="draft-description"
          name="description"
          defaultValue={motion.description}
          maxLength={5000}
        />
        <div className="actions">
          <button type="submit" className="secondary" value="save" disabled={!hydrated}>
            Save the draft
          </button>
          <button type="submit" value="open" disabled={!hydrated}>
            Open the motion
          </button>
        </div>
      </form>
      <p role="status" className="meta">
        {saved ?? ""}
      </p>
      <Problem text={problem} />
    </section>
  );
}
