import Link from "next/link";
import type { MotionView } from "@/lib/views";
import type { UncitedPassage } from "@/server/domain/library/coverage";
import { sourceMarkId } from "@/server/domain/library/passages";
import { citedHref } from "../../components/citedHref";

const EXCERPT_WORDS = 10;

/** The opening words of a paragraph: enough to find it, without repeating the passage above. */
const opening = (text: string) => {
  const words = text.split(/\s+/);
  return words.length > EXCERPT_WORDS ? `${words.slice(0, EXCERPT_WORDS).join(" ")}…` : text;
};

export const uncitedHref = (p: Pick<UncitedPassage, "documentId" | "start" | "end">) =>
  `/documents/${p.documentId}?from=${p.start}&to=${p.end}#cited`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summaryOf(sources: number, uncited: UncitedPassage[] | null) {
  const passages = plural(sources, "passage", "passages");
  if (uncited === null) return `Sources: ${passages}`;
  if (uncited.length === 0) return `Sources: ${passages}, all cited`;
  return `Sources: ${passages}, ${plural(uncited.length, "paragraph", "paragraphs")} not yet cited`;
}

/**
 * The passages the motion is drawn from and, among their paragraphs, those no argument cites
 * yet: one folded block, each passage quoted once and each uncited paragraph named by its
 * opening words.
 */
export function SourcesBlock({
  motion,
  uncited,
}: {
  motion: Pick<MotionView, "id" | "sources">;
  /** Null where the coverage is not known (a draft). */
  uncited: UncitedPassage[] | null;
}) {
  if (motion.sources.length === 0) {
    return <p className="meta sources-none">This motion names no source passage.</p>;
  }
  return (
    <details className="sources-block">
      <summary>{summaryOf(motion.sources.length, uncited)}</summary>
      <ol className="sources">
        {motion.sources.map((source, position) => {
          const mark = sourceMarkId(motion.id, position);
          return (
            <li key={mark}>
              <blockquote>
                <p>{source.exact}</p>
              </blockquote>
              <p className="meta">
                {source.anchor.text ? (
                  <>
                    Changed in the current version, which reads “{source.anchor.text}”:{" "}
                    <Link href={citedHref(source)}>read passage {position + 1} as it was</Link>
                  </>
                ) : source.anchor.start === null ? (
                  <>
                    Gone from the current version:{" "}
                    <Link href={citedHref(source)}>read passage {position + 1} as it was</Link>
                  </>
                ) : (
                  <Link href={`/documents/${source.documentId}?passage=${mark}#${mark}`}>
                    Read passage {position + 1} in context
                  </Link>
                )}{" "}
                in <cite>{source.documentTitle}</cite>
              </p>
            </li>
          );
        })}
      </ol>
      {uncited ? (
        <section aria-labelledby="uncited-heading" className="uncited">
          <h3 id="uncited-heading">Not yet cited</h3>
          {uncited.length === 0 ? (
            <p className="meta">Every source passage is cited.</p>
          ) : (
            <ul className="uncited-list">
              {uncited.map((passage) => (
                <li key={`${passage.documentId}-${passage.start}`}>
                  In passage {passage.source + 1}, the paragraph “{opening(passage.text)}”:{" "}
                  <Link href={uncitedHref(passage)}>
                    read it in <cite>{passage.documentTitle}</cite>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </details>
  );
}
