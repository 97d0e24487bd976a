import { describe, expect, it } from "vitest";
import { DRAFT_TITLE } from "../../lib/commands";
import { createMotion } from "../../server/domain/debate/createMotion";
import { castVote } from "../../server/domain/debate/judge";
import { changeMotionStatus, editMotion } from "../../server/domain/debate/lifecycle";
import { changeSettings } from "../../server/domain/debate/moderate";
import { eventsSince, getMotion, listSpaceMotions } from "../../server/domain/debate/queries";
import { actorOf, debate } from "../support/debate";
import { dialects } from "../support/stores";

const id = () => crypto.randomUUID();
const code = (o: { ok: boolean; error?: { code: string } }) => (o.ok ? "ok" : o.error?.code);

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`a motion's life, on ${dialect.name}`, () => {
    it("a draft is its moderators' until it opens; then open → closed → archived, read-only at the end", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const teacher = actorOf(await d.member("Tess Teacher", "moderator"));
        const student = actorOf(await d.member("Sam Student", "participant"));
        const drafted = await createMotion(db.store, teacher, {
          clientId: id(),
          spaceId: d.spaceId,
          title: DRAFT_TITLE,
          status: "draft",
          sources: [d.cite("Trade moved inland by rail.")],
        });
        if (!drafted.ok) throw new Error(drafted.error.message);
        const motionId = drafted.value.motionId;
        // A motion is born open or a draft: closing and archiving are steps of its life.
        for (const born of ["closed", "archived"]) {
          const asked = { clientId: id(), spaceId: d.spaceId, title: "Born closed", status: born };
          expect(await createMotion(db.store, teacher, asked)).toMatchObject({
            ok: false,
            error: { code: "invalid_input", message: expect.stringContaining("status") },
          });
        }
        const listed = await listSpaceMotions(db.store, teacher, d.spaceId);
        expect(listed.ok && listed.value.map((m) => m.title)).not.toContain("Born closed");
        const status = (to: string, who = teacher) =>
          changeMotionStatus(db.store, who, { motionId, clientId: id(), status: to });
        const edit = (title: string, who = teacher) =>
          editMotion(db.store, who, { motionId, clientId: id(), title });

        // Nobody else finds a draft, by any way in.
        expect(code(await getMotion(db.store, student, motionId))).toBe("not_found");
        const seen = await listSpaceMotions(db.store, student, d.spaceId);
        expect(seen.ok && seen.value.map((m) => m.id)).not.toContain(motionId);
        expect(code(await eventsSince(db.store, student, { motionId }))).toBe("not_found");
        expect(code(await edit("A student's wording", student))).toBe("not_found");
        expect(code(await status("open", student))).toBe("not_found");
        const vote = { motionId, clientId: id(), phase: "before", stance: "for" };
        expect(code(await castVote(db.store, teacher, vote))).toBe("not_found");

        // Not under the title it was drafted with: the space would hear of an untitled motion.
        expect(code(await status("open"))).toBe("invalid_input");
        expect(code(await edit("Rail was a mistake"))).toBe("ok");
        expect(code(await edit("Rail was worth building"))).toBe("ok");
        expect(code(await status("closed"))).toBe("conflict");
        expect(code(await status("open"))).toBe("ok");
        expect(code(await edit("A third wording"))).toBe("conflict");

        const opened = await getMotion(db.store, student, motionId);
        expect(opened.ok && opened.value).toMatchObject({
          title: "Rail was worth building",
          status: "open",
        });
        // Its earlier wordings stay the moderators': a replay from the start leaves them out.
        const replay = await eventsSince(db.store, student, { motionId, sinceSeq: 0 });
        expect(JSON.stringify(replay)).not.toContain("Rail was a mistake");
        expect(replay.ok && replay.value.events.at(-1)).toMatchObject({ type: "motion.status" });
        const moderators = await eventsSince(db.store, teacher, { motionId, sinceSeq: 0 });
        expect(JSON.stringify(moderators)).toContain("Rail was a mistake");

        expect(code(await status("archived"))).toBe("conflict");
        expect(code(await status("closed"))).toBe("ok");
        expect(code(await status("open"))).toBe("ok");
        expect(code(await status("closed"))).toBe("ok");
        expect(code(await status("archived"))).toBe("ok");
        const settings = { motionId, clientId: id(), settings: { anonymous: true } };
        expect(await changeSettings(db.store, teacher, settings)).toMatchObject({
          ok: false,
          error: { code: "conflict", message: expect.stringContaining("archived") },
        });
        expect(code(await status("open"))).toBe("conflict");
        const archived = await getMotion(db.store, student, motionId);
        expect(archived.ok && archived.value.status).toBe("archived");
      } finally {
        await db.dispose();
      }
    });
  });
}
