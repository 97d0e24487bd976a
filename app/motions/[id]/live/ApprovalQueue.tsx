"use client";

import { useState } from "react";
import { relationLabels } from "@/lib/argumentMap";
import type { ArgumentView } from "@/lib/debate";
import { Problem } from "../../../components/Problem";

export interface ApprovalCommands {
  approve: (argumentId: string) => Promise<string | null>;
  reject: (argumentId: string, reason: string) => Promise<string | null>;
}

function PendingPost({
  argument,
  commands,
}: {
  argument: ArgumentView;
  commands: ApprovalCommands;
}) {
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const reasonId = `reject-reason-${argument.id}`;
  return (
    <li className="pending-post">
      <p className="meta">
        {relationLabels[argument.relation]} · {argument.author.name}
      </p>
      <p className="argument-body">{argument.body}</p>
      {argument.citations.map((c) => (
        <blockquote key={`${c.documentId}-${c.start}`}>
          <p>{c.exact}</p>
        </blockquote>
      ))}
      <div className="actions">
        <button type="button" onClick={async () => setProblem(await commands.approve(argument.id))}>
          Approve
        </button>
        <label htmlFor={reasonId} className="visually-hidden">
          Why reject it (the author sees this)
        </label>
        <input
          id={reasonId}
          placeholder="Reason (optional)"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type="button"
          className="secondary"
          onClick={async () => setProblem(await commands.reject(argument.id, reason))}
        >
          Reject
        </button>
      </div>
      <Problem text={problem} />
    </li>
  );
}

/** Posts waiting for a moderator: nobody but their authors and the moderators sees them yet. */
export function ApprovalQueue({
  pending,
  commands,
}: {
  pending: ArgumentView[];
  commands: ApprovalCommands;
}) {
  return (
    <section className="panel approval-queue" aria-labelledby="approval-heading">
      <h2 id="approval-heading">Waiting for approval ({pending.length})</h2>
      {pending.length === 0 ? (
        <p className="empty">Nothing waiting. New posts from participants appear here first.</p>
      ) : (
        <ul className="plain">
          {pending.map((argument) => (
            <PendingPost key={argument.id} argument={argument} commands={commands} />
          ))}
        </ul>
      )}
    </section>
  );
}
