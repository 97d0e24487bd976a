import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { type Failure, failure } from "../../lib/result";
import {
  type TaskInput,
  type TaskName,
  type TaskOutput,
  tooComplexSentence,
  type WorkerTask,
} from "./tasks";

export interface WorkPoolOptions {
  /** How long one task may run before it is stopped and answered too_complex. */
  budgetMs: number;
  /** Worker threads; by default every core but one, so the event loop keeps a core. */
  threads?: number;
  /** Tasks that may wait for a thread; past them a task is refused rate_limited at once. */
  maxQueue?: number;
  /** Each thread's heap: a task that needs more ends its thread alone and is refused too_complex. */
  heapMb?: number;
}

/** How many tasks may wait for each thread: a short burst waits, a flood is told to come back. */
const QUEUED_PER_THREAD = 4;

/**
 * A thread's heap by default: the largest inputs (a 30 MB export, a 10 MB document) become
 * strings and trees of a few hundred megabytes while read.
 */
const DEFAULT_HEAP_MB = 1_024;

/** How long a refusal for a full queue asks people to wait: a few tasks' worth. */
const FULL_QUEUE_RETRY_MS = 5_000;

const fullQueue = (): Failure => ({
  ok: false,
  error: {
    code: "rate_limited",
    message: "The server is reading other documents; try again in a few seconds.",
    retryAfterMs: FULL_QUEUE_RETRY_MS,
  },
});

/**
 * CPU-heavy work (reading a document, re-anchoring its passages) off the event loop, on a few
 * worker threads. Each task has a time budget counted from when a thread starts it (neither the
 * wait for a free thread nor a new thread's start-up counts): past it the thread is terminated,
 * and the answer is the refusal too_complex. So is a task that overflows the stack (deeply
 * nested markup) or its thread's heap. Only a few tasks may wait for a thread: past them a task
 * is refused rate_limited at once, so a flood of uploads cannot queue without end.
 */
export class WorkPool {
  readonly budgetMs: number;
  readonly threads: number;
  readonly #piscina: Piscina;
  /** Running and waiting tasks at most. Piscina's own maxQueue leaves out abortable tasks. */
  readonly #capacity: number;
  #unfinished = 0;

  constructor({
    budgetMs,
    threads = Math.max(1, availableParallelism() - 1),
    maxQueue = threads * QUEUED_PER_THREAD,
    heapMb = DEFAULT_HEAP_MB,
  }: WorkPoolOptions) {
    this.budgetMs = budgetMs;
    this.threads = threads;
    this.#capacity = threads + maxQueue;
    // Found from here when the pool starts, never while Next bundles the modules that use it.
    // The worker module sits beside this file; it is TypeScript, so workers load tsx first.
    const here = import.meta.url;
    // tsx is the workers' loader, not code of this module: the comment keeps Next from bundling it.
    const tsxLoader = pathToFileURL(
      createRequire(here).resolve(/* turbopackIgnore: true */ "tsx"),
    ).href;
    this.#piscina = new Piscina({
      filename: join(dirname(fileURLToPath(here)), "worker.ts"),
      minThreads: 1,
      maxThreads: threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      execArgv: ["--import", tsxLoader],
    });
  }

  async run<N extends TaskName>(name: N, input: TaskInput<N>): Promise<TaskOutput<N> | Failure> {
    if (this.#unfinished >= this.#capacity) return fullQueue();
    this.#unfinished++;
    const stop = new AbortController();
    // The worker says on this port when it starts the task; the budget runs from then.
    const { port1: startedHere, port2: started } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    startedHere.once("message", () => {
      timer = setTimeout(() => stop.abort(), this.budgetMs);
    });
    try {
      const task: WorkerTask = { name, input, started };
      return await this.#piscina.run(task, { signal: stop.signal, transferList: [started] });
    } catch (error) {
      if (stop.signal.aborted || isStackOverflow(error) || isOutOfMemory(error)) {
        return failure("too_complex", tooComplexSentence[name]);
      }
      throw error;
    } finally {
      this.#unfinished--;
      clearTimeout(timer);
      startedHere.close();
    }
  }

  /** Stops every thread; tasks still running are abandoned. */
  close(): Promise<void> {
    return this.#piscina.destroy();
  }
}

function isStackOverflow(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === "RangeError" &&
    error.message.includes("Maximum call stack size exceeded")
  );
}

/** A thread that ran past its heap (resourceLimits) is ended alone with this error. */
function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY";
}
