import Link from "next/link";
import { pageActor } from "@/server/auth/pageActor";
import { featuredMotionId } from "@/server/demo/featuredMotion";
import { listMotions } from "@/server/domain/debate/queries";
import { listDocuments } from "@/server/domain/library/queries";
import { readableSpaces } from "@/server/domain/spaces/queries";
import { runtime } from "@/server/runtime";
import { AuthPageLink } from "./components/AuthPageLink";
import { SpaceCards } from "./components/SpaceCards";
import { StatusBadge } from "./components/StatusBadge";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ account?: string }> };

export default async function HomePage({ searchParams }: Props) {
  const { account } = await searchParams;
  const { store } = runtime();
  const actor = await pageActor();
  const [motions, documents, spaces, featured] = await Promise.all([
    listMotions(store, actor),
    listDocuments(store, actor),
    readableSpaces(store, actor),
    featuredMotionId(store),
  ]);
  const mine = spaces.filter(({ role }) => role !== null);
  const tryDebate = motions.some((m) => m.id === featured) ? `/motions/${featured}` : null;

  return (
    <>
      {account === "deleted" && actor.kind !== "user" ? (
        <p role="status" className="notice">
          Your account is deleted and you are signed out. What you wrote stays in its debates as by
          &ldquo;Deleted member&rdquo;.
        </p>
      ) : null}
      {mine.length > 0 ? (
        <section aria-labelledby="spaces-heading">
          <h1 id="spaces-heading">Your spaces</h1>
          <SpaceCards spaces={mine} heading="h2" />
        </section>
      ) : (
        <section aria-labelledby="intro-heading" className="intro">
          <h1 id="intro-heading">Debate from the sources</h1>
          <p className="lead">
            Moot is a live debate room: you argue for or against a motion, and every argument points
            to the exact passage of a source it rests on.
          </p>
          <p className="actions">
            {tryDebate ? (
              <Link href={tryDebate} className="button">
                Try a debate
              </Link>
            ) : null}
            {actor.kind === "user" ? null : (
              <AuthPageLink to="/signup" className="button secondary">
                Sign up
              </AuthPageLink>
            )}
          </p>
        </section>
      )}

      <section aria-labelledby="motions-heading">
        <h2 id="motions-heading">Motions</h2>
        <p className="lead">
          Each motion is drawn from passages of the library below. Open one to read its sources and
          the arguments for and against it.
        </p>
        {motions.length === 0 ? (
          <p className="empty">
            No motions yet. Motions appear here once a moderator drafts one from the library.
          </p>
        ) : (
          <ul className="card-list">
            {motions.map((motion) => {
              const sourceDocuments = [
                ...new Map(motion.sources.map((s) => [s.documentId, s.documentTitle])),
              ];
              return (
                <li key={motion.id} className="card">
                  <h3 className="card-title">
                    <Link href={`/motions/${motion.id}`}>{motion.title}</Link>
                  </h3>
                  <p className="meta">
                    <StatusBadge status={motion.status} />{" "}
                    {motion.sampleDebate ? (
                      <>
                        <span className="badge badge-sample">Sample debate</span>{" "}
                      </>
                    ) : null}
                    {motion.sources.length === 0
                      ? "No source passages yet"
                      : `${motion.sources.length} source passage${motion.sources.length === 1 ? "" : "s"}`}
                  </p>
                  <p>{motion.description}</p>
                  {sourceDocuments.length === 0 ? null : (
                    <p className="meta">
                      Drawn from:{" "}
                      {sourceDocuments.map(([id, title], i) => (
                        <span key={id}>
                          {i > 0 && "; "}
                          <Link href={`/documents/${id}`}>{title}</Link>
                        </span>
                      ))}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section id="library" aria-labelledby="library-heading">
        <h2 id="library-heading">Library</h2>
        {documents.length === 0 ? (
          <p className="empty">The library is empty. Documents appear here once imported.</p>
        ) : (
          <ul className="card-list">
            {documents.map((document) => (
              <li key={document.id} className="card">
                <h3 className="card-title">
                  <Link href={`/documents/${document.id}`}>{document.title}</Link>
                </h3>
                <p className="meta">
                  {[document.author ?? "Author unknown", document.publisher, document.publishedAt]
                    .filter(Boolean)
                    .join(" · ")}
                  {" · "}
                  {document.blockCount} blocks
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
