import Link from "next/link";
import type { PassageMark } from "@/lib/views";

const linkTo = (mark: PassageMark) => `?passage=${mark.id}#${mark.id}`;

const EXCERPT_WORDS = 8;

function excerpt(text: string, mark: PassageMark): string {
  const words = text.slice(mark.start, mark.end).split(" ");
  return words.length > EXCERPT_WORDS
    ? `${words.slice(0, EXCERPT_WORDS).join(" ")}…`
    : words.join(" ");
}

type Props = { text: string; marks: PassageMark[]; active?: PassageMark };

/** The cited passages of a document, in text order, and a way to step from one to the next. */
export function PassageNav({ text, marks, active }: Props) {
  const at = active ? marks.indexOf(active) : -1;
  const previous = at > 0 ? marks[at - 1] : undefined;
  const next = at >= 0 ? marks[at + 1] : marks[0];

  return (
    <nav className="passage-nav" aria-labelledby="passages-heading">
      <h2 id="passages-heading">Cited passages</h2>
      {marks.length === 0 ? (
        <p className="empty">No motion or argument cites this document yet.</p>
      ) : (
        <>
          <p className="stepper">
            {previous ? <Link href={linkTo(previous)}>← Previous passage</Link> : null}
            {at >= 0 && (
              <span>
                Passage {at + 1} of {marks.length}
              </span>
            )}
            {next ? (
              <Link href={linkTo(next)}>{at >= 0 ? "Next passage →" : "First passage →"}</Link>
            ) : null}
          </p>
          <ol>
            {marks.map((mark) => (
              <li key={mark.id}>
                <Link href={linkTo(mark)} aria-current={mark === active ? "location" : undefined}>
                  “{excerpt(text, mark)}”
                </Link>
                <span className="meta">
                  {" "}
                  · <Link href={mark.href}>{mark.label}</Link>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </nav>
  );
}
