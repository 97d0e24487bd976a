"use client";

import { useEffect, useRef, useState } from "react";
import { relationLabels } from "@/lib/argumentMap";
import type { ArgumentView } from "@/lib/debate";
import { Problem } from "../../../components/Problem";
import { useFocusKeeper } from "../../../components/useFocusKeeper";

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
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Where in the queue the focus was last: a post approved or rejected there (by this moderator
  // or another) leaves it, and the focus goes on to the post now in its place, the last one if
  // it was last, or to the heading once the queue is empty.
  const place = useRef(0);
  const { within, dropped } = useFocusKeeper();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of the queue is the trigger
  useEffect(() => {
    if (!dropped()) return;
    const posts = list.current?.children ?? [];
    const next = posts[Math.min(place.current, posts.length - 1)];
    (next?.querySelector("button") ?? heading.current)?.focus();
  }, [pending, dropped]);
  return (
    <section className="panel approval-queue" aria-labelledby="approval-heading" {...within}>
      <h2 id="approval-heading" ref={heading} tabIndex={-1}>
        Waiting for approval ({pending.length})
      </h2>
      {pending.length === 0 ? (
        <p className="empty">Nothing waiting. New posts from participants appear here first.</p>
      ) : (
        <ul
          className="plain"
          ref={list}
          onFocus={(event) => {
            const post = event.target.closest("li.pending-post");
            const at = post ? Array.prototype.indexOf.call(event.currentTarget.children, post) : -1;
            if (at >= 0) place.current = at;
          }}
        >
          {pending.map((argument) => (
            <PendingPost key={argument.id} argument={argument} commands={commands} />
          ))}
        </ul>
      )}
    </section>
  );
}
