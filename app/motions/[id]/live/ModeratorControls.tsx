"use client";

import { useEffect, useRef, useState } from "react";
import type { ArgumentNode } from "@/lib/debate";
import { Problem } from "../../../components/Problem";
import { useFocusKeeper } from "../../../components/useFocusKeeper";

export interface ModeratorActions {
  pinned: string[];
  spotlightId: string | null;
  onHide: (argumentId: string, reason: string) => Promise<string | null>;
  onRestore: (argumentId: string) => Promise<string | null>;
  onPin: (argumentId: string, pinned: boolean) => Promise<string | null>;
  onSpotlight: (argumentId: string | null) => Promise<string | null>;
  /** The members muted in the space: they read and vote, but post no more. */
  muted: ReadonlySet<string>;
  /** Mutes the author in the space, or lets them post again. */
  onMute: (userId: string, muted: boolean) => Promise<string | null>;
  /** The moderator's own id: nobody mutes themselves. */
  selfId: string | null;
}

/** What a moderator does with one argument: hide it (saying why), restore, pin, spotlight. */
export function ModeratorControls({
  node,
  actions,
}: {
  node: ArgumentNode;
  actions: ModeratorActions;
}) {
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  // The reason's field takes the place of the button that opened it: focus moves with it.
  useEffect(() => {
    if (hiding) reasonRef.current?.focus();
  }, [hiding]);
  // Hidden, restored or the hiding cancelled, the button pressed is gone: the focus goes to the
  // first of those that take its place (Restore, or Hide…).
  const controls = useRef<HTMLDivElement>(null);
  const { within, dropped } = useFocusKeeper();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of these is the trigger
  useEffect(() => {
    if (dropped()) controls.current?.querySelector<HTMLElement>("button, input")?.focus();
  }, [node.status, hiding, dropped]);
  const authorMuted = actions.muted.has(node.author.id);
  const run = async (work: Promise<string | null>) => {
    const refused = await work;
    setProblem(refused);
    return refused;
  };
  if (node.status === "hidden") {
    return (
      <div className="moderation" ref={controls} {...within}>
        <button type="button" className="secondary" onClick={() => run(actions.onRestore(node.id))}>
          Restore
        </button>
        <Problem text={problem} />
      </div>
    );
  }
  const pinned = actions.pinned.includes(node.id);
  const spotlit = actions.spotlightId === node.id;
  return (
    <div className="moderation" ref={controls} {...within}>
      {hiding ? (
        <form
          className="actions"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!(await run(actions.onHide(node.id, reason)))) setHiding(false);
          }}
        >
          <label htmlFor={`hide-${node.id}`}>Why hide it?</label>
          <input
            ref={reasonRef}
            id={`hide-${node.id}`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            maxLength={500}
          />
          <button type="submit">Hide</button>
          <button type="button" className="secondary" onClick={() => setHiding(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setHiding(true)}>
            Hide…
          </button>
          {/* A pin leads its side: a reply stays in its thread (one pinned before can be unpinned). */}
          {node.parentId === null || pinned ? (
            <button
              type="button"
              className="secondary"
              onClick={() => run(actions.onPin(node.id, !pinned))}
            >
              {pinned ? "Unpin" : "Pin"}
            </button>
          ) : null}
          <button
            type="button"
            className="secondary"
            onClick={() => run(actions.onSpotlight(spotlit ? null : node.id))}
          >
            {spotlit ? "Take off the screens" : "Spotlight"}
          </button>
          {node.author.id === actions.selfId ? null : (
            <button
              type="button"
              className="secondary"
              onClick={() => run(actions.onMute(node.author.id, !authorMuted))}
            >
              {authorMuted ? `Unmute ${node.author.name}` : `Mute ${node.author.name}`}
            </button>
          )}
        </div>
      )}
      <Problem text={problem} />
    </div>
  );
}
