import type { CitationView } from "../../../lib/debate";
import type { DebateView } from "./debateView";
import { numbered } from "./numbering";

const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

type Selectors = [
  { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
  { type: "TextPositionSelector"; start: number; end: number },
];

interface Target {
  type: "SpecificResource";
  source: string;
  selector: Selectors;
}

export interface WebAnnotation {
  id: string;
  type: "Annotation";
  motivation: "commenting";
  created: string;
  modified?: string;
  creator: { type: "Person"; name: string };
  body: { type: "TextualBody"; value: string; format: "text/plain"; purpose: "commenting" };
  /** The passage on the version it was cited on; then, if re-anchoring moved it, where it is now. */
  target: Target | [Target, Target];
}

export interface AnnotationCollection {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: { id: string; type: "AnnotationPage"; items: WebAnnotation[] };
}

const versionUrl = (origin: string, documentId: string, versionId: string) =>
  `${origin}/documents/${documentId}?version=${versionId}`;

function targetsOf(origin: string, c: CitationView): Target | [Target, Target] {
  const cited: Target = {
    type: "SpecificResource",
    source: versionUrl(origin, c.documentId, c.versionId),
    selector: [
      { type: "TextQuoteSelector", exact: c.exact, prefix: c.prefix, suffix: c.suffix },
      { type: "TextPositionSelector", start: c.start, end: c.end },
    ],
  };
  const { versionId, start, end, text } = c.anchor;
  const moved = versionId !== null && start !== null && end !== null && versionId !== c.versionId;
  if (!moved) return cited;
  return [
    cited,
    {
      type: "SpecificResource",
      source: versionUrl(origin, c.documentId, versionId),
      selector: [
        // Re-anchoring keeps the offsets, not the context: the quote is what the version says.
        { type: "TextQuoteSelector", exact: text ?? c.exact, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start, end },
      ],
    },
  ];
}

/**
 * The citations as W3C Web Annotations (JSON-LD): one annotation per citation, targeting the
 * passage (TextQuoteSelector and TextPositionSelector) in the document version it was cited
 * on, with the argument's words as its body and its author (as the viewer may name them) as
 * its creator.
 */
export function debateAnnotations(view: DebateView): AnnotationCollection {
  const { origin, motion } = view;
  const collection = `${origin}/api/motions/${motion.id}/export?format=annotations`;
  const items = numbered(view).flatMap(({ node }) =>
    node.citations.map(
      (c, i): WebAnnotation => ({
        id: `${origin}/motions/${motion.id}#argument-${node.id}-citation-${i + 1}`,
        type: "Annotation",
        motivation: "commenting",
        created: node.createdAt,
        ...(node.editedAt ? { modified: node.editedAt } : {}),
        creator: { type: "Person", name: node.author.name },
        body: {
          type: "TextualBody",
          value: node.body,
          format: "text/plain",
          purpose: "commenting",
        },
        target: targetsOf(origin, c),
      }),
    ),
  );
  return {
    "@context": ANNOTATION_CONTEXT,
    id: collection,
    type: "AnnotationCollection",
    label: motion.title,
    total: items.length,
    first: { id: `${collection}#page-1`, type: "AnnotationPage", items },
  };
}
