import type { Store } from "../../../db/store";
import { ChangeMotionStatus, DRAFT_TITLE, EditMotion } from "../../../lib/commands";
import type { MotionStatus } from "../../../lib/debate";
import type { Actor } from "../../policy";
import { refuse } from "../outcome";
import { moderate, unchanged } from "./moderate";

/** Which status a motion may go to from each: a draft opens, an open one closes, and so on. */
const next: Record<MotionStatus, MotionStatus[]> = {
  draft: ["open"],
  open: ["closed"],
  closed: ["open", "archived"],
  archived: [],
};

/** Rewords a draft: once it is open, its title is what the room voted on. */
export const editMotion = (store: Store, actor: Actor, input: unknown) =>
  moderate(store, actor, input, EditMotion, "motion.edit", async (tx, cmd, motion) => {
    if (motion.status !== "draft") return refuse("conflict", "Only a draft can be reworded.");
    const { title, description } = cmd;
    if (title === motion.title && description === motion.description) {
      return unchanged({ title, description });
    }
    await tx.motions.update(motion.id, { title, description });
    return { type: "motion.edited", data: { title, description } };
  });

/** Moves a motion along its life: draft → open → closed (→ open again) → archived. */
export const changeMotionStatus = (store: Store, actor: Actor, input: unknown) =>
  moderate(store, actor, input, ChangeMotionStatus, "motion.status", async (tx, cmd, motion) => {
    if (!next[motion.status].includes(cmd.status)) {
      return refuse("conflict", `The motion is ${motion.status}: it cannot become ${cmd.status}.`);
    }
    if (motion.status === "draft" && motion.title === DRAFT_TITLE) {
      return refuse("invalid_input", "title: give the motion its title before opening it.");
    }
    await tx.motions.update(motion.id, { status: cmd.status });
    return {
      type: "motion.status",
      data: { status: cmd.status, previous: motion.status },
    };
  });
