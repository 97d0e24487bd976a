/**
 * How long the event loop stalls while uploads are read: previews adversarial Markdown (150 KB
 * and more of unclosed emphasis, comments, tags and links), the largest plain text a document
 * may hold, a 10 MB text (refused as too long, after it is read) and a PDF of a few hundred
 * pages, through the domain command the preview route calls, with the work pool as the server
 * starts it. For each it prints the answer and the event loop's max and p99 delay
 * (perf_hooks.monitorEventLoopDelay); then the same reading done on the main thread, as before
 * the pool, for the inputs that finish in reasonable time there.
 *
 *   npx tsx bench/event-loop.ts            (WORK_BUDGET_MS sets the budget, 10 s by default)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { openStore } from "../db";
import { previewDocument } from "../server/domain/library/previewDocument";
import { readContent } from "../server/domain/library/readContent";
import { createSpace } from "../server/domain/spaces/createSpace";
import { systemActor } from "../server/policy";
import { WorkPool } from "../server/work/pool";
import { DEFAULT_WORK_BUDGET_MS, setWorkPool } from "../server/work/shared";
import { textPdf } from "../tests/support/pdf";
import { ratioOf, report, times, within } from "./support/figures";

const KB = 1024;
const sized = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));
const paragraph =
  "The harbour at Port Ellen was closed for three months every winter, and the fishing fleet tied up along the north quay until the ice broke in the spring. ";

type Case = {
  name: string;
  input: { text: string; format: "text" | "markdown" } | { raw: Uint8Array; mediaType: string };
  /** Whether reading it on the main thread finishes in reasonable time, for the "before" row. */
  inline: boolean;
};

async function cases(): Promise<Case[]> {
  const markdown = (name: string, text: string, inline = true): Case => ({
    name,
    input: { text, format: "markdown" },
    inline,
  });
  const pdfPages = Array.from({ length: 300 }, () =>
    Array.from({ length: 40 }, (_, i) => ({ text: paragraph.slice(0, 80 + (i % 7)) })),
  );
  const pdf = await textPdf(pdfPages, { header: "Harbour Review" });
  return [
    markdown("Markdown 150 KB, *a *a *a", sized("*a ", 150 * KB)),
    markdown("Markdown 150 KB, *a*a*a", sized("*a", 150 * KB)),
    markdown("Markdown 150 KB, _a_a_a", sized("_a", 150 * KB), false),
    markdown('Markdown 150 KB, "<!--"', sized("<!--", 150 * KB)),
    markdown('Markdown 150 KB, "<a " without ">"', `<div>\n${sized("<a ", 150 * KB)}`),
    markdown("Markdown 150 KB, [*a](", sized("[*a](", 150 * KB), false),
    markdown("Markdown 1 MB, *a *a *a", sized("*a ", 1024 * KB), false),
    markdown("Markdown, quotations 50,000 deep", `${"> ".repeat(50_000)}deep`),
    markdown("Markdown 1,900,000 characters, ordinary", sized(`${paragraph}\n\n`, 1_900_000)),
    {
      name: "plain text 1,900,000 characters",
      input: { text: sized(`${paragraph}\n`, 1_900_000), format: "text" },
      inline: true,
    },
    {
      name: "plain text file 10 MB (refused: too long)",
      input: {
        raw: new TextEncoder().encode(sized(`${paragraph}\n`, 10 * 1024 * KB - 1)),
        mediaType: "text/plain",
      },
      inline: true,
    },
    {
      name: `PDF, 300 pages (${(pdf.byteLength / 1024 / 1024).toFixed(1)} MB)`,
      input: { raw: pdf, mediaType: "application/pdf" },
      inline: true,
    },
  ];
}

type Measured = {
  value: { ok: boolean; error?: { code: string } };
  ms: number;
  maxMs: number;
  p99Ms: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` while the event loop's delay is sampled every 10 ms: the answer, max, p99, time. */
async function measured<T>(work: () => Promise<T>) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // The monitor's first samples set its clock: a stall before them would go unseen.
  await sleep(50);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  // One more turn of the timers, so that a stall at the very end is sampled too.
  await sleep(50);
  delay.disable();
  return { value, ms, maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 };
}

const row = (cells: string[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(44) : cell.padStart(i === 2 ? 18 : 10))).join("  ");
const cells = (name: string, where: string, m: Measured) =>
  row([
    name,
    where,
    m.value.ok ? (where === "-" ? "-" : "read") : (m.value.error?.code ?? "?"),
    `${m.maxMs.toFixed(0)} ms`,
    `${m.p99Ms.toFixed(0)} ms`,
    `${(m.ms / 1000).toFixed(1)} s`,
  ]);

/** A worker thread that only burns a core for five seconds, running none of our code. */
const spin = () =>
  new Promise<{ ok: boolean }>((resolve, reject) => {
    const worker = new Worker("const end = Date.now() + 5000; while (Date.now() < end);", {
      eval: true,
    });
    worker.once("exit", () => resolve({ ok: true }));
    worker.once("error", reject);
  });

const dir = mkdtempSync(join(tmpdir(), "moot-bench-event-loop-"));
const store = await openStore({ dialect: "sqlite", path: join(dir, "bench.db") });
const budgetMs = Number(process.env.WORK_BUDGET_MS ?? DEFAULT_WORK_BUDGET_MS);
const pool = new WorkPool({ budgetMs });
setWorkPool(pool);

try {
  const space = await createSpace(store, systemActor, {
    clientId: crypto.randomUUID(),
    name: "Bench",
    visibility: "private",
  });
  if (!space.ok) throw new Error(space.error.message);
  const spaceId = space.value.spaceId;
  const all = await cases();
  // A first small preview starts the worker thread, so that its start-up is not counted.
  await previewDocument(store, systemActor, { spaceId, title: "Warm", text: "Warm." });

  console.log(
    `Event-loop delay while an upload is read (work budget ${budgetMs} ms, ${pool.threads} worker thread(s))\n`,
  );
  console.log(row(["input", "where", "answer", "loop max", "loop p99", "took"]));
  // The noise floor: the loop with nothing to do, and while a worker thread of this process
  // spins without any of our code (the machine's cores are shared).
  console.log(
    cells("nothing (3 s idle)", "-", await measured(() => sleep(3_000).then(() => ({ ok: true })))),
  );
  const control = await measured(spin);
  console.log(cells("a worker thread spinning 5 s (control)", "-", control));
  const longest = { pool: 0, mainThread: 0 };
  for (const { name, input, inline } of all) {
    const onPool = await measured(() =>
      previewDocument(store, systemActor, { spaceId, title: name, fileName: null, ...input }),
    );
    console.log(cells(name, "worker pool", onPool));
    longest.pool = Math.max(longest.pool, onPool.maxMs);
    if (inline) {
      const before = await measured(() =>
        readContent({ fileName: null, mediaType: null, format: "text", edits: [], ...input }).catch(
          (error: Error) => ({ ok: false, error: { code: `threw ${error.name}` } }),
        ),
      );
      console.log(cells(name, "main thread", before));
      longest.mainThread = Math.max(longest.mainThread, before.maxMs);
    }
  }
  report("event-loop", [
    {
      figure: `event loop held at most while ${all.length} hostile uploads are read`,
      moot: `${longest.pool.toFixed(0)} ms on the worker pool`,
      baseline: `main thread ${longest.mainThread.toFixed(0)} ms; control ${control.maxMs.toFixed(0)} ms`,
      ratio: times(ratioOf(longest.pool, longest.mainThread)),
      target: "<= 100 ms",
      met: within([longest.pool, 100]),
    },
  ]);
} finally {
  await pool.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
