import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postArgument } from "../../server/domain/debate/postArgument";
import * as shapeCache from "../../server/domain/debate/shapeCache";
import * as versions from "../../server/domain/library/versions";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { sqliteTestStore, type TestStore } from "../support/stores";

// Next bundles the pages and the route handlers into modules of their own, apart from the
// server's socket doors, and each bundle holds its own copy of a module. A copy made here the
// same way, the module imported again under another name, stands for another bundle: what one
// read and kept, the other must find, not read and keep again.
const anotherBundlesCopy = async <M>(path: string): Promise<M> =>
  (await import(/* @vite-ignore */ `${path}?bundle=another`)) as M;

describe("what the process keeps, whichever of Next's bundles reads it", () => {
  let db: TestStore;
  beforeAll(async () => {
    db = await sqliteTestStore();
  });
  afterAll(() => db.dispose());

  it("keeps one reading of a debate for the socket doors, the pages and the route handlers", async () => {
    const d = await debate(db.store);
    const author = actorOf(await d.member("Ana", "participant"));
    await must(
      postArgument(
        db.store,
        author,
        argumentInput(d.motionId, d.cite("Trade moved inland by rail.")),
      ),
    );
    const motion = await db.store.motions.get(d.motionId);
    if (!motion) throw new Error("the motion is gone");
    const copy = await anotherBundlesCopy<typeof shapeCache>(
      "../../server/domain/debate/shapeCache",
    );
    expect(copy.argumentShapesOf).not.toBe(shapeCache.argumentShapesOf);

    const read = await shapeCache.argumentShapesOf(db.store, motion);
    expect(read.map((shape) => shape.motionId)).toEqual([d.motionId]);
    expect(await copy.argumentShapesOf(db.store, motion)).toBe(read);
  });

  it("keeps one copy of a document's version", async () => {
    const d = await debate(db.store);
    const copy = await anotherBundlesCopy<typeof versions>("../../server/domain/library/versions");
    expect(copy.versionOf).not.toBe(versions.versionOf);

    const read = await versions.versionOf(db.store, d.versionId);
    expect(read?.text).toBe(d.text);
    expect(await copy.versionOf(db.store, d.versionId)).toBe(read);
  });
});
