import { mismatch } from "../../../lib/anchoring";
import { hasVisibleCharacter } from "../../../lib/text";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { DEBATE_FORMAT, DebateImport, type PassageImport } from "./json";

/** Whether a file says it is a Moot debate export, before its every field is checked. */
const isMootExport = (file: unknown) =>
  typeof file === "object" &&
  file !== null &&
  !Array.isArray(file) &&
  (file as { format?: unknown }).format === DEBATE_FORMAT;

/**
 * A debate export read and checked: its JSON text (`json`) or the value parsed from it
 * (`debate`), against the export's schema and then what zod cannot see. Pure computation over a
 * file of up to 30 MB, so it runs on a worker thread (server/work).
 */
export function readDebate({
  json,
  debate,
}: {
  json?: string;
  debate?: unknown;
}): Outcome<DebateImport> {
  let file = debate;
  if (json !== undefined) {
    try {
      file = JSON.parse(json);
    } catch {
      return refuse(
        "invalid_input",
        "The body is not JSON: send the export file as it was downloaded.",
      );
    }
  }
  if (!isMootExport(file)) {
    return refuse(
      "invalid_input",
      "This file is not a Moot debate: export one from a motion's page (Export, then Whole debate (JSON)) and import that.",
    );
  }
  const parsed = DebateImport.safeParse(file);
  if (!parsed.success) return invalidInput(parsed.error);
  const problem = crossCheck(parsed.data);
  if (problem) return refuse("invalid_input", problem);
  return done(parsed.data);
}

/**
 * What zod cannot see: that every passage points into a document version the export carries
 * and quotes it truly, that blocks lie inside their text, and that each reply's parent comes
 * before it. The first problem, named by its field, or null.
 */
export function crossCheck(debate: DebateImport): string | null {
  const texts = new Map<string, { documentId: string; text: string }>();
  const documentIds = new Set<string>();
  for (const [d, document] of debate.documents.entries()) {
    if (documentIds.has(document.id)) return `documents.${d}.id: appears twice`;
    documentIds.add(document.id);
    for (const [v, version] of document.versions.entries()) {
      const field = `documents.${d}.versions.${v}`;
      if (texts.has(version.id)) return `${field}.id: appears twice`;
      texts.set(version.id, { documentId: document.id, text: version.text });
      const outside = version.blocks.findIndex(
        (b) => b.start > b.end || b.end > version.text.length,
      );
      if (outside !== -1) return `${field}.blocks.${outside}: lies outside the text`;
    }
  }
  const passage = (p: PassageImport, field: string): string | null => {
    const version = texts.get(p.versionId);
    if (version?.documentId !== p.documentId) {
      return `${field}.versionId: no such version of the document in the export`;
    }
    const wrong = mismatch(version.text, p);
    if (wrong) return `${field}: ${wrong}`;
    const { versionId, start, end } = p.anchor;
    if (versionId === null) return null;
    const anchor = texts.get(versionId);
    if (anchor?.documentId !== p.documentId) {
      return `${field}.anchor.versionId: no such version of the document in the export`;
    }
    if (start === null || end === null || start > end || end > anchor.text.length) {
      return `${field}.anchor: the offsets are not in that version`;
    }
    return null;
  };
  for (const [s, source] of debate.motion.sources.entries()) {
    const bad = passage(source, `motion.sources.${s}`);
    if (bad) return bad;
  }
  const seen = new Set<string>();
  for (const [a, argument] of debate.arguments.entries()) {
    const field = `arguments.${a}`;
    if (seen.has(argument.id)) return `${field}.id: appears twice`;
    const reply = argument.relation === "supports" || argument.relation === "attacks";
    if (reply !== (argument.parentId !== null)) {
      return `${field}.relation: "for" and "against" answer the motion, "supports" and "attacks" an argument (parentId)`;
    }
    if (argument.parentId !== null && !seen.has(argument.parentId)) {
      return `${field}.parentId: no argument before it has that id`;
    }
    const placeholder = argument.status === "withdrawn" || argument.status === "hidden";
    if (!placeholder && !hasVisibleCharacter(argument.body)) {
      return `${field}.body: needs at least one visible character`;
    }
    for (const [c, citation] of argument.citations.entries()) {
      const bad = passage(citation, `${field}.citations.${c}`);
      if (bad) return bad;
    }
    seen.add(argument.id);
  }
  return null;
}
