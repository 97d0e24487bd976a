import type { MemberRow, SpaceRow, Store } from "../../../db/store";
import {
  type Gradebook,
  type GradebookMotion,
  type GradebookRow,
  type OwnGrades,
  scoreOf,
  totalOf,
} from "../../../lib/grades";
import { type Actor, authorize } from "../../policy";
import { Id } from "../ids";
import { done, type Outcome, refuse } from "../outcome";
import { placeOf } from "../spaces/access";
import { figuresOf } from "./figures";
import { rubricOf } from "./rubricRows";

const signInFirst = () => refuse("unauthenticated", "Sign in to read grades.");

/** Participants and observers are graded; owners and moderators run the room. */
const graded = (member: MemberRow) => member.role === "participant" || member.role === "observer";

/** The space named by an untrusted id, with the actor's place in it; visitors need a session. */
async function spaceOf(store: Store, actor: Actor, spaceId: unknown) {
  const parsed = Id.safeParse(spaceId);
  if (!parsed.success) return refuse("invalid_input", "That is not a valid space id.");
  if (actor.kind === "anonymous") return signInFirst();
  const place = await placeOf(store, actor, parsed.data);
  if (!place || authorize(actor, "space.read", place)) return refuse("not_found", "No such space.");
  return done(place);
}

/** Every graded member's row over the space's motions past draft, by name. */
async function rowsOf(
  store: Store,
  space: SpaceRow,
  members: MemberRow[],
): Promise<{ motions: GradebookMotion[]; rows: GradebookRow[] }> {
  const motionRows = (await store.motions.list([space.id])).filter((m) => m.status !== "draft");
  const motionIds = motionRows.map((m) => m.id);
  const [rubricRows, markRows] = await Promise.all([
    store.grades.rubrics(motionIds),
    store.grades.marks(motionIds),
  ]);
  const motions = motionRows.map((m) => ({
    id: m.id,
    title: m.title,
    anonymous: m.settings.anonymous,
    rubric: rubricOf(rubricRows.find((r) => r.motionId === m.id)),
  }));
  const userIds = members.map((m) => m.userId);
  const figures = await Promise.all(motions.map((m) => figuresOf(store, m.id, userIds)));
  const rows: GradebookRow[] = [];
  for (const member of members) {
    const grades = motions.map((motion, i) => {
      const counted = figures[i]?.get(member.userId);
      if (!counted) throw new Error("every member has figures on every motion");
      const marked = markRows.find((r) => r.motionId === motion.id && r.userId === member.userId);
      const mark = marked?.mark ?? null;
      return {
        motionId: motion.id,
        ...counted,
        mark,
        comment: marked?.comment ?? "",
        ...scoreOf(counted, mark, motion.rubric),
      };
    });
    const email = (await store.users.get(member.userId))?.email ?? null;
    rows.push({
      user: { id: member.userId, name: member.name, email },
      role: member.role as GradebookRow["role"],
      grades,
      total: totalOf(grades),
    });
  }
  rows.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.user.id.localeCompare(b.user.id));
  return { motions, rows };
}

/**
 * The space's gradebook, for its owners and moderators: one row per participant and observer,
 * one grade per motion past draft. Real names, anonymous motions too, as in the participation
 * table: only those who run the room read it. Anyone else who may read the space is answered as
 * if it had no gradebook (404): their own grades are `ownGrades`.
 */
export async function gradebook(
  store: Store,
  actor: Actor,
  spaceId: unknown,
): Promise<Outcome<Gradebook>> {
  const found = await spaceOf(store, actor, spaceId);
  if (!found.ok) return found;
  const { space } = found.value;
  if (authorize(actor, "grade.read", found.value)) {
    return refuse("not_found", "No such gradebook: your own grades are at /grades/me.");
  }
  const members = (await store.memberships.list(space.id)).filter(graded);
  return done({
    space: { id: space.id, name: space.name },
    ...(await rowsOf(store, space, members)),
  });
}

/** A graded member's own row of the gradebook, with the teacher's marks and comments. */
export async function ownGrades(
  store: Store,
  actor: Actor,
  spaceId: unknown,
): Promise<Outcome<OwnGrades>> {
  const found = await spaceOf(store, actor, spaceId);
  if (!found.ok) return found;
  const { space } = found.value;
  const member = (await store.memberships.list(space.id)).find((m) => m.userId === actor.id);
  if (!member || !graded(member)) {
    return refuse(
      "not_found",
      "You have no grades here: only participants and observers are graded.",
    );
  }
  const { motions, rows } = await rowsOf(store, space, [member]);
  const [row] = rows;
  if (!row) return refuse("not_found", "You have no grades here.");
  return done({ space: { id: space.id, name: space.name }, motions, row });
}
