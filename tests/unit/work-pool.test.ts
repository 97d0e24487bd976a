import { afterAll, describe, expect, it } from "vitest";
import { WorkPool } from "../../server/work/pool";

const markdown = (text: string) => ({
  text,
  format: "markdown" as const,
  fileName: null,
  mediaType: null,
  edits: [],
});

// Starting a worker thread (tsx, then the importers) takes seconds on a busy machine.
const STARTUP = 60_000;

describe("the work pool", () => {
  // Ordinary documents take milliseconds; the attack below takes a minute or more.
  const pool = new WorkPool({ budgetMs: 3_000, threads: 1 });
  afterAll(() => pool.close());

  it(
    "reads a document on a worker thread as the importer reads it",
    async () => {
      expect(await pool.run("readContent", markdown("# Harbour\n\nClosed in *winter*."))).toEqual({
        ok: true,
        value: {
          format: "markdown",
          text: "Harbour\n\nClosed in winter.",
          blocks: [
            { kind: "heading", level: 1, start: 0, end: 7 },
            { kind: "paragraph", level: null, start: 9, end: 26 },
          ],
        },
        events: [],
      });
    },
    STARTUP,
  );

  it(
    "stops a task past its budget with too_complex, and reads the next one on a new thread",
    async () => {
      const stopped = await pool.run("readContent", markdown("[*a](".repeat(30_000)));
      expect(stopped).toMatchObject({ ok: false, error: { code: "too_complex" } });
      expect(await pool.run("readContent", markdown("After the attack."))).toMatchObject({
        ok: true,
        value: { text: "After the attack." },
      });
    },
    STARTUP,
  );

  it(
    "answers too_complex for markup nested deeper than the stack, not a crash",
    async () => {
      // A budget of ten minutes: only the stack overflow, caught, can answer too_complex here.
      const patient = new WorkPool({ budgetMs: 600_000, threads: 1 });
      try {
        const nested = await patient.run("readContent", markdown(`${"> ".repeat(50_000)}deep`));
        expect(nested).toMatchObject({ ok: false, error: { code: "too_complex" } });
      } finally {
        await patient.close();
      }
    },
    STARTUP,
  );

  it(
    "refuses too_complex a file that needs more memory than a thread may have, and reads on",
    async () => {
      // A million small objects: far more heap once parsed than the thread's 32 MB.
      const json = JSON.stringify(Array.from({ length: 1_000_000 }, (_, i) => ({ n: i })));
      const cramped = new WorkPool({ budgetMs: 600_000, threads: 1, heapMb: 32 });
      try {
        const refused = await cramped.run("readDebate", { json });
        expect(refused).toMatchObject({ ok: false, error: { code: "too_complex" } });
        expect(await cramped.run("readContent", markdown("Short."))).toMatchObject({ ok: true });
      } finally {
        await cramped.close();
      }
      // With the server's heap, the same file is parsed, and found not to be a Moot debate.
      expect(await pool.run("readDebate", { json })).toMatchObject({
        ok: false,
        error: { code: "invalid_input" },
      });
    },
    STARTUP,
  );
});
