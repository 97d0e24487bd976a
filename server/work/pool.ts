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
}

/**
 * CPU-heavy work (reading a document, re-anchoring its passages) off the event loop, on a few
 * worker threads. Each task has a time budget counted from when a thread starts it (neither the
 * wait for a free thread nor a new thread's start-up counts): past it the thread is terminated,
 * and the answer is the refusal too_complex. So is a task that overflows the stack (deeply
 * nested markup).
 */
export class WorkPool {
  readonly budgetMs: number;
  readonly threads: number;
  readonly #piscina: Piscina;

  constructor({ budgetMs, threads = Math.max(1, availableParallelism() - 1) }: WorkPoolOptions) {
    this.budgetMs = budgetMs;
    this.threads = threads;
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
      execArgv: ["--import", tsxLoader],
    });
  }

  async run<N extends TaskName>(name: N, input: TaskInput<N>): Promise<TaskOutput<N> | Failure> {
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
      if (stop.signal.aborted || isStackOverflow(error)) {
        return failure("too_complex", tooComplexSentence[name]);
      }
      throw error;
    } finally {
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
