import type { Metadata } from "next";
import Link from "next/link";
import { formatJoinCode, SpaceRole } from "@/lib/spaces";
import { ActionForm } from "../../components/ActionForm";
import { JoinQrCode } from "../../components/JoinQrCode";
import { KeepsFocus } from "../../components/KeepsFocus";
import { ReviewQueue } from "../../components/ReviewQueue";
import { RoleBadge } from "../../components/RoleBadge";
import { StatusBadge } from "../../components/StatusBadge";
import {
  changeMemberAction,
  createMotionAction,
  joinCodeAction,
  leaveSpaceAction,
  muteMemberAction,
} from "../actions";
import { markAllReadAction } from "../readingActions";
import { CopyLink } from "./CopyLink";
import { ImportDebate } from "./ImportDebate";
import { joinLinkFor } from "./joinLink";
import { loadSpace } from "./loadSpace";
import { MotionSources } from "./MotionSources";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** What the owner can do with the join code: replace it, and switch joining off while it is on. */
const joinCodeChoices = (on: boolean): [string, string][] =>
  on
    ? [
        ["rotate", "New code"],
        ["off", "Switch joining off"],
      ]
    : [["rotate", "Switch joining on"]];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadSpace((await params).id)).space.name };
}

export default async function SpacePage({ params }: Props) {
  const { actor, space, motions, members, documents, hasDocuments, toReview } = await loadSpace(
    (await params).id,
  );
  const joinLink =
    space.can.manageMembers && space.joinCode ? await joinLinkFor(space.joinCode) : null;
  const anyUnread = motions.some((m) => (m.unread ?? 0) > 0);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/spaces">Spaces</Link>
      </p>
      <h1>{space.name}</h1>
      <p className="meta">
        {space.role ? (
          <>
            You are {space.role === "owner" || space.role === "observer" ? "an" : "a"}{" "}
            <RoleBadge role={space.role} /> here.
          </>
        ) : space.visibility === "public" ? (
          actor.kind === "user" ? (
            "Open to everyone: you can take part."
          ) : (
            <>
              Open to everyone. <Link href="/signin">Sign in</Link> or{" "}
              <Link href="/join">join with a code</Link> to take part.
            </>
          )
        ) : null}
      </p>
      {space.can.manageMembers ? (
        <p>
          <Link className="button secondary" href={`/spaces/${space.id}/grades`}>
            Gradebook
          </Link>
        </p>
      ) : space.role === "participant" || space.role === "observer" ? (
        <p>
          <Link href={`/spaces/${space.id}/grades`}>Your grades</Link>
        </p>
      ) : null}

      {space.can.manageMembers ? (
        <section aria-labelledby="code-heading" className="panel join-panel">
          <h2 id="code-heading">Join code</h2>
          {space.joinCode && joinLink ? (
            <>
              <div className="join-details">
                <p className="join-code" data-testid="join-code">
                  {formatJoinCode(space.joinCode)}
                </p>
                <p className="meta">
                  Students scan the code, or open this link, and give their name. No account needed.
                </p>
                <CopyLink url={joinLink} />
              </div>
              <JoinQrCode url={joinLink} size={200} />
            </>
          ) : (
            <p className="empty">Joining by code is off.</p>
          )}
          {space.can.manageJoinCode ? (
            <KeepsFocus className="actions" after={space.joinCode ?? "off"}>
              {/* Keyed by label: a form whose button now does something else ("New code" turned
                  "Switch joining on") starts afresh, without the notice of what it did before. */}
              {joinCodeChoices(space.joinCode !== null).map(([action, label]) => (
                <ActionForm
                  key={label}
                  action={joinCodeAction}
                  submit={label}
                  pending="Changing…"
                  secondary
                  className=""
                >
                  <input type="hidden" name="spaceId" value={space.id} />
                  <input type="hidden" name="action" value={action} />
                </ActionForm>
              ))}
            </KeepsFocus>
          ) : null}
        </section>
      ) : null}

      {/* Nothing can need review in a space without documents: the motions come first there. */}
      {toReview && (hasDocuments || toReview.total > 0) ? (
        <ReviewQueue spaceId={space.id} page={toReview} />
      ) : null}

      <div className="two-columns">
        <section aria-labelledby="motions-heading">
          <KeepsFocus className="section-header" after={String(anyUnread)}>
            <h2 id="motions-heading" tabIndex={-1}>
              Motions
            </h2>
            {anyUnread ? (
              <ActionForm
                action={markAllReadAction}
                submit="Mark all read"
                pending="Marking…"
                secondary
                className=""
              >
                <input type="hidden" name="spaceId" value={space.id} />
              </ActionForm>
            ) : null}
          </KeepsFocus>
          {motions.length === 0 ? (
            <p className="empty">
              No motions yet.{" "}
              {space.can.createMotion ? (
                <>
                  <a href="#new-motion-heading">Create the first one</a> with the form below.
                </>
              ) : (
                "They appear here when a moderator creates one."
              )}
            </p>
          ) : (
            <ul className="card-list">
              {motions.map((motion) => (
                <li key={motion.id} className="card">
                  <h3 className="card-title">
                    <Link href={`/motions/${motion.id}`}>{motion.title}</Link>
                  </h3>
                  <StatusBadge status={motion.status} />
                  {motion.unread ? (
                    <>
                      {" "}
                      <span className="badge badge-new" data-testid="unread-count">
                        {motion.unread} new
                        <span className="visually-hidden">
                          {motion.unread === 1 ? " argument" : " arguments"} since your last visit
                        </span>
                      </span>
                    </>
                  ) : null}
                  {motion.description ? <p>{motion.description}</p> : null}
                </li>
              ))}
            </ul>
          )}

          {space.can.createMotion ? (
            <section aria-labelledby="new-motion-heading" className="panel">
              <h2 id="new-motion-heading" tabIndex={-1}>
                New motion
              </h2>
              <ActionForm
                action={createMotionAction}
                submit="Create motion"
                pending="Creating…"
                sendsClientId
              >
                <input type="hidden" name="spaceId" value={space.id} />
                <div className="field">
                  <label htmlFor="motion-title">Title</label>
                  <span className="hint" id="motion-title-hint">
                    A statement to argue for or against, e.g. “Joining the Abraham Accords serves
                    Kazakhstan”.
                  </span>
                  <input
                    id="motion-title"
                    name="title"
                    required
                    minLength={3}
                    maxLength={200}
                    aria-describedby="motion-title-hint"
                  />
                </div>
                <div className="field">
                  <label htmlFor="motion-description">Description</label>
                  <textarea id="motion-description" name="description" maxLength={2000} />
                </div>
                {hasDocuments ? (
                  <MotionSources documents={documents.map(({ id, title }) => ({ id, title }))} />
                ) : space.can.importDocument ? (
                  <p className="hint">
                    A motion can quote the passages it is drawn from, once the space has its reading
                    under <a href="#documents-heading">Documents</a>; or create it without.
                  </p>
                ) : null}
                {hasDocuments ? (
                  <label className="check">
                    <input type="checkbox" name="evidenceRequired" defaultChecked /> Every argument
                    must cite a passage of the space's documents
                  </label>
                ) : null}
              </ActionForm>
            </section>
          ) : null}

          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">Documents</h2>
            {documents.length === 0 ? (
              <p className="empty">
                No documents yet.{" "}
                {space.can.importDocument
                  ? "Add the class's reading: arguments cite its passages."
                  : "A moderator adds the reading here."}
              </p>
            ) : (
              <ul className="card-list">
                {documents.map((document) => (
                  <li key={document.id} className="card">
                    <h3 className="card-title">
                      <Link href={`/documents/${document.id}`}>{document.title}</Link>
                    </h3>
                    <p className="meta">
                      {document.author ?? "Author unknown"} · {document.blockCount} blocks
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {space.can.importDocument ? (
              <p>
                <Link className="button secondary" href={`/spaces/${space.id}/documents/new`}>
                  Add a document
                </Link>
              </p>
            ) : null}
          </section>

          {space.can.createMotion && space.can.importDocument ? (
            <ImportDebate spaceId={space.id} />
          ) : null}
        </section>

        <aside aria-label="Members">
          {members ? (
            <KeepsFocus after={String(members.length)} next="#members-heading">
              <section aria-labelledby="members-heading">
                <h2 id="members-heading" tabIndex={-1}>
                  Members ({members.length})
                </h2>
                {members.length === 0 ? (
                  <p className="empty">Nobody has joined this space.</p>
                ) : (
                  <ul className="member-list">
                    {members.map((member) => (
                      <li key={member.userId} className="member-row">
                        <span>
                          {member.name}
                          {member.userId === actor.id ? " (you)" : ""}{" "}
                          <RoleBadge role={member.role} guest={member.guest} />
                          {member.muted ? <span className="badge">Muted</span> : null}
                        </span>
                        {space.can.manageMembers && member.userId !== actor.id ? (
                          <ActionForm
                            action={changeMemberAction}
                            submit="Save"
                            pending="Saving…"
                            secondary
                            className=""
                          >
                            <input type="hidden" name="spaceId" value={space.id} />
                            <input type="hidden" name="userId" value={member.userId} />
                            <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                              Role of {member.name}
                            </label>
                            <select
                              id={`role-${member.userId}`}
                              name="role"
                              defaultValue={member.role}
                            >
                              {SpaceRole.options.map((role) => (
                                <option key={role} value={role}>
                                  {role[0]?.toUpperCase()}
                                  {role.slice(1)}
                                </option>
                              ))}
                              <option value="removed">Remove from space</option>
                            </select>
                          </ActionForm>
                        ) : null}
                        {space.can.manageMembers &&
                        (member.role === "participant" || member.role === "observer") ? (
                          <ActionForm
                            action={muteMemberAction}
                            submit={member.muted ? `Unmute ${member.name}` : `Mute ${member.name}`}
                            pending="Saving…"
                            secondary
                            className=""
                          >
                            <input type="hidden" name="spaceId" value={space.id} />
                            <input type="hidden" name="userId" value={member.userId} />
                            <input type="hidden" name="muted" value={String(!member.muted)} />
                          </ActionForm>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </KeepsFocus>
          ) : null}
          {space.role ? (
            <section aria-label="Leaving" className="leave-space">
              <p className="meta">
                If you leave, your arguments stay. To come back, join again with the space's code.
              </p>
              <ActionForm
                action={leaveSpaceAction}
                submit="Leave this space"
                pending="Leaving…"
                secondary
                className=""
              >
                <input type="hidden" name="spaceId" value={space.id} />
              </ActionForm>
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}
