import type { MessagePort } from "node:worker_threads";
import type { QuoteSelector } from "../../lib/anchoring";
import { type Judgment, opinionGroups } from "../../lib/opinionGroups";
import { type Anchor, reanchor } from "../../lib/reanchor";
import { readDebate } from "../domain/exports/readDebate";
import { renderExport } from "../domain/exports/render";
import { readContent } from "../domain/library/readContent";

/**
 * The work that runs on the worker threads: pure computation over what a request sent, each a
 * function of one structured-clonable input. The database is never touched here.
 */
export const tasks = {
  readContent,
  readDebate,
  renderExport,
  /** Where each passage stands in a document's new text. */
  reanchor: ({ selectors, text }: { selectors: QuoteSelector[]; text: string }): Anchor[] =>
    selectors.map((selector) => reanchor(selector, text)),
  /** The room's opinion groups from its judgments, labels kept from the previous groups. */
  opinionGroups: ({
    judgments,
    previous,
  }: {
    judgments: Judgment[];
    previous: Record<string, string[]>;
  }) => opinionGroups(judgments, previous),
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
export type TaskInput<N extends TaskName> = Parameters<Tasks[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<Tasks[N]>>;

/** What the pool sends a worker: the task, and a port to say when it starts running it. */
export interface WorkerTask {
  name: TaskName;
  input: TaskInput<TaskName>;
  started: MessagePort;
}

/** What people are told when a task is stopped: it took too long, or nested too deep. */
export const tooComplexSentence: Record<TaskName, string> = {
  readContent:
    "This document is too complex to read within the time and memory the server gives one document (long runs of unclosed or nested markup?): nothing was stored. Simplify it, or paste it as plain text.",
  readDebate:
    "This export takes more time or memory to read than the server gives one file: nothing was stored.",
  renderExport:
    "This debate takes more time or memory to write as a file than the server gives one export: try another format.",
  opinionGroups:
    "Working out the room's opinion groups takes more time or memory than the server allows: try again later.",
  reanchor:
    "Finding the cited passages again in this version takes more time or memory than the server allows: nothing was stored.",
};
