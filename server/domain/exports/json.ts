import { z } from "zod";
import { QuoteSelector } from "../../../lib/anchoring";
import { MAX_ARGUMENT_LENGTH, MAX_CITATIONS } from "../../../lib/commands";
import {
  ArgumentRelation,
  ArgumentStatus,
  type ArgumentView,
  type CitationView,
  MotionSettings,
  MotionStatus,
  type VoteTally,
} from "../../../lib/debate";
import type { OpinionsOutline } from "../../../lib/opinionGroups";
import type { MotionEvent } from "../../../lib/protocol";
import type { Mover } from "../../../lib/results";
import { text, visible, webAddress } from "../../../lib/text";
import { MAX_TEXT_CHARACTERS } from "../library/extractText";
import { type Ballot, type DebateView, type DocumentCopy, flatten } from "./debateView";

export const DEBATE_FORMAT = "moot.debate";

/** The whole debate as JSON: what POST /api/spaces/:id/import takes back. */
export interface DebateExport {
  format: typeof DEBATE_FORMAT;
  version: 1;
  exportedAt: string;
  /** "moderator": the whole debate; "reader": what a participant or visitor may read. */
  scope: "moderator" | "reader";
  motion: {
    id: string;
    title: string;
    description: string;
    status: MotionStatus;
    settings: MotionSettings;
    createdAt: string;
    sources: CitationView[];
  };
  documents: DocumentCopy[];
  /** Flat, parents before their replies, oldest first at every level. */
  arguments: Omit<ArgumentView, "motionId" | "detached">[];
  votes: {
    tally: VoteTally;
    result: DebateView["result"];
    ballots: Ballot[] | null;
    movers: Mover[] | null;
  };
  /** The room's opinion groups: counts and shares only, never anyone's judgments. */
  opinions: Omit<OpinionsOutline, "words"> | null;
  events: MotionEvent[];
}

export function debateJson(view: DebateView): DebateExport {
  const { motion } = view;
  return {
    format: DEBATE_FORMAT,
    version: 1,
    exportedAt: view.exportedAt,
    scope: view.moderates ? "moderator" : "reader",
    motion: {
      id: motion.id,
      title: motion.title,
      description: motion.description,
      status: motion.status,
      settings: motion.settings,
      createdAt: motion.createdAt,
      sources: motion.sources.map(({ documentTitle: _, ...source }) => source),
    },
    documents: view.documents,
    arguments: flatten(motion.arguments).map((a) => ({
      id: a.id,
      parentId: a.parentId,
      relation: a.relation,
      body: a.body,
      author: a.author,
      pseudonym: a.pseudonym,
      status: a.status,
      rejectionReason: a.rejectionReason,
      createdAt: a.createdAt,
      editedAt: a.editedAt,
      citations: a.citations,
      strength: a.strength,
    })),
    votes: {
      tally: motion.votes,
      result: view.result,
      ballots: view.ballots,
      movers: view.movers,
    },
    opinions: view.opinions && (({ words: _, ...outline }) => outline)(view.opinions),
    events: view.events,
  };
}

// What an import reads of an export; anything else in it is ignored.

const Key = text().min(1, "is empty").max(100, "is too long");
const Text = (max: number) => text().max(max, `is too long (${max} characters at most)`);
const Offset = z.number().int().nonnegative();

export const PassageImport = z.intersection(
  QuoteSelector,
  z.object({
    documentId: Key,
    versionId: Key,
    anchor: z.object({
      status: z.enum(["exact", "moved", "fuzzy", "orphaned", "detached"]),
      confidence: z.number().min(0).max(1),
      versionId: Key.nullable(),
      start: Offset.nullable(),
      end: Offset.nullable(),
    }),
  }),
);
export type PassageImport = z.infer<typeof PassageImport>;

export const DebateImport = z.object({
  format: z.literal(DEBATE_FORMAT, { error: `is not "${DEBATE_FORMAT}": not a Moot export` }),
  version: z.literal(1, { error: "is not 1, the version this server reads" }),
  motion: z.object({
    title: visible(text().trim().min(3, "is too short").max(200, "is too long"), "A title"),
    description: Text(2000).default(""),
    status: MotionStatus,
    settings: MotionSettings,
    sources: z.array(PassageImport).max(20, "has more than 20 sources"),
  }),
  documents: z
    .array(
      z.object({
        id: Key,
        title: visible(text().trim().min(1, "is empty").max(300), "A title"),
        author: Text(300).nullable().default(null),
        publisher: Text(300).nullable().default(null),
        publishedAt: Text(40).nullable().default(null),
        sourceUrl: webAddress().nullable().default(null),
        note: Text(2000).nullable().default(null),
        currentVersionId: Key.nullable().default(null),
        versions: z
          .array(
            z.object({
              id: Key,
              number: z.number().int().positive(),
              fileName: Text(255).nullable().default(null),
              text: text().min(1, "is empty").max(MAX_TEXT_CHARACTERS, "is too long"),
              blocks: z
                .array(
                  z.object({
                    kind: z.enum(["heading", "paragraph", "caption"]),
                    level: z.number().int().min(1).max(6).nullable(),
                    start: Offset,
                    end: Offset,
                  }),
                )
                .min(1, "is empty"),
            }),
          )
          .min(1, "is empty")
          .max(50),
      }),
    )
    .max(100, "has more than 100 documents"),
  arguments: z
    .array(
      z.object({
        id: Key,
        parentId: Key.nullable(),
        relation: ArgumentRelation,
        // A placeholder (withdrawn, or hidden in a participant's export) has no words.
        body: Text(MAX_ARGUMENT_LENGTH),
        author: z.object({
          name: visible(text().trim().min(1, "is empty").max(200), "An author's name"),
        }),
        pseudonym: z.number().int().nonnegative(),
        status: ArgumentStatus.exclude(["retracted"]),
        rejectionReason: Text(2000).nullable().default(null),
        createdAt: z.iso.datetime({ offset: true }),
        editedAt: z.iso.datetime({ offset: true }).nullable().default(null),
        citations: z.array(PassageImport).max(MAX_CITATIONS),
      }),
    )
    .max(5000, "has more than 5,000 arguments"),
});
export type DebateImport = z.infer<typeof DebateImport>;
