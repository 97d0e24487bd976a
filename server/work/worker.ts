import { tasks, type WorkerTask } from "./tasks";

/** A worker thread of the pool (server/work/pool.ts): says it has started, runs one task. */
export default function run({ name, input, started }: WorkerTask) {
  started.postMessage("started");
  started.close();
  return tasks[name](input as never);
}
