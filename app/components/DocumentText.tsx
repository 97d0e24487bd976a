import { Fragment, type ReactNode } from "react";
import { segmentBlock } from "@/lib/documents/passages";
import type { BlockView, DocumentView, PassageMark } from "@/lib/views";

type Props = {
  document: DocumentView;
  marks: PassageMark[];
  activeId?: string;
  /** Where the reader cites: each paragraph gets a button that cites it whole (for keyboards). */
  onCiteBlock?: (start: number, end: number) => void;
};

/** The document's blocks with every cited passage marked; a passage's first piece carries its id. */
export function DocumentText({ document, marks, activeId, onCiteBlock }: Props) {
  const placed = new Set<string>();

  const renderBlock = (block: BlockView) =>
    segmentBlock(document.text, block, marks).map((segment): ReactNode => {
      if (segment.marks.length === 0) return segment.text;
      // Each passage's id goes on the first piece it covers, so a link jumps to where it begins.
      const [first, ...alsoStarting] = segment.marks.filter((m) => !placed.has(m.id));
      for (const m of segment.marks) placed.add(m.id);
      const isActive = segment.marks.some((m) => m.id === activeId);
      return (
        <Fragment key={segment.start}>
          {alsoStarting.map((m) => (
            <span key={m.id} id={m.id} />
          ))}
          <mark
            id={first?.id}
            className={isActive ? "passage passage-active" : "passage"}
            title={segment.marks.map((m) => m.label).join(" · ")}
          >
            {segment.text}
          </mark>
        </Fragment>
      );
    });

  // data-start lets a selection be turned back into offsets of the canonical text.
  return (
    <div className="document-text">
      {document.blocks.map((block) => {
        const key = block.start;
        if (block.kind === "heading") {
          const Heading = (block.level ?? 1) <= 1 ? "h2" : "h3";
          return (
            <Heading key={key} data-start={block.start}>
              {renderBlock(block)}
            </Heading>
          );
        }
        const className = block.kind === "caption" ? "caption" : undefined;
        return (
          <Fragment key={key}>
            <p className={className} data-start={block.start}>
              {renderBlock(block)}
            </p>
            {onCiteBlock ? (
              <button
                type="button"
                className="cite-block"
                onClick={() => onCiteBlock(block.start, block.end)}
              >
                Cite this paragraph
              </button>
            ) : null}
          </Fragment>
        );
      })}
    </div>
  );
}
