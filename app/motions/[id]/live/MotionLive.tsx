"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ArgumentPageItem } from "@/lib/argumentPages";
import { newClientId } from "@/lib/clientId";
import type { CastVote, Citation } from "@/lib/commands";
import {
  type ArgumentNode,
  type ArgumentRelation,
  buildArgumentTree,
  citedPassages,
  sortArgumentTree,
} from "@/lib/debate";
import { movedUpBy, publicWords, ratedIntoView } from "@/lib/live";
import type { ReadingView } from "@/lib/reading";
import { postRefusal, voteRefusal } from "@/lib/session";
import { reuseUnchanged } from "@/lib/stableTree";
import { argumentAnchor } from "@/lib/threads";
import type { DocumentView, MemberView, MotionView } from "@/lib/views";
import { AuthPageLink } from "../../../components/AuthPageLink";
import { announceStatus } from "../../../components/LiveStatusBadge";
import { ApprovalQueue } from "./ApprovalQueue";
import type { ArgumentActions } from "./ArgumentItem";
import { ArgumentSides } from "./ArgumentSides";
import { Composer, type Draft } from "./Composer";
import { HoldNotice } from "./HoldNotice";
import { sendingArguments } from "./liveState";
import { moderatorCommands } from "./moderatorCommands";
import { NewSinceVisit } from "./NewSinceVisit";
import { PostedNote } from "./PostedNote";
import { type Highlight, Reader } from "./Reader";
import { ReaderSheet } from "./ReaderSheet";
import { RoomDock } from "./RoomDock";
import { RoomPresence } from "./RoomPresence";
import { readerMarks } from "./readerMarks";
import { SessionBar } from "./SessionBar";
import { SessionControls } from "./SessionControls";
import { withKey } from "./sets";
import { type ListKey, useArgumentPages } from "./useArgumentPages";
import { useLiveMotion } from "./useLiveMotion";
import { useRememberedOrder } from "./useRememberedOrder";
import { useThreads } from "./useThreads";
import { useWideScreen } from "./useWideScreen";
import { VotePanel } from "./VotePanel";
import { WhereIStand } from "./WhereIStand";

/** Focuses an argument's Reply button, or the composer if the argument is not on the page. */
function focusReplyOf(argumentId: string) {
  const item = document.getElementById(argumentAnchor(argumentId));
  const button = item?.querySelector<HTMLElement>(":scope > article .reply-button");
  (button ?? document.getElementById("argument-body"))?.focus();
}

/**
 * The motion's debate, live: the composer and the arguments first; beside them on a wide screen
 * the sources, the votes and the reader to cite from, which a phone opens over the composer.
 */
export function MotionLive({
  motion,
  documents,
  beside,
  viewer,
  members,
  reading = null,
}: {
  motion: MotionView;
  documents: DocumentView[];
  /** Beside the debate, after the votes: the motion's tools, its sources and what is not cited yet. */
  beside: ReactNode;
  viewer: { id: string; name: string; guest: boolean } | null;
  /** The space's members, for a moderator assigning speakers; empty for everyone else. */
  members: MemberView[];
  /** Where the signed-in reader stood before this visit; null for a visitor. */
  reading?: ReadingView | null;
}) {
  const live = useLiveMotion(motion);
  const router = useRouter();
  // What was new when the page opened stays new while it is open: the page drawn again (below)
  // reads the reader's marks as they are now, with this visit's own marks in them.
  const [visitReading] = useState(reading);
  // The seq the page was read at on this visit: what was new then is counted as of it.
  const [visitSeq] = useState(motion.seq);
  const [newBelowLoaded, setNewBelowLoaded] = useState<Readonly<Record<string, number>>>({});
  // A document got a new version (the reader must show the text the citations now point into),
  // or what the reader may do changed: the page is drawn again around the live debate.
  useEffect(() => {
    if (live.pageChanges > 0) router.refresh();
  }, [live.pageChanges, router]);
  const [draft, setDraft] = useState<Draft>({ parent: null, citations: [] });
  const [composerProblem, setComposerProblem] = useState<string | null>(null);
  const [order, setOrder] = useRememberedOrder();
  const [documentId, setDocumentId] = useState(
    motion.sources[0]?.documentId ?? documents[0]?.id ?? "",
  );
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [myRatings, setMyRatings] = useState(motion.mine.ratings);
  const [myAgreements, setMyAgreements] = useState(motion.mine.agreements);
  const [agreeProblem, setAgreeProblem] = useState<string | null>(null);
  const [myVotes, setMyVotes] = useState(motion.mine.votes);
  // The reader sits beside the debate on a wide screen; a phone opens it as a sheet, and keeps
  // the composer folded behind one button so the arguments come first.
  const wide = useWideScreen();
  const wideNow = useRef(wide);
  wideNow.current = wide;
  const [sheetOpen, setSheetOpen] = useState(false);
  const [composing, setComposing] = useState(false);
  // Asked to bring the composer's text box into view and focus, once it is drawn.
  const [focusAsked, askFocus] = useState(0);
  useEffect(() => {
    if (focusAsked > 0) document.getElementById("argument-body")?.focus();
  }, [focusAsked]);

  const sending = useMemo(
    () => sendingArguments(live.outbox, viewer, motion.id),
    [live.outbox, viewer, motion.id],
  );
  const refused = live.outbox.find((post) => post.refused);
  // A refused post goes back into the form, evidence and all, with the reason beside it.
  const restoredFor = useRef<string | null>(null);
  useEffect(() => {
    if (!refused || restoredFor.current === refused.payload.clientId) return;
    restoredFor.current = refused.payload.clientId;
    const parent = live.motion.arguments.find((a) => a.id === refused.payload.parentId) ?? null;
    setDraft({ parent, citations: refused.payload.citations ?? [] });
    setComposing(true);
  }, [refused, live.motion.arguments]);

  const moderates = motion.can.moderate;
  const { pinned, spotlightId, status, settings, session } = live.motion;
  // The badge at the top of the page is drawn outside this part: it hears the status from here.
  useEffect(() => {
    announceStatus({ motionId: motion.id, status });
  }, [motion.id, status]);
  // Moderators decide pending posts in their queue; the author sees theirs in place.
  const pending = live.motion.arguments.filter((a) => a.status === "pending");
  const previousTree = useRef<ArgumentNode[]>([]);
  const tree = useMemo(() => {
    // A rejected post stays with its author alone, who sees it with the reason.
    const inTree = live.motion.arguments.filter(
      (a) =>
        !(moderates && a.status === "pending") &&
        (a.status !== "rejected" || a.author.id === viewer?.id),
    );
    const sorted = sortArgumentTree(
      buildArgumentTree([...inTree, ...sending], { keepHidden: moderates }),
      order,
    );
    // Pinned arguments lead their side, in the order they were pinned.
    const rank = (id: string) => (pinned.includes(id) ? pinned.indexOf(id) : pinned.length);
    const next = reuseUnchanged(
      previousTree.current,
      [...sorted].sort((a, b) => rank(a.id) - rank(b.id)),
    );
    previousTree.current = next;
    return next;
  }, [live.motion.arguments, sending, order, moderates, pinned, viewer?.id]);
  const spotlight = live.motion.arguments.find(
    (a) => a.id === spotlightId && a.status === "published",
  );
  const locked = status !== "open";
  // Before the start, in a vote and after the end, a structured debate takes no posts at all.
  const noPosts =
    settings.format === "oxford" &&
    !moderates &&
    (session.phase === null || session.phase === "opening-vote" || session.phase === "final-vote");

  // Of a big debate, the passages cited across it, as the server counted them and since.
  const partial = live.motion.partial;
  const cited = useMemo(
    () => partial?.cited ?? citedPassages(live.motion.arguments),
    [partial, live.motion.arguments],
  );
  const marks = useMemo(() => readerMarks(motion.sources, cited), [motion.sources, cited]);

  const showCitation = useCallback((citation: Highlight) => {
    setDocumentId(citation.documentId);
    setHighlight({ documentId: citation.documentId, start: citation.start, end: citation.end });
    if (!wideNow.current) setSheetOpen(true);
    requestAnimationFrame(() => {
      const mark = document.getElementById("highlight");
      mark?.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  }, []);

  // Counts the posts sent from this page: each clears the note on the one before.
  const [postsSent, countPost] = useState(0);
  const post = (relation: ArgumentRelation, body: string) => {
    setComposerProblem(null);
    countPost((sent) => sent + 1);
    if (refused) live.dismiss(refused.payload.clientId);
    live.post({
      motionId: motion.id,
      clientId: newClientId(),
      parentId: draft.parent?.id ?? null,
      relation,
      body,
      citations: draft.citations,
    });
    setDraft({ parent: null, citations: [] });
    if (!wideNow.current) setComposing(false);
  };

  const selfId = viewer?.id ?? null;
  // Who is muted in the space, as the moderator's page read its members, then as they change it.
  const [muted, setMuted] = useState<ReadonlySet<string>>(
    () => new Set(members.filter((member) => member.muted).map((member) => member.userId)),
  );
  const markMuted = useCallback(
    (userId: string, isMuted: boolean) => setMuted((now) => withKey(now, userId, isMuted)),
    [],
  );
  const moderation = useMemo(
    () =>
      moderatorCommands(live.command, motion, { pinned, spotlightId, selfId, muted, markMuted }),
    [live.command, motion, pinned, spotlightId, selfId, muted, markMuted],
  );
  const canPost = motion.can.post && !locked && !noPosts;
  const canRate = motion.can.rate && !locked;
  const canEditOwn = motion.can.edit && !locked;
  const pendingIds = useMemo(() => new Set(sending.map((s) => s.id)), [sending]);
  const actions: ArgumentActions = useMemo(
    () => ({
      viewerId: viewer?.id ?? null,
      canPost,
      canEditOwn,
      canRate,
      myRatings,
      canAgree: motion.can.agree && !locked,
      showWhoAgreed: moderates && !settings.anonymous,
      myAgreements,
      onAgree: async (argumentId, stance) => {
        const before = myAgreements[argumentId];
        setMyAgreements((mine) => ({ ...mine, [argumentId]: stance }));
        const refused = await live.command("argument:agree", {
          argumentId,
          clientId: newClientId(),
          stance,
        });
        setAgreeProblem(refused);
        if (refused) {
          setMyAgreements((mine) => {
            const { [argumentId]: _, ...others } = mine;
            return before ? { ...others, [argumentId]: before } : others;
          });
        }
      },
      pending: pendingIds,
      pinned,
      onReply: (argument: ArgumentNode) => {
        setDraft((d) => ({ ...d, parent: argument }));
        setComposing(true);
        askFocus((n) => n + 1);
      },
      onShowCitation: showCitation,
      onRate: async (argumentId, score) => {
        const refused = await live.command("argument:rate", {
          argumentId,
          clientId: newClientId(),
          score,
        });
        if (!refused) setMyRatings((mine) => ({ ...mine, [argumentId]: score }));
        return refused;
      },
      onEdit: (argumentId, body) =>
        live.command("argument:edit", { argumentId, clientId: newClientId(), body }),
      onWithdraw: (argumentId) =>
        live.command("argument:withdraw", { argumentId, clientId: newClientId() }),
      moderator: moderates ? moderation.actions : null,
    }),
    [
      viewer?.id,
      canPost,
      canEditOwn,
      canRate,
      myRatings,
      myAgreements,
      locked,
      settings.anonymous,
      motion.can.agree,
      pendingIds,
      pinned,
      live.command,
      moderates,
      moderation.actions,
      showCitation,
    ],
  );

  const closedPhases = Object.fromEntries(
    (["before", "after"] as const).flatMap((phase) => {
      const why = voteRefusal(settings, session, phase);
      return why ? [[phase, why]] : [];
    }),
  );
  const postNote = viewer
    ? postRefusal(settings, session, {
        authorId: viewer.id,
        relation: session.sides[viewer.id] ?? "for",
        moderates,
      })
    : null;
  const onLoaded = useCallback(
    (page: { seq: number; arguments: ArgumentPageItem[]; generation: number }) => {
      live.hold(page);
      const counted = page.arguments.flatMap((item) =>
        item.newBelow === undefined ? [] : [[item.id, item.newBelow] as const],
      );
      if (counted.length > 0) {
        setNewBelowLoaded((now) => ({ ...now, ...Object.fromEntries(counted) }));
      }
      const rated = page.arguments.filter((item) => item.myRating !== null);
      if (rated.length > 0) {
        setMyRatings((mine) => ({
          ...Object.fromEntries(rated.map((item) => [item.id, item.myRating as number])),
          ...mine,
        }));
      }
    },
    [live.hold],
  );
  const pages = useArgumentPages({
    motionId: motion.id,
    partial: live.motion.partial,
    generation: live.generation,
    hold: onLoaded,
    newSince: visitReading ? { newSince: visitReading.lastSeq, asOf: visitSeq } : null,
  });
  // On a phone: folds the composer away, the focus back on the button that opens it.
  const closeComposer = useCallback(() => {
    setComposing(false);
    requestAnimationFrame(() => document.getElementById("composer-opener")?.focus());
  }, []);
  // Back to the argument the reply was for, rather than to the page's start with the button
  // gone: in a long debate it is far down the page.
  const cancelReply = () => {
    const from = draft.parent?.id;
    setDraft({ ...draft, parent: null });
    if (from) requestAnimationFrame(() => focusReplyOf(from));
  };
  const { walkedToEnd } = pages;
  const statusOf = useCallback(
    (argumentId: string) =>
      live.motion.arguments.find((argument) => argument.id === argumentId)?.status ??
      live.motion.outside?.[argumentId]?.status,
    [live.motion],
  );
  const repliesWalked = useCallback(
    (argumentId: string) => walkedToEnd(argumentId, order),
    [walkedToEnd, order],
  );
  // The spotlight, pinned arguments and, for a moderator, posts waiting for approval show
  // whatever part of the debate the page holds: what it lacks comes with the thread above it.
  const fetchedFor = useRef(new Set<string>());
  const held = useMemo(
    () => new Set(live.motion.arguments.map((a) => a.id)),
    [live.motion.arguments],
  );
  const { outside } = live.motion;
  const { generation } = live;
  const waitingOutside = useMemo(
    () =>
      moderates
        ? Object.entries(outside ?? {})
            .filter(([, argument]) => argument.status === "pending")
            .map(([id]) => id)
        : [],
    [moderates, outside],
  );
  const movedUp = useMemo(
    () => (order === "activity" || order === "replies" ? movedUpBy(outside, held) : []),
    [order, outside, held],
  );
  // In "Strongest first", the same for an argument a rating lifted into what its list shows.
  const ratedUp = useMemo(
    () => (order === "strength" ? ratedIntoView(live.motion) : []),
    [order, live.motion],
  );
  useEffect(() => {
    const wanted = [
      ...(spotlightId ? [spotlightId] : []),
      ...pinned,
      ...waitingOutside,
      ...movedUp,
      ...ratedUp,
    ];
    for (const id of wanted) {
      // Asked for once per reading of the motion: a new reading holds none of it.
      const asked = `${generation}:${id}`;
      if (held.has(id) || fetchedFor.current.has(asked)) continue;
      fetchedFor.current.add(asked);
      void pages.loadBranch(id);
    }
  }, [spotlightId, pinned, waitingOutside, movedUp, ratedUp, held, generation, pages.loadBranch]);
  const { loadMore } = pages;
  const loadReplies = useCallback(
    (node: ArgumentNode) => loadMore(node.id, order, node.children.length),
    [loadMore, order],
  );
  const { thread, newCount } = useThreads({
    motionId: motion.id,
    live,
    reading: visitReading,
    newBelowLoaded,
    viewerId: viewer?.id ?? null,
    loadBranch: pages.loadBranch,
    loadReplies,
    isLoading: pages.isLoading,
    walkedToEnd: repliesWalked,
    generation: live.generation,
  });
  // New below the threads but not loaded: what their "Show replies" counts beyond the held ones.
  // Not on a first visit, when nothing is new (useThreads' newCount).
  const newNotLoaded = !visitReading?.lastSeq
    ? 0
    : Math.max(
        0,
        tree.reduce(
          (sum, root) => sum + (thread.isNew(root.id) ? 1 : 0) + thread.newReplies(root),
          0,
        ) - newCount,
      );
  // Held top-level arguments of a side, as the server counts them (waiting ones too).
  const heldOn = useCallback(
    (side: ListKey) =>
      live.motion.arguments.filter((a) => a.relation === side && a.parentId === null).length,
    [live.motion.arguments],
  );
  // A new order of a big debate, or the debate read whole again (its start in its first order)
  // while the reader reads it in another: each side's first arguments in the reader's order,
  // where not all are held.
  const readIn = useRef({ order, generation });
  useEffect(() => {
    const before = readIn.current;
    if (!partial || (before.order === order && before.generation === generation)) return;
    readIn.current = { order, generation };
    if (before.order === order && partial.order === order) return;
    for (const side of ["for", "against"] as const) {
      if (heldOn(side) < partial.totals[side]) void loadMore(side, order, 0);
    }
  }, [order, generation, partial, loadMore, heldOn]);

  const canVote = motion.can.vote && !locked;
  // A structured debate's vote phase the reader has yet to vote in: they are prompted to. Not a
  // moderator, who runs the vote (and may still cast one in the panel).
  const voteOpen =
    settings.format === "oxford" && canVote && !motion.can.moderate
      ? (["before", "after"] as const).find((phase) => !closedPhases[phase] && !myVotes[phase])
      : undefined;
  const vote = useCallback(
    async (payload: CastVote) => {
      const refused = await live.command("motion:vote", payload);
      if (!refused) setMyVotes((mine) => ({ ...mine, [payload.phase]: payload.stance }));
      return refused;
    },
    [live.command],
  );

  const reader = (
    <Reader
      documents={documents}
      marks={marks}
      args={live.motion.arguments}
      cited={partial?.cited ?? null}
      highlight={highlight}
      documentId={documentId}
      onDocument={setDocumentId}
      canCite={motion.can.post}
      onShow={showCitation}
      onCite={(citation: Citation) => {
        setDraft((d) => ({ ...d, citations: [...d.citations, citation] }));
        // On a phone, back to the composer with the quote attached.
        if (!wideNow.current) {
          setSheetOpen(false);
          setComposing(true);
        }
      }}
    />
  );

  return (
    <div className="debate">
      <RoomDock
        connection={live.connection}
        waiting={live.outbox.filter((post) => !post.refused).length}
        voteOpen={voteOpen ?? null}
      />
      <SessionBar
        settings={settings}
        session={session}
        clockOffset={live.clockOffset}
        mySide={viewer ? (session.sides[viewer.id] ?? null) : null}
      />
      {moderates ? (
        <>
          <SessionControls
            spaceId={motion.spaceId}
            status={status}
            settings={settings}
            session={session}
            members={members}
            commands={moderation.session}
          />
          {settings.approvalRequired || pending.length > 0 ? (
            <ApprovalQueue pending={pending} commands={moderation.approvals} />
          ) : null}
        </>
      ) : null}
      {spotlight ? (
        <aside className="spotlight panel" aria-label="In the spotlight">
          <p className="meta">In the spotlight · {spotlight.author.name}</p>
          <p className="argument-body">{spotlight.body}</p>
        </aside>
      ) : null}
      <p className={locked ? "empty" : "visually-hidden"} role="status">
        {locked
          ? `This motion is ${status === "draft" ? "a draft" : status}: it can be read, but takes no posts, votes or ratings.`
          : ""}
      </p>
      <div className="debate-layout">
        <div className="debate-main">
          <HoldNotice until={live.holdUntil} />
          {thread.linkProblem || pages.problem || agreeProblem ? (
            <p className="problem" role="alert">
              {thread.linkProblem ?? pages.problem ?? agreeProblem}
            </p>
          ) : null}
          {postNote && motion.can.post && !locked ? <p className="empty">{postNote}</p> : null}
          {settings.approvalRequired && !moderates && motion.can.post ? (
            <p className="meta">A moderator approves each post before the others see it.</p>
          ) : null}
          {motion.can.post && !locked && !noPosts ? (
            <>
              <PostedNote motionId={motion.id} writing={postsSent} statusOf={statusOf} />
              {composing ? null : (
                <button
                  type="button"
                  id="composer-opener"
                  className="composer-opener"
                  onClick={() => {
                    setComposing(true);
                    askFocus((n) => n + 1);
                  }}
                >
                  Make an argument
                </button>
              )}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape from any of its fields folds the composer on a phone, as its Close button does, and on a wide screen cancels a reply, as Cancel reply does */}
              <div
                className={composing ? "composer-slot open" : "composer-slot"}
                onKeyDown={(event) => {
                  if (event.key !== "Escape") return;
                  if (composing && !wide) closeComposer();
                  else if (wide && draft.parent) cancelReply();
                }}
              >
                <Composer
                  draft={draft}
                  evidenceRequired={settings.evidenceRequired}
                  onPost={post}
                  onCancelReply={cancelReply}
                  onRemoveCitation={(index) =>
                    setDraft({ ...draft, citations: draft.citations.filter((_, i) => i !== index) })
                  }
                  restore={refused ? refused.payload : null}
                  hasDocuments={documents.length > 0}
                  onOpenReader={documents.length > 0 && !wide ? () => setSheetOpen(true) : null}
                  onClose={closeComposer}
                  problem={
                    composerProblem ??
                    (refused ? `Your argument was not posted: ${refused.refused}` : null)
                  }
                />
              </div>
            </>
          ) : locked || noPosts ? null : viewer ? (
            <p className="empty">
              {motion.can.postRefusal ?? "You can read and vote here, but not post."}
            </p>
          ) : (
            <p className="empty take-part">
              <AuthPageLink to="/signin">Sign in</AuthPageLink>,{" "}
              <Link href="/join">join with a code</Link> or{" "}
              <AuthPageLink to="/signup">create an account</AuthPageLink> to take part.
            </p>
          )}
          {viewer?.guest ? (
            <p className="meta guest-offer">
              You take part as a guest, in this space only.{" "}
              <AuthPageLink to="/signup">Create account</AuthPageLink> to sign in with your own
              email and password and join other spaces too.
            </p>
          ) : null}

          <NewSinceVisit count={newCount} notLoaded={newNotLoaded} />
          <ArgumentSides
            tree={tree}
            order={order}
            onOrder={setOrder}
            partial={partial}
            heldOn={heldOn}
            walkedToEnd={walkedToEnd}
            endOf={pages.endOf}
            isLoading={pages.isLoading}
            loadMore={loadMore}
            actions={actions}
            thread={thread}
          />
        </div>
        <aside className="debate-side" aria-label="Documents, votes and sources">
          {documents.length > 0 && wide ? (
            <section
              id="reader"
              className="reader-panel"
              aria-labelledby="reader-heading"
              tabIndex={-1}
            >
              <h2 id="reader-heading">Documents to cite from</h2>
              {canPost ? <a href="#argument-body">Back to your argument</a> : null}
              {reader}
            </section>
          ) : null}
          <VotePanel
            motionId={motion.id}
            votes={live.motion.votes}
            mine={motion.mine.votes}
            canVote={canVote}
            closedPhases={closedPhases}
            timing={live.motion}
            vote={vote}
          />
          <RoomPresence here={live.presence} />
          {/* Above the panels that fill in after load, so its links stay where they were drawn. */}
          {beside}
          <WhereIStand
            motionId={motion.id}
            update={live.opinions}
            bodyOf={(id, others) => publicWords(live.motion, id, others)}
            canJudge={motion.can.agree && status === "open"}
            moderates={moderates}
          />
        </aside>
      </div>
      {documents.length > 0 && !wide ? (
        <ReaderSheet open={sheetOpen} onClose={() => setSheetOpen(false)}>
          {reader}
        </ReaderSheet>
      ) : null}
    </div>
  );
}
