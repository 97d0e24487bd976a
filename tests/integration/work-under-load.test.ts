import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "../../app/api/spaces/[id]/documents/route";
import type { Store } from "../../db/store";
import type { Failure } from "../../lib/result";
import { postArgument } from "../../server/domain/debate/postArgument";
import { addVersion } from "../../server/domain/library/addVersion";
import { importDocument } from "../../server/domain/library/importDocument";
import { systemActor } from "../../server/policy";
import { WorkPool, type WorkPoolOptions } from "../../server/work/pool";
import { setWorkPool } from "../../server/work/shared";
import type { TaskInput, TaskName, TaskOutput } from "../../server/work/tasks";
import { actorOf, argumentInput, debate } from "../support/debate";
import { sampleText } from "../support/fixtures";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

const id = () => crypto.randomUUID();
const params = (spaceId: string) => ({ params: Promise.resolve({ id: spaceId }) });

/** Markdown the importer takes minutes over: a thread is busy with it for the whole budget. */
const slowMarkdown = "[*a](".repeat(30_000);
const slowRead: TaskInput<"readContent"> = {
  text: slowMarkdown,
  format: "markdown",
  fileName: null,
  mediaType: null,
  edits: [],
};
const quickRead: TaskInput<"readContent"> = { ...slowRead, text: "Quick." };

/** The real pool, which lets a test act just before a re-anchoring task is handed to it. */
class WatchedPool extends WorkPool {
  reanchorsAsked = 0;
  beforeReanchor: (() => Promise<void> | void) | undefined;

  constructor(options: WorkPoolOptions) {
    super(options);
  }

  override async run<N extends TaskName>(
    name: N,
    input: TaskInput<N>,
  ): Promise<TaskOutput<N> | Failure> {
    if (name === "reanchor") {
      this.reanchorsAsked++;
      const before = this.beforeReanchor;
      this.beforeReanchor = undefined;
      await before?.();
    }
    return super.run(name, input);
  }
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the work pool under load, on ${dialect.name}`, () => {
    let db: TestStore;
    let store: Store;
    let pool: WatchedPool;

    beforeAll(async () => {
      db = await dialect.open();
      store = db.store;
      setTestRuntime(store);
    });
    afterAll(async () => {
      await pool?.close();
      await db?.dispose();
    });

    /** A fresh pool of one thread, started and ready, with room for `maxQueue` waiting tasks. */
    const readyPool = async (maxQueue: number) => {
      await pool?.close();
      pool = new WatchedPool({ budgetMs: 1_000, threads: 1, maxQueue });
      setWorkPool(pool);
      expect(await pool.run("readContent", quickRead)).toMatchObject({ ok: true });
    };

    const lastEventOf = async (motionId: string) =>
      (await store.events.after(motionId, 0, 1_000)).at(-1);

    it("a new version waiting for a busy pool holds no room's writes: another member's post commits first", async () => {
      await readyPool(4);
      const here = await debate(store);
      const elsewhere = await debate(store);
      const bek = actorOf(await elsewhere.member("Bek", "participant"));
      const settled: string[] = [];
      let busy: Promise<unknown> = Promise.resolve();
      let resolve = () => {};
      const reanchorAsked = new Promise<void>((done) => {
        resolve = done;
      });
      // The thread is taken by a slow read just as the version's passages are to be found.
      pool.beforeReanchor = () => {
        busy = pool.run("readContent", slowRead);
        resolve();
      };

      const version = addVersion(store, systemActor, {
        clientId: id(),
        documentId: here.documentId,
        text: `Preface.\n\n${sampleText}`,
      }).then((outcome) => {
        settled.push("version");
        return outcome;
      });
      await reanchorAsked;
      const posted = await postArgument(
        store,
        bek,
        argumentInput(elsewhere.motionId, elsewhere.cite("The harbour was closed in winter.")),
      );
      settled.push("post");

      expect(posted.ok).toBe(true);
      expect(settled).toEqual(["post"]);
      const added = await version;
      expect(added).toMatchObject({ ok: true, value: { number: 2 } });
      expect(settled).toEqual(["post", "version"]);
      expect(await lastEventOf(here.motionId)).toMatchObject({ type: "evidence.reanchored" });
      expect(await busy).toMatchObject({ ok: false, error: { code: "too_complex" } });
    }, 60_000);

    it("a passage cited while a new version's passages are found is found again and re-anchored too", async () => {
      await readyPool(4);
      const here = await debate(store);
      const aida = actorOf(await here.member("Aida", "participant"));
      let argumentId = "";
      pool.beforeReanchor = async () => {
        const posted = await postArgument(
          store,
          aida,
          argumentInput(
            here.motionId,
            here.cite("Nobody expected the rail line to pay for itself."),
          ),
        );
        if (!posted.ok) throw new Error(posted.error.message);
        argumentId = posted.value.argument.id;
      };

      const added = await addVersion(store, systemActor, {
        clientId: id(),
        documentId: here.documentId,
        text: `Preface.\n\n${sampleText}`,
      });

      if (!added.ok) throw new Error(added.error.message);
      expect(pool.reanchorsAsked).toBe(2);
      const [citation] = await store.arguments.citations([argumentId]);
      expect(citation).toMatchObject({
        anchorStatus: "moved",
        anchorVersionId: added.value.versionId,
      });
    }, 60_000);

    it("a full queue answers rate_limited at once (429 with Retry-After over REST) and stores nothing", async () => {
      await readyPool(1);
      const here = await debate(store);
      const owner = await here.member("Orla Owner", "owner");
      const documentsNow = async () => (await store.documents.list([here.spaceId])).length;
      const documentsBefore = await documentsNow();
      // One read runs, one waits: the queue is full.
      const busy = [pool.run("readContent", slowRead), pool.run("readContent", slowRead)];

      const imported = await importDocument(store, systemActor, {
        clientId: id(),
        spaceId: here.spaceId,
        title: "Turned away",
        text: "Short.",
      });
      expect(imported).toEqual({
        ok: false,
        error: {
          code: "rate_limited",
          message: "The server is reading other documents; try again in a few seconds.",
          retryAfterMs: 5_000,
        },
      });
      const added = await addVersion(store, systemActor, {
        clientId: id(),
        documentId: here.documentId,
        text: "Short.",
      });
      expect(added.ok || added.error.code).toBe("rate_limited");
      const response = await importRoute(
        new Request("http://localhost/api", {
          method: "POST",
          headers: { "content-type": "application/json", cookie: owner.cookie },
          body: JSON.stringify({ title: "Turned away", text: "Short." }),
        }),
        params(here.spaceId),
      );
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("5");
      expect((await response.json()).error.code).toBe("rate_limited");
      expect(await documentsNow()).toBe(documentsBefore);
      expect((await store.documents.get(here.documentId))?.currentVersionId).toBe(here.versionId);

      for (const refused of await Promise.all(busy)) {
        expect(refused).toMatchObject({ ok: false, error: { code: "too_complex" } });
      }
      // Once the queue drains, the same import goes through.
      const again = await importDocument(store, systemActor, {
        clientId: id(),
        spaceId: here.spaceId,
        title: "Let in",
        text: "Short.",
      });
      expect(again.ok).toBe(true);
    }, 60_000);
  });
}
