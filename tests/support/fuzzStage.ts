import type { Store } from "../../db/store";
import { selectorAt } from "../../lib/anchoring";
import type { MotionSettings } from "../../lib/debate";
import { createMotion } from "../../server/domain/debate/createMotion";
import { hideArgument } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { runPhase } from "../../server/domain/debate/session";
import { importDocument } from "../../server/domain/library/importDocument";
import { systemActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "./debate";
import { sampleText } from "./fixtures";
import { must } from "./outcome";
import { type Person, person } from "./people";

const trade = "Trade moved inland by rail.";

/**
 * The people and things a fuzz suite aims its payloads at: one private space with a document,
 * and people of every standing towards it. Each command gets motions and arguments of its own
 * (`motion`, `arguments`), so what one accepted payload changes does not blunt another's fuzz.
 */
export async function fuzzStage(store: Store) {
  const d = await debate(store, "private");
  const people = {
    moderator: await d.member("Mona Moderator", "moderator"),
    participant: await d.member("Pat Participant", "participant"),
    outsider: await person(store, "Olive Outsider"),
    visitor: undefined as Person | undefined,
  };
  /** A moderator who only listens: every refusal must leave them hearing nothing. */
  const onlooker = await d.member("Otto Onlooker", "moderator");
  /** A participant the member doors change, and speakers are assigned. */
  const target = await d.member("Tess Target", "participant");
  const ids: string[] = [d.spaceId, d.documentId, d.motionId, target.id];
  // What the stage's own arguments cite: a document of the space that is not among `ids`, so a
  // fuzzed path that lands on the space's document and gives it a new version (accepted: any text
  // is a document) cannot move the passage from under arguments staged after it.
  const evidence = await importedSample();
  const evidenceText = (await store.documents.version(evidence.versionId))?.text ?? "";
  const tradeAt = evidenceText.indexOf(trade);
  const evidenceCitation = {
    documentId: evidence.documentId,
    ...selectorAt(evidenceText, tradeAt, tradeAt + trade.length),
  };

  async function motion(
    settings: Partial<MotionSettings> = {},
    status: "open" | "draft" = "open",
  ): Promise<string> {
    const { motionId } = await must(
      createMotion(store, systemActor, {
        clientId: crypto.randomUUID(),
        spaceId: d.spaceId,
        title: "The rail line was worth building",
        status,
        settings,
      }),
    );
    ids.push(motionId);
    return motionId;
  }

  /** `count` arguments (by the participant unless said); "hidden" ones hidden after. */
  async function argumentsIn(
    motionId: string,
    count: number,
    status: "published" | "pending" | "hidden" = "published",
    by: "participant" | "moderator" = "participant",
  ): Promise<string[]> {
    const made: string[] = [];
    for (let i = 0; i < count; i++) {
      const { argument } = await must(
        postArgument(
          store,
          actorOf(people[by]),
          argumentInput(motionId, evidenceCitation, { body: `Argument ${i} on the rail line.` }),
        ),
      );
      if (status === "hidden") {
        await must(
          hideArgument(store, actorOf(people.moderator), {
            argumentId: argument.id,
            clientId: crypto.randomUUID(),
            reason: "Off topic",
          }),
        );
      }
      made.push(argument.id);
    }
    ids.push(...made);
    return made;
  }

  /** One published argument, by the participant unless said. */
  async function argumentIn(
    motionId: string,
    by: "participant" | "moderator" = "participant",
  ): Promise<string> {
    const [argumentId] = await argumentsIn(motionId, 1, "published", by);
    if (!argumentId) throw new Error("no argument was posted");
    return argumentId;
  }

  /**
   * A second document in the space, for doors that replace a document's text: the stage's own
   * document keeps the version its citations point into.
   */
  async function spareDocument(): Promise<string> {
    const { documentId } = await importedSample();
    ids.push(documentId);
    return documentId;
  }

  function importedSample() {
    return must(
      importDocument(store, systemActor, {
        clientId: crypto.randomUUID(),
        spaceId: d.spaceId,
        title: "Harbour report, a copy to revise",
        mediaType: "text/plain",
        raw: new TextEncoder().encode(sampleText),
      }),
    );
  }

  /** Starts a structured debate's session: the opening vote runs. */
  async function startSession(motionId: string) {
    await must(
      runPhase(store, actorOf(people.moderator), {
        motionId,
        clientId: crypto.randomUUID(),
        action: "start",
      }),
    );
  }

  /** A structured debate whose session has started. */
  async function runningSession(): Promise<string> {
    const motionId = await motion({ format: "oxford" });
    await startSession(motionId);
    return motionId;
  }

  return {
    ...d,
    store,
    people,
    onlooker,
    target,
    /** Every id staged so far: the "another real id" an almost-valid payload may carry. */
    ids,
    motion,
    argumentsIn,
    argumentIn,
    startSession,
    runningSession,
    spareDocument,
    citation: d.cite(trade),
  };
}

export type FuzzStage = Awaited<ReturnType<typeof fuzzStage>>;
export type Standing = keyof FuzzStage["people"];
export const standings: Standing[] = ["moderator", "participant", "outsider", "visitor"];
