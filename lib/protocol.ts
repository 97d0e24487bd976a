import { z } from "zod";
import type { ErrorCode } from "./result";

/** An entry of a motion's event log, as the server sends it. */
export interface MotionEvent {
  motionId: string;
  seq: number;
  type: string;
  data: Record<string, unknown>;
  actor: string;
  at: string;
}

export const MotionJoin = z.object({
  motionId: z.string().min(1),
  sinceSeq: z.number().int().nonnegative().default(0),
});
export type MotionJoin = z.input<typeof MotionJoin>;

export const MotionLeave = z.object({ motionId: z.string().min(1) });
export type MotionLeave = z.input<typeof MotionLeave>;

/** The most events one join replays; a client further behind reloads the motion instead. */
export const MAX_REPLAY = 500;

export type JoinAnswer = { seq: number; events: MotionEvent[]; reload: boolean };

export type Ack<T = object> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: ErrorCode; message: string } };

export interface ClientToServerEvents {
  "motion:join": (payload: MotionJoin, ack: (answer: Ack<JoinAnswer>) => void) => void;
  "motion:leave": (payload: MotionLeave, ack: (answer: Ack) => void) => void;
}

export interface ServerToClientEvents {
  "motion:event": (event: MotionEvent) => void;
}

export const motionRoom = (motionId: string) => `motion:${motionId}`;
