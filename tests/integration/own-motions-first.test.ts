import { describe, expect, it } from "vitest";
import { demoMotions } from "../../db/demo/library";
import { loadDemoLibrary } from "../../server/demo/loadDemoLibrary";
import { listMotions } from "../../server/domain/debate/queries";
import { anonymousActor } from "../../server/policy";
import { actorOf, debate } from "../support/debate";
import { dialects } from "../support/stores";

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the motions list, on ${dialect.name}`, () => {
    it("lists the motions of a member's own spaces before the demo library's", async () => {
      const db = await dialect.open();
      try {
        const demo = await loadDemoLibrary(db.store);
        // The class's space is made after the demo library, as on a fresh install.
        const theClass = await debate(db.store, "private");
        const student = actorOf(await theClass.member("Sam Student", "participant"));

        const listed = await listMotions(db.store, student);
        expect(listed.map((m) => m.spaceId)).toEqual([
          theClass.spaceId,
          ...demoMotions.map(() => demo.spaceId),
        ]);
        expect(listed[0]?.id).toBe(theClass.motionId);

        const visitor = await listMotions(db.store, anonymousActor);
        expect(visitor.every((m) => m.spaceId === demo.spaceId)).toBe(true);
      } finally {
        await db.dispose();
      }
    });
  });
}
