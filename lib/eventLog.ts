import type { ArgumentView } from "./debate";
import {
  EVENT_VERSIONS,
  isMotionEventType,
  type MotionEventData,
  type MotionEventType,
} from "./protocol";
import { initialSession } from "./session";

/** An event of a motion's log as the server keeps it: who acted, and when. */
export type StoredEvent<K extends MotionEventType = MotionEventType> = {
  [T in K]: {
    motionId: string;
    seq: number;
    type: T;
    data: MotionEventData[T];
    actorId: string;
    at: Date;
  };
}[K];

/** An event to append: the log gives it the motion's next seq and its type's current version. */
export type NewEvent = { [T in MotionEventType]: Omit<StoredEvent<T>, "seq"> }[MotionEventType];

/** An event's type and payload, as a command decides them before it is appended. */
export type EventBody = {
  [T in MotionEventType]: { type: T; data: MotionEventData[T] };
}[MotionEventType];

/** A row of the events table as either dialect reads it. */
export interface EventRecord {
  motionId: string;
  seq: number;
  type: string;
  version: number;
  data: Record<string, unknown>;
  actorId: string;
  at: Date;
}

type Payload = Record<string, unknown>;

/**
 * What an argument logged before moderated and anonymous motions lacks: no pseudonym (0 names
 * nobody, `disguiseArgument`) and no rejection.
 */
const argumentDefaults: Pick<ArgumentView, "pseudonym" | "rejectionReason"> = {
  pseudonym: 0,
  rejectionReason: null,
};

const completeArgument = (data: Payload): Payload => ({
  ...data,
  argument: { ...argumentDefaults, ...(data.argument as Payload) },
});

/**
 * From one version of a type to the next: `upgrades[type][v]` turns a version-v payload into v+1.
 * The migration that brought in versions gave every row stored before it version 1, whatever
 * shape it was written in then: so a step from version 1 only adds defaults for fields a row
 * may lack, keeping any it has, and never relies on a field being there or absent. Steps from
 * later versions may rely on their version's shape (EVENT_VERSIONS, lib/protocol.ts).
 */
const upgrades: Partial<Record<MotionEventType, Record<number, (data: Payload) => Payload>>> = {
  "argument.posted": { 1: completeArgument },
  "argument.submitted": { 1: completeArgument },
  "argument.approved": { 1: completeArgument },
  "argument.restored": { 1: completeArgument },
  // Settings changed before structured sessions existed left the session as it began.
  "motion.settings": { 1: (data) => ({ ...data, session: data.session ?? initialSession }) },
  // Before the motion's sources were re-anchored, only citations moved.
  "evidence.reanchored": { 1: (data) => ({ sources: [], ...data }) },
};

/**
 * A stored row as a typed event of the current version: the one place the log's rows are read.
 * A row's payload was written by a typed append in its version's shape; the steps above bring
 * it to the current one.
 */
export function upgradeEvent(row: EventRecord): StoredEvent {
  const { type, version } = row;
  if (!isMotionEventType(type)) {
    throw new Error(`motion ${row.motionId} seq ${row.seq}: unknown event type ${type}`);
  }
  let data = row.data;
  for (let v = version; v < EVENT_VERSIONS[type]; v++) {
    const step = upgrades[type]?.[v];
    if (!step) throw new Error(`no upgrade of ${type} from version ${v}`);
    data = step(data);
  }
  const { motionId, seq, actorId, at } = row;
  return { motionId, seq, type, data, actorId, at } as StoredEvent;
}
