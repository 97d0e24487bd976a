import Link from "next/link";
import type { UncitedPassage } from "@/server/domain/library/coverage";

const MAX_WORDS = 40;

const shortened = (text: string) => {
  const words = text.split(/\s+/);
  return words.length > MAX_WORDS ? `${words.slice(0, MAX_WORDS).join(" ")}…` : text;
};

export const uncitedHref = (p: Pick<UncitedPassage, "documentId" | "start" | "end">) =>
  `/documents/${p.documentId}?from=${p.start}&to=${p.end}#cited`;

/** The paragraphs of the motion's sources that no argument rests on yet, to read and cite. */
export function UncitedPassages({ passages }: { passages: UncitedPassage[] }) {
  return (
    <section aria-labelledby="uncited-heading" className="uncited">
      <h2 id="uncited-heading">Not yet cited</h2>
      {passages.length === 0 ? (
        <p className="empty">Every source passage is cited.</p>
      ) : (
        <>
          <p className="meta">
            Paragraphs of the passages above that no argument cites yet: evidence still waiting to
            be used, for or against.
          </p>
          <ol className="uncited-list">
            {passages.map((passage) => (
              <li key={`${passage.documentId}-${passage.start}`}>
                <blockquote>
                  <p>{shortened(passage.text)}</p>
                </blockquote>
                <p className="meta">
                  From passage {passage.source + 1},{" "}
                  <Link href={uncitedHref(passage)}>
                    read it in <cite>{passage.documentTitle}</cite>
                  </Link>
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
