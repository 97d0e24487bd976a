import { createHash } from "node:crypto";
import { z } from "zod";
import type { ArgumentRow, Repos, Store } from "../../../db/store";
import type { ArgumentStatus, ArgumentView } from "../../../lib/debate";
import type { EventBody } from "../../../lib/eventLog";
import type { Failure } from "../../../lib/result";
import { initialSession } from "../../../lib/session";
import { type Actor, authorize } from "../../policy";
import { workPool } from "../../work/shared";
import { pseudonymName } from "../debate/audience";
import { argumentViews } from "../debate/views";
import { outgoing } from "../events";
import { Id, newId, OptionalClientId } from "../ids";
import type { PassageColumns } from "../library/anchors";
import { notify } from "../notifications/notify";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { placeOf } from "../spaces/access";
import type { DebateImport, PassageImport } from "./json";

/** Room for a debate with its documents (each up to 2,000,000 characters of text). */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

export const ImportDebateTarget = z.object({ clientId: OptionalClientId, spaceId: Id });

export interface ImportedDebate {
  motionId: string;
  arguments: number;
  documents: { created: number; reused: number };
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** Importing a debate makes a motion and documents: both are the space's moderators' to do. */
async function deniedImport(repos: Repos, actor: Actor, spaceId: string) {
  const place = await placeOf(repos, actor, spaceId);
  const denied =
    authorize(actor, "motion.create", place) ?? authorize(actor, "document.import", place);
  return denied ? refuse(denied.code, denied.message) : null;
}

/**
 * Why the actor may not import into this space, or null when they may: the route asks before it
 * reads the file, so nobody who may not import has 30 MB read for them.
 */
export async function importRefusal(
  store: Store,
  actor: Actor,
  spaceId: unknown,
): Promise<Failure | null> {
  const id = Id.safeParse(spaceId);
  if (!id.success) return invalidInput(id.error);
  return deniedImport(store, actor, id.data);
}

/**
 * The exported documents made again in the space, or found there: a document exported with one
 * version is the space's own when one of the space's documents reads exactly so now (the same
 * content hash); any other is made anew, its versions numbered in their order. Answers each
 * exported version id's new id, with each document's.
 */
async function placeDocuments(tx: Repos, spaceId: string, debate: DebateImport) {
  const documentIds = new Map<string, string>();
  const versionIds = new Map<string, string>();
  const counts = { created: 0, reused: 0 };
  const present = new Map<string, { documentId: string; versionId: string }>();
  if (debate.documents.some((d) => d.versions.length === 1)) {
    for (const document of await tx.documents.list([spaceId])) {
      const current =
        document.currentVersionId && (await tx.documents.version(document.currentVersionId));
      if (current) {
        present.set(current.contentHash, { documentId: document.id, versionId: current.id });
      }
    }
  }
  for (const document of debate.documents) {
    const versions = [...document.versions].sort((a, b) => a.number - b.number);
    const [only] = versions;
    const same = versions.length === 1 && only ? present.get(sha256(only.text)) : undefined;
    if (same && only) {
      documentIds.set(document.id, same.documentId);
      versionIds.set(only.id, same.versionId);
      counts.reused += 1;
      continue;
    }
    const documentId = newId();
    const createdAt = new Date();
    const { id: _, versions: __, currentVersionId, ...about } = document;
    await tx.documents.insert({
      id: documentId,
      spaceId,
      ...about,
      currentVersionId: null,
      createdAt,
    });
    for (const [index, version] of versions.entries()) {
      const versionId = newId();
      // What was received is the export's text: that is the raw input kept.
      const raw = Buffer.from(version.text, "utf8");
      await tx.documents.insertVersion(
        {
          id: versionId,
          documentId,
          number: index + 1,
          fileName: version.fileName,
          mediaType: "text/plain",
          raw,
          rawHash: sha256(raw),
          text: version.text,
          contentHash: sha256(version.text),
          createdAt,
        },
        version.blocks.map((block, position) => ({ versionId, position, ...block })),
      );
      versionIds.set(version.id, versionId);
    }
    const current =
      versionIds.get(currentVersionId ?? "") ?? versionIds.get(versions.at(-1)?.id ?? "");
    if (current) await tx.documents.setCurrentVersion(documentId, current);
    documentIds.set(document.id, documentId);
    counts.created += 1;
  }
  const columns = (p: PassageImport): PassageColumns => ({
    documentId: documentIds.get(p.documentId) ?? "",
    versionId: versionIds.get(p.versionId) ?? "",
    exact: p.exact,
    prefix: p.prefix,
    suffix: p.suffix,
    start: p.start,
    end: p.end,
    anchorStatus: p.anchor.status,
    anchorConfidence: p.anchor.confidence,
    anchorVersionId: p.anchor.versionId ? (versionIds.get(p.anchor.versionId) ?? null) : null,
    anchorStart: p.anchor.start,
    anchorEnd: p.anchor.end,
  });
  return { columns, counts };
}

/**
 * The events that bring an imported argument to its status, as the commands that did so logged
 * them: every one was posted, then perhaps hidden or withdrawn.
 */
function historyOf(row: ArgumentRow, argument: ArgumentView): EventBody[] {
  const posted: EventBody = { type: "argument.posted", data: { argument } };
  const argumentId = row.id;
  switch (row.status) {
    case "hidden":
      return [
        posted,
        // The export does not say why; the log says where the hiding came from.
        {
          type: "argument.hidden",
          data: { argumentId, reason: "Hidden in the debate it was imported from." },
        },
      ];
    case "withdrawn":
      return [posted, { type: "argument.withdrawn", data: { argumentId } }];
    default:
      return [posted];
  }
}

/** What an import brings over: what the room could see, words or a wordless placeholder. */
const carriedOver = new Set<ArgumentStatus>(["published", "hidden", "withdrawn"]);

/**
 * Takes a debate exported as JSON (GET /api/motions/:id/export?format=json) into a space the
 * actor moderates: its cited documents (found there, or made again), the motion with its
 * sources, and the same tree of arguments with their citations, all with new ids, in one
 * transaction. The log is rebuilt as the commands would have written it (motion.created, then
 * each argument posted, submitted, hidden, rejected or withdrawn), so the page and replays work.
 *
 * An export file is not signed: it cannot prove who wrote what. So every argument is the
 * importer's, shown under the name the export gave it (and its pseudonym, in an anonymous
 * motion); nobody's account is made to say what a file says they said. Votes and ratings stay
 * behind: they are people's own acts in the space they were cast in.
 */
export async function importDebate(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<ImportedDebate>> {
  const target = ImportDebateTarget.safeParse(input);
  if (!target.success) return invalidInput(target.error);
  const { clientId, spaceId } = target.data;
  // Asked first, so that nobody who may not import has a large file read for them.
  const denied = await deniedImport(store, actor, spaceId);
  if (denied) return denied;
  // The file as sent (`json`, the route's body) or already parsed (`debate`), read and checked
  // on a worker thread: a 30 MB export is seconds of work.
  const { json, debate: file } = input as { json?: unknown; debate?: unknown };
  const read = await workPool().run("readDebate", {
    json: typeof json === "string" ? json : undefined,
    debate: file,
  });
  if (!read.ok) return read;
  const debate = read.value;

  return store.transaction(async (tx) => {
    const deniedNow = await deniedImport(tx, actor, spaceId);
    if (deniedNow) return deniedNow;
    return once(tx, actor, { command: "debate.import", target: spaceId, clientId }, async () => {
      const { columns, counts } = await placeDocuments(tx, spaceId, debate);
      const motionId = newId();
      const at = new Date();
      const { title, description, status, settings, sources } = debate.motion;
      const motion = { settings };
      await tx.motions.insert(
        {
          id: motionId,
          spaceId,
          title,
          description,
          status,
          settings,
          pinned: [],
          spotlightId: null,
          session: initialSession,
          lastSeq: 0,
          createdAt: at,
        },
        sources.map((source, position) => ({ motionId, position, ...columns(source) })),
      );
      const created = await tx.events.append({
        motionId,
        type: "motion.created",
        data: { title, status },
        actorId: actor.id,
        at,
      });
      // Imported open, it is news to the space's members as a motion created open is (P-NOTE-6).
      await notify(tx, { id: motionId, spaceId }, created);
      const events = [outgoing(created, motion)];
      const newIds = new Map<string, string>();
      for (const argument of debate.arguments) {
        // The debate the room read comes over; posts that never went public stay behind, and so
        // does anything that hangs from one.
        const orphan = argument.parentId !== null && !newIds.has(argument.parentId);
        if (!carriedOver.has(argument.status) || orphan) continue;
        const id = newId();
        newIds.set(argument.id, id);
        const row: ArgumentRow = {
          id,
          motionId,
          parentId: argument.parentId ? (newIds.get(argument.parentId) ?? null) : null,
          relation: argument.relation,
          body: argument.body,
          authorId: actor.id,
          // Names an anonymous motion kept from its room stay unknown in the new space too.
          authorName: settings.anonymous ? pseudonymName(argument.pseudonym) : argument.author.name,
          pseudonym: argument.pseudonym,
          status: argument.status,
          rejectionReason: argument.rejectionReason,
          createdAt: new Date(argument.createdAt),
          editedAt: argument.editedAt ? new Date(argument.editedAt) : null,
          publishedSeq: null,
        };
        await tx.arguments.insert(
          row,
          argument.citations.map((citation, position) => ({
            argumentId: id,
            position,
            ...columns(citation),
          })),
        );
        // An argument enters the log as it was when first posted.
        const [view] = await argumentViews(tx, [{ ...row, status: "published" }], {
          revealHidden: true,
        });
        if (!view) throw new Error(`no view of the imported argument ${id}`);
        for (const step of historyOf(row, view)) {
          const event = await tx.events.append({ motionId, ...step, actorId: actor.id, at });
          if (step.type === "argument.posted") {
            await tx.arguments.update(id, { publishedSeq: event.seq });
          }
          events.push(outgoing(event, motion));
        }
      }
      return done({ motionId, arguments: newIds.size, documents: counts }, events);
    });
  });
}
