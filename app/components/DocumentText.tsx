import "./coverage.css";
import { type CSSProperties, Fragment, type ReactNode } from "react";
import { type BlockCoverage, coverageLabel, heatOf } from "@/lib/coverage";
import { segmentBlock } from "@/lib/documents/passages";
import type { BlockView, DocumentView, PassageMark } from "@/lib/views";

type Props = {
  document: DocumentView;
  marks: PassageMark[];
  activeId?: string;
  /** Where the reader cites: each paragraph gets a button that cites it whole (for keyboards). */
  onCiteBlock?: (start: number, end: number) => void;
  /** What that button says: "Cite this paragraph" unless told. */
  blockLabel?: string;
  /** How often each block is cited for and against: a heat strip beside each paragraph. */
  coverage?: BlockCoverage[];
};

/** A narrow strip beside a paragraph: green above for the motion, red below against. */
function HeatStrip({ counts, all }: { counts: BlockCoverage; all: BlockCoverage[] }) {
  const heat = heatOf(counts, all);
  const label = coverageLabel(counts);
  return (
    <span className="heat-strip" role="img" aria-label={label} title={label}>
      <span className="heat-for" style={{ "--heat": heat.for } as CSSProperties} />
      <span className="heat-against" style={{ "--heat": heat.against } as CSSProperties} />
    </span>
  );
}

/** What the heat strips beside the paragraphs mean. */
export function HeatLegend() {
  return (
    <p className="meta heat-legend">
      <span>Beside each paragraph, how often arguments cite it:</span>
      <span>
        <span className="heat-swatch heat-for" aria-hidden="true" />
        for the motion (upper half)
      </span>
      <span>
        <span className="heat-swatch heat-against" aria-hidden="true" />
        against (lower half)
      </span>
      <span>
        the darker, the more often
        <span className="heat-hover-hint"> (hover a strip for the numbers)</span>.
      </span>
    </p>
  );
}

/** The document's blocks with every cited passage marked; a passage's first piece carries its id. */
export function DocumentText({
  document,
  marks,
  activeId,
  onCiteBlock,
  blockLabel = "Cite this paragraph",
  coverage,
}: Props) {
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

  // data-start lets a selection be turned back into offsets of the canonical text; the id lets
  // a link (a search result) point at one block.
  return (
    <div className="document-text">
      {document.blocks.map((block) => {
        const key = block.start;
        if (block.kind === "heading") {
          const Heading = (block.level ?? 1) <= 1 ? "h2" : "h3";
          return (
            <Heading key={key} id={`block-${block.start}`} data-start={block.start}>
              {renderBlock(block)}
            </Heading>
          );
        }
        const className = block.kind === "caption" ? "caption" : undefined;
        const counts = coverage?.find((c) => c.start === block.start);
        const Wrapper = counts ? "div" : Fragment;
        return (
          <Wrapper key={key} {...(counts ? { className: "covered" } : {})}>
            {counts && coverage ? <HeatStrip counts={counts} all={coverage} /> : null}
            <p className={className} id={`block-${block.start}`} data-start={block.start}>
              {renderBlock(block)}
            </p>
            {onCiteBlock ? (
              <button
                type="button"
                className="cite-block"
                onClick={() => onCiteBlock(block.start, block.end)}
              >
                {blockLabel}
              </button>
            ) : null}
          </Wrapper>
        );
      })}
    </div>
  );
}
