import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../db/store";
import { editArgument, withdrawArgument } from "../../server/domain/debate/changeArgument";
import { createMotion } from "../../server/domain/debate/createMotion";
import { postArgument } from "../../server/domain/debate/postArgument";
import { eventsSince, getMotion } from "../../server/domain/debate/queries";
import { assignSide } from "../../server/domain/debate/session";
import { anonymousActor, systemActor } from "../../server/policy";
import { actorOf, debate } from "../support/debate";
import { exported, exportFormats, must } from "../support/outcome";
import { liveSuite, nextEvent } from "../support/realtime";
import { dialects, type TestStore } from "../support/stores";

/**
 * What no replay, live event or export may carry, whatever the way out: the words of an argument
 * withdrawn since, and in an anonymous motion who else speaks for which side (P-ANON-1).
 */

const _origin = "https://moot.test";
const id = () => crypto.randomUUID();

// Words the author took back: a withdrawn argument is a wordless placeholder for everyone.
const firstWords = "WITHDRAWN-FIRST the council hid the costs";
const editedWords = "WITHDRAWN-EDITED the council hid the real costs";

/** A public space's motion where Bek posts, rewords, and withdraws an argument Aida answered. */
async function withdrawnDebate(store: Store) {
  const d = await debate(store, "public");
  const aida = actorOf(await d.member("Aida Arslan", "participant"));
  const bek = actorOf(await d.member("Bekzod Berisha", "participant"));
  const { motionId } = await must(
    createMotion(store, systemActor, {
      clientId: id(),
      spaceId: d.spaceId,
      title: "The rail line was worth building",
      settings: { evidenceRequired: false },
    }),
  );
  const { argument } = await must(
    postArgument(store, bek, {
      motionId,
      clientId: id(),
      parentId: null,
      relation: "for",
      body: firstWords,
      citations: [],
    }),
  );
  await must(
    editArgument(store, bek, { argumentId: argument.id, clientId: id(), body: editedWords }),
  );
  await must(
    postArgument(store, aida, {
      motionId,
      clientId: id(),
      parentId: argument.id,
      relation: "attacks",
      body: "Aida's answer stays.",
      citations: [],
    }),
  );
  await must(withdrawArgument(store, bek, { argumentId: argument.id, clientId: id() }));
  return { d, aida, bek, motionId, argumentId: argument.id };
}

/** An anonymous structured debate where the moderator assigns Bek, then Aida, a side. */
async function anonymousSides(store: Store) {
  const d = await debate(store, "private");
  const mona = await d.member("Mona Moderator", "moderator");
  const aida = await d.member("Aida Arslan", "participant");
  const bek = await d.member("Bekzod Berisha", "participant");
  const { motionId } = await must(
    createMotion(store, systemActor, {
      clientId: id(),
      spaceId: d.spaceId,
      title: "The rail line was worth building",
      settings: { evidenceRequired: false, anonymous: true, format: "oxford" },
    }),
  );
  for (const [who, side] of [
    [bek, "against"],
    [aida, "for"],
  ] as const) {
    await must(
      assignSide(store, actorOf(mona), { motionId, clientId: id(), userId: who.id, side }),
    );
  }
  return { d, mona, aida, bek, motionId };
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(
    `withdrawn words and anonymous speakers, in replays and exports, on ${dialect.name}`,
    () => {
      let db: TestStore;
      let w: Awaited<ReturnType<typeof withdrawnDebate>>;
      let s: Awaited<ReturnType<typeof anonymousSides>>;
      beforeAll(async () => {
        db = await dialect.open();
        w = await withdrawnDebate(db.store);
        s = await anonymousSides(db.store);
      });
      afterAll(() => db?.dispose());

      it("the motion page shows a withdrawn argument without its words", async () => {
        const page = JSON.stringify(await must(getMotion(db.store, w.aida, w.motionId)));
        expect(page).toContain("Aida's answer stays.");
        expect(page).not.toContain("WITHDRAWN-");
      });

      it("P-MOD-2: a participant's export never holds the words of an argument its author withdrew", async () => {
        for (const format of exportFormats) {
          const body = await exported(db.store, w.aida, w.motionId, format);
          expect(body, `${format} holds the withdrawn words`).not.toContain(firstWords);
          expect(body, `${format} holds the withdrawn edit`).not.toContain(editedWords);
        }
      });

      it("P-MOD-2: a visitor's export of a public motion never holds withdrawn words", async () => {
        const body = await exported(db.store, anonymousActor, w.motionId, "json");
        expect(body).not.toContain(firstWords);
        expect(body).not.toContain(editedWords);
      });

      it("P-MOD-2: a replay from the start never hands a participant withdrawn words", async () => {
        const replay = await must(
          eventsSince(db.store, w.aida, { motionId: w.motionId, sinceSeq: 0 }),
        );
        expect(JSON.stringify(replay.events)).not.toContain("WITHDRAWN-");
      });

      it("P-ANON-1: in an anonymous motion the page tells a speaker only their own side", async () => {
        const page = await must(getMotion(db.store, actorOf(s.aida), s.motionId));
        expect(page.session.sides).toEqual({ [s.aida.id]: "for" });
        expect(JSON.stringify(page)).not.toContain(s.bek.id);
      });

      it("P-ANON-1: in an anonymous motion a speaker's export does not name the other speakers or their sides", async () => {
        for (const format of exportFormats) {
          const body = await exported(db.store, actorOf(s.aida), s.motionId, format);
          expect(body, `${format} holds Bek's id`).not.toContain(s.bek.id);
        }
      });

      it("P-ANON-1: in an anonymous motion a speaker's replay does not name the other speakers", async () => {
        const replay = await must(
          eventsSince(db.store, actorOf(s.aida), { motionId: s.motionId, sinceSeq: 0 }),
        );
        expect(JSON.stringify(replay.events)).not.toContain(s.bek.id);
      });
    },
  );
}

describe("anonymous speakers over Socket.IO", () => {
  const live = liveSuite();

  it("P-ANON-1: in an anonymous motion a speaker assigned a side does not hear who else speaks for which side", async () => {
    const d = await debate(live.db.store, "private");
    const teacherP = await d.member("Tess Teacher", "moderator");
    const adaP = await d.member("Ada Lovelace", "participant");
    const benP = await d.member("Ben Okafor", "participant");
    const teacher = await live.server.client(teacherP);
    const ada = await live.server.client(adaP);
    const ben = await live.server.client(benP);
    for (const socket of [teacher, ada, ben]) {
      expect((await socket.emitWithAck("motion:join", { motionId: d.motionId })).ok).toBe(true);
    }
    const heard = [teacher, ada, ben].map((socket) => nextEvent(socket, "motion.settings"));
    await teacher.emitWithAck("motion:settings", {
      motionId: d.motionId,
      clientId: id(),
      settings: { anonymous: true, format: "oxford" },
    });
    await Promise.all(heard);
    const benAssigned = [teacher, ada, ben].map((socket) => nextEvent(socket, "session.side"));
    await teacher.emitWithAck("session:side", {
      motionId: d.motionId,
      clientId: id(),
      userId: benP.id,
      side: "against",
    });
    await Promise.all(benAssigned);
    const sideForAda = nextEvent(ada, "session.side");
    await teacher.emitWithAck("session:side", {
      motionId: d.motionId,
      clientId: id(),
      userId: adaP.id,
      side: "for",
    });
    const adaHears = await sideForAda;
    expect(adaHears.data).toMatchObject({ userId: adaP.id, side: "for" });
    expect(JSON.stringify(adaHears)).not.toContain(benP.id);
  });
});
