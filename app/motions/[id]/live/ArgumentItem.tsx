"use client";

import { memo, useState } from "react";
import {
  type AgreementStance,
  type ArgumentNode,
  type CitationView,
  repliesToLoad,
  replyCount,
  sideOfReply,
} from "@/lib/debate";
import { scoreOption, scores, strengthSummary } from "@/lib/ratingScale";
import { argumentAnchor } from "@/lib/threads";
import { citedHref } from "../../../components/citedHref";
import { Problem } from "../../../components/Problem";
import { AgreementControl } from "./AgreementControl";
import { CitedQuote } from "./CitedQuote";
import { type ModeratorActions, ModeratorControls } from "./ModeratorControls";
import { useFocusOnArrival } from "./useFocusOnArrival";

const relationLabel = { for: "For", against: "Against", supports: "Supports", attacks: "Attacks" };

export interface ArgumentActions {
  viewerId: string | null;
  canPost: boolean;
  /** The reader may edit or withdraw their own arguments (a muted member may not). */
  canEditOwn: boolean;
  canRate: boolean;
  myRatings: Record<string, number>;
  canAgree: boolean;
  /** The reader moderates a motion that is not anonymous: who agreed is theirs to see. */
  showWhoAgreed: boolean;
  myAgreements: Record<string, AgreementStance>;
  onAgree: (argumentId: string, stance: AgreementStance) => void;
  onReply: (argument: ArgumentNode) => void;
  onShowCitation: (citation: CitationView) => void;
  onRate: (argumentId: string, score: number) => Promise<string | null>;
  onEdit: (argumentId: string, body: string) => Promise<string | null>;
  onWithdraw: (argumentId: string) => Promise<string | null>;
  /** Posts on their way, by client id: shown as "Sending…" or with why they were refused. */
  pending: Set<string>;
  /** The arguments a moderator pinned at the top of their side: marked so for everyone. */
  pinned: readonly string[];
  /** Present for the space's owners and moderators. */
  moderator: ModeratorActions | null;
}

/** What the page knows of the reader's reading: what is new, which branches show, what a link points at. */
export interface ThreadView {
  isNew: (argumentId: string) => boolean;
  /** How many replies below it, at any depth, are new to the reader, held by the page or not. */
  newReplies: (node: ArgumentNode) => number;
  /** Whether the reader has read every argument of the node's replies. */
  repliesRead: (node: ArgumentNode) => boolean;
  repliesShown: (node: ArgumentNode) => boolean;
  /** Opens or folds its replies; opening loads them where the page does not hold them yet. */
  onToggleReplies: (node: ArgumentNode, shown: boolean) => void;
  /** Loads the next page of replies the page does not hold yet (a big debate). */
  loadReplies: (node: ArgumentNode) => void;
  isLoading: (argumentId: string) => boolean;
  /** Whether its replies were read to their end: what they still count is not shown. */
  walkedToEnd: (argumentId: string) => boolean;
  /** The argument the page's address links to (#argument-<id>), highlighted. */
  linkedId: string | null;
}

function Strength({ node }: { node: ArgumentNode }) {
  return <span className="strength">{strengthSummary(node.strength)}</span>;
}

/**
 * One argument, its evidence and what the viewer may do with it, and its replies below. Drawn
 * again only when its node, the actions or the thread view change: a live event changes the
 * nodes along its path alone (see reuseUnchanged). The inner function is named apart from the
 * memo: named ArgumentItem too, the replies below would call it bare by that name and be drawn
 * again with every redraw of their parent.
 */
export const ArgumentItem = memo(function ArgumentWithReplies({
  node,
  side,
  actions,
  thread,
}: {
  node: ArgumentNode;
  /** The side of the motion it counts for, so that an attack on a For argument reads as against. */
  side: "for" | "against";
  actions: ArgumentActions;
  thread: ThreadView;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(node.body);
  const [problem, setProblem] = useState<string | null>(null);
  const mine = actions.viewerId === node.author.id;
  const hiddenFromViewer = node.status === "hidden" && !actions.moderator;
  const withdrawn = node.status === "withdrawn" || hiddenFromViewer;
  const pinned = actions.pinned.includes(node.id);
  const sending = actions.pending.has(node.id);
  const fresh = thread.isNew(node.id);
  const linked = thread.linkedId === node.id;
  // Read to their end, the replies held are all there is to show (the counts may include
  // posts waiting in a moderator's queue, or gone since).
  const walked = thread.walkedToEnd(node.id);
  const replies = walked
    ? node.children.reduce((sum, child) => sum + 1 + replyCount(child), 0)
    : replyCount(node);
  const repliesShown = thread.repliesShown(node);
  const toLoad = walked ? 0 : repliesToLoad(node);
  const loading = thread.isLoading(node.id);
  const fresher = thread.newReplies(node);
  const askedForMore = useFocusOnArrival(
    node.children.map((child) => child.id),
    loading,
  );

  const run = async (work: Promise<string | null>) => setProblem(await work);

  return (
    <li
      id={argumentAnchor(node.id)}
      className={`argument argument-${node.relation} argument-side-${side}${sending ? " sending" : ""}${fresh ? " argument-new" : ""}${linked ? " argument-linked" : ""}`}
      data-linked={linked ? "true" : undefined}
      // Focusable only while linked, so the link's target is where keyboard reading resumes.
      tabIndex={linked ? -1 : undefined}
    >
      <article
        aria-label={`${relationLabel[node.relation]}: ${hiddenFromViewer ? "hidden" : withdrawn ? "withdrawn" : node.author.name}${fresh ? ", new" : ""}`}
      >
        <p className="meta">
          {fresh ? (
            <>
              <span className="badge badge-new">New</span>{" "}
            </>
          ) : null}
          <span className="relation">{relationLabel[node.relation]}</span>
          {node.parentId ? <span className="relation-side"> · {side} the motion</span> : null} ·{" "}
          {node.author.name}
          {node.editedAt ? " · edited" : ""}
          {node.status === "hidden" && !hiddenFromViewer ? " · hidden from participants" : ""}
          {pinned ? " · pinned" : ""}
          {node.status === "pending" ? " · waiting for a moderator's approval" : ""}
          {node.status === "rejected" ? " · not approved" : ""}
          {sending ? " · Sending…" : ""}
        </p>
        {withdrawn ? (
          <p className="withdrawn">
            {hiddenFromViewer ? "Hidden by a moderator." : "Withdrawn by its author."}
          </p>
        ) : editing ? (
          <form
            onSubmit={async (event) => {
              event.preventDefault();
              const refused = await actions.onEdit(node.id, text);
              setProblem(refused);
              if (!refused) setEditing(false);
            }}
          >
            <label className="visually-hidden" htmlFor={`edit-${node.id}`}>
              Edit your argument
            </label>
            <textarea
              id={`edit-${node.id}`}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <div className="actions">
              <button type="submit">Save</button>
              <button type="button" className="secondary" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <p className="argument-body">{node.body}</p>
        )}
        {!withdrawn && node.citations.length > 0 ? (
          <ul className="citations">
            {node.citations.map((citation) => (
              <li key={`${citation.documentId}-${citation.start}-${citation.end}`}>
                <CitedQuote text={citation.exact} />
                {citation.anchor.status === "fuzzy" ||
                citation.anchor.status === "orphaned" ||
                citation.anchor.text ? (
                  <p className="evidence-changed">
                    <span className="badge">Evidence changed</span>{" "}
                    {citation.anchor.status === "orphaned"
                      ? "The document's new version no longer says this."
                      : `The document's new version reads here: “${citation.anchor.text ?? ""}”.`}{" "}
                    <a href={citedHref(citation)}>Read it as cited</a>
                  </p>
                ) : null}
                {citation.anchor.start === null ? null : (
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      actions.onShowCitation({
                        ...citation,
                        start: citation.anchor.start ?? citation.start,
                        end: citation.anchor.end ?? citation.end,
                      })
                    }
                  >
                    Show in the document
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {withdrawn || sending || node.status !== "published" ? null : (
          <div className="argument-actions">
            <Strength node={node} />
            {/* One's own argument is for others to rate (docs/protocol.md, P-CMD-6). */}
            {actions.canRate && !mine ? (
              <label>
                Your rating{" "}
                <select
                  value={actions.myRatings[node.id] ?? ""}
                  onChange={(e) => run(actions.onRate(node.id, Number(e.target.value)))}
                >
                  <option value="" disabled>
                    –
                  </option>
                  {scores.map((score) => (
                    <option key={score} value={score}>
                      {scoreOption(score)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <AgreementControl
              argumentId={node.id}
              counts={node.agreement}
              mine={actions.myAgreements[node.id]}
              // One's own argument: one stands by it; the others say whether they agree.
              canAgree={actions.canAgree && !mine}
              showWho={actions.showWhoAgreed}
              onAgree={actions.onAgree}
            />
            {actions.canPost ? (
              <button
                type="button"
                className="secondary reply-button"
                onClick={() => actions.onReply(node)}
              >
                Reply
              </button>
            ) : null}
            {mine && actions.canEditOwn && !editing ? (
              <>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setText(node.body);
                    setEditing(true);
                  }}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    if (window.confirm("Withdraw this argument? Replies to it stay.")) {
                      void run(actions.onWithdraw(node.id));
                    }
                  }}
                >
                  Withdraw
                </button>
              </>
            ) : null}
          </div>
        )}
        {!withdrawn && node.detached && node.detached.length > 0 ? (
          <p className="evidence-changed">
            A moderator detached {node.detached.map((quote) => `“${quote}”`).join(", ")}: the
            document no longer says it.
          </p>
        ) : null}
        {node.status === "rejected" ? (
          <p className="problem">
            A moderator did not approve this argument; only you see it.
            {node.rejectionReason ? ` Their reason: ${node.rejectionReason}` : ""}
          </p>
        ) : null}
        <Problem text={problem} />
        {actions.moderator &&
        !sending &&
        (node.status === "published" || node.status === "hidden") ? (
          <ModeratorControls node={node} actions={actions.moderator} />
        ) : null}
      </article>
      {replies > 0 ? (
        <button
          type="button"
          className="link replies-toggle"
          aria-expanded={repliesShown}
          aria-controls={repliesShown ? `replies-${node.id}` : undefined}
          onClick={() => thread.onToggleReplies(node, !repliesShown)}
        >
          {repliesShown ? "Hide" : "Show"} {replies}
          {!repliesShown && thread.repliesRead(node) ? " earlier" : ""}{" "}
          {replies === 1 ? "reply" : "replies"}
          {!repliesShown && fresher > 0 ? `, ${fresher} new` : ""}
        </button>
      ) : null}
      {replies > 0 && repliesShown ? (
        <ul className="argument-tree" id={`replies-${node.id}`} aria-busy={loading}>
          {node.children.map((child) => (
            <ArgumentItem
              key={child.id}
              node={child}
              side={sideOfReply(side, child.relation)}
              actions={actions}
              thread={thread}
            />
          ))}
          {toLoad > 0 ? (
            <li className="more-replies">
              <button
                type="button"
                className="link"
                aria-disabled={loading || undefined}
                onClick={() => {
                  if (loading) return;
                  askedForMore();
                  thread.loadReplies(node);
                }}
              >
                {loading
                  ? "Loading replies…"
                  : `Show ${node.children.length > 0 ? `${toLoad} more` : toLoad} ${toLoad === 1 ? "reply" : "replies"}`}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
});
