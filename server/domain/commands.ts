import type { z } from "zod";
import type { Store } from "../../db/store";
import {
  AgreeArgument,
  ApproveArgument,
  AssignSide,
  CastVote,
  ChangeMotionStatus,
  ChangeSettings,
  EditArgument,
  EditMotion,
  HideArgument,
  LockMotion,
  PinArgument,
  PostArgument,
  RateArgument,
  RejectArgument,
  RestoreArgument,
  ReviewCitation,
  RunPhase,
  SetTimer,
  SpotlightArgument,
  WithdrawArgument,
} from "../../lib/commands";
import { MarkGrade, SetRubric } from "../../lib/grades";
import { FollowMotion, MarkNotificationsRead } from "../../lib/notifications";
import type { MotionEventType } from "../../lib/protocol";
import { MarkAllRead, MarkRead } from "../../lib/reading";
import type { Action, Actor } from "../policy";
import type { LimitFamily } from "../rateLimits/table";
import { DeleteAccountInput, deleteAccount } from "./accounts/deleteAccount";
import { confirmPasswordReset, PasswordResetConfirm } from "./accounts/passwordReset";
import { RenameAccountInput, renameAccount } from "./accounts/renameAccount";
import { EndSessionsInput, endAllSessions } from "./accounts/sessions";
import { SignUpInput, signUp } from "./accounts/signUp";
import { editArgument, withdrawArgument } from "./debate/changeArgument";
import { CreateMotionInput, createMotion } from "./debate/createMotion";
import { agreeWithArgument, castVote, rateArgument } from "./debate/judge";
import { changeMotionStatus, editMotion } from "./debate/lifecycle";
import {
  approveArgument,
  changeSettings,
  hideArgument,
  lockMotion,
  pinArgument,
  rejectArgument,
  restoreArgument,
  spotlightArgument,
} from "./debate/moderate";
import { postArgument } from "./debate/postArgument";
import { assignSide, runPhase, setTimer } from "./debate/session";
import { ImportDebateTarget, importDebate } from "./exports/importDebate";
import { markGrade } from "./grades/markGrade";
import { setRubric } from "./grades/setRubric";
import { AddVersionInput, addVersion } from "./library/addVersion";
import { CopyDocumentInput, copyDocument } from "./library/copyDocument";
import { ImportDocumentInput, importDocument } from "./library/importDocument";
import { reviewCitation } from "./library/reviewCitations";
import { followMotion } from "./notifications/follow";
import { markNotificationsRead } from "./notifications/inbox";
import type { Outcome } from "./outcome";
import { markAllRead, markRead } from "./reading/markRead";
import { CreateSpaceInput, createSpace } from "./spaces/createSpace";
import { JoinSpaceInput, joinSpace } from "./spaces/joinSpace";
import { ManageJoinCodeInput, manageJoinCode } from "./spaces/manageJoinCode";
import { ChangeMemberInput, changeMember, MuteMemberInput, muteMember } from "./spaces/members";

/**
 * Where a command stands in the REST API: `POST /api/motions/:id/commands/:name` or
 * `POST /api/arguments/:id/commands/:name`, the path's id going in as `motionId` or
 * `argumentId`. `renames` are the fields the older `PATCH /api/<resource>/:id` body names
 * otherwise (its field -> the command's).
 */
export interface RestShape {
  on: "motion" | "argument";
  renames?: Readonly<Record<string, string>>;
}

/**
 * One command as every door runs it. The domain function parses `input` and asks the policy
 * for `action` itself: the schema and action here say what it takes and guards, for the doors,
 * the documentation and the tests. `emits`: the event types a success may publish. `limit`: the
 * rate-limit family every door counts it against (server/rateLimits/table.ts).
 */
export interface Command<T = unknown> {
  input: z.ZodType;
  /** null: no space's policy applies: the actor's own things (their inbox, their account). */
  action: Action | null;
  run: (store: Store, actor: Actor, input: unknown) => Promise<Outcome<T>>;
  emits: readonly MotionEventType[];
  /** Or the family for this actor (joining a space: a member's, or a guest's). */
  limit?: LimitFamily | ((actor: Actor) => LimitFamily);
  /** Served over Socket.IO as an event of the command's name (docs/protocol.md). */
  socket: boolean;
  rest?: RestShape;
}

// Keeps each command's `socket` as the literal it is, so the type of the socket commands follows.
const command = <T, S extends boolean>(spec: Command<T> & { socket: S }) => spec;

/**
 * Every command that changes something, by name: entity:verb, the Socket.IO event name for the
 * ones served there. Doors run them through server/execute.ts, never the functions directly.
 */
export const commands = {
  "argument:post": command({
    input: PostArgument,
    action: "argument.post",
    run: postArgument,
    emits: ["argument.posted", "argument.submitted"],
    limit: "posts",
    socket: true,
    rest: { on: "motion" },
  }),
  "argument:edit": command({
    input: EditArgument,
    action: "argument.edit",
    run: editArgument,
    emits: ["argument.edited"],
    limit: "posts",
    socket: true,
    rest: { on: "argument" },
  }),
  "argument:withdraw": command({
    input: WithdrawArgument,
    action: "argument.edit",
    run: withdrawArgument,
    emits: ["argument.withdrawn"],
    limit: "moderation",
    socket: true,
    rest: { on: "argument" },
  }),
  "motion:vote": command({
    input: CastVote,
    action: "motion.vote",
    run: castVote,
    emits: ["vote.cast"],
    limit: "votes",
    socket: true,
    rest: { on: "motion" },
  }),
  "argument:rate": command({
    input: RateArgument,
    action: "argument.rate",
    run: rateArgument,
    emits: ["argument.rated"],
    limit: "votes",
    socket: true,
    rest: { on: "argument" },
  }),
  "argument:agree": command({
    input: AgreeArgument,
    action: "argument.agree",
    run: agreeWithArgument,
    emits: ["argument.agreed"],
    limit: "votes",
    socket: true,
    rest: { on: "argument" },
  }),
  "motion:settings": command({
    input: ChangeSettings,
    action: "motion.settings",
    run: changeSettings,
    emits: ["motion.settings"],
    limit: "moderation",
    socket: true,
    rest: { on: "motion" },
  }),
  "motion:lock": command({
    input: LockMotion,
    action: "motion.lock",
    run: lockMotion,
    emits: ["motion.locked"],
    limit: "moderation",
    socket: true,
    rest: { on: "motion" },
  }),
  "moderation:hide": command({
    input: HideArgument,
    action: "argument.hide",
    run: hideArgument,
    emits: ["argument.hidden"],
    limit: "moderation",
    socket: true,
    rest: { on: "argument" },
  }),
  "moderation:restore": command({
    input: RestoreArgument,
    action: "argument.restore",
    run: restoreArgument,
    emits: ["argument.restored"],
    limit: "moderation",
    socket: true,
    rest: { on: "argument" },
  }),
  "argument:pin": command({
    input: PinArgument,
    action: "argument.pin",
    run: pinArgument,
    emits: ["argument.pinned"],
    limit: "moderation",
    socket: true,
    rest: { on: "argument" },
  }),
  "argument:spotlight": command({
    input: SpotlightArgument,
    action: "argument.spotlight",
    run: spotlightArgument,
    emits: ["argument.spotlighted"],
    limit: "moderation",
    socket: true,
    rest: { on: "motion", renames: { spotlight: "argumentId" } },
  }),
  "moderation:approve": command({
    input: ApproveArgument,
    action: "argument.approve",
    run: approveArgument,
    emits: ["argument.approved"],
    limit: "moderation",
    socket: true,
    rest: { on: "argument" },
  }),
  "moderation:reject": command({
    input: RejectArgument,
    action: "argument.reject",
    run: rejectArgument,
    emits: ["argument.rejected"],
    limit: "moderation",
    socket: true,
    rest: { on: "argument" },
  }),
  "session:phase": command({
    input: RunPhase,
    action: "session.phase",
    run: runPhase,
    emits: ["session.phase"],
    limit: "moderation",
    socket: true,
    rest: { on: "motion" },
  }),
  "session:timer": command({
    input: SetTimer,
    action: "session.timer",
    run: setTimer,
    emits: ["session.timer"],
    limit: "moderation",
    socket: true,
    rest: { on: "motion", renames: { timer: "seconds" } },
  }),
  "session:side": command({
    input: AssignSide,
    action: "session.side",
    run: assignSide,
    emits: ["session.side"],
    limit: "moderation",
    socket: true,
    rest: { on: "motion" },
  }),
  "motion:edit": command({
    input: EditMotion,
    action: "motion.edit",
    run: editMotion,
    emits: ["motion.edited"],
    limit: "moderation",
    socket: true,
    rest: { on: "motion" },
  }),
  "motion:status": command({
    input: ChangeMotionStatus,
    action: "motion.status",
    run: changeMotionStatus,
    emits: ["motion.status"],
    limit: "moderation",
    socket: true,
    rest: { on: "motion" },
  }),
  "citation:review": command({
    input: ReviewCitation,
    action: "citation.review",
    run: reviewCitation,
    emits: ["citation.reviewed"],
    limit: "moderation",
    socket: true,
    rest: { on: "argument" },
  }),
  "motion:read": command({
    input: MarkRead,
    action: "space.read",
    run: markRead,
    emits: [],
    limit: "marks",
    socket: true,
    rest: { on: "motion" },
  }),
  "motion:follow": command({
    input: FollowMotion,
    action: "motion.follow",
    run: followMotion,
    emits: [],
    limit: "marks",
    socket: true,
    rest: { on: "motion" },
  }),
  "space:create": command({
    input: CreateSpaceInput,
    action: "space.create",
    run: createSpace,
    emits: [],
    limit: "creations",
    socket: false,
  }),
  "space:join-code": command({
    input: ManageJoinCodeInput,
    action: "space.manage",
    run: manageJoinCode,
    emits: [],
    limit: "moderation",
    socket: false,
  }),
  "space:read": command({
    input: MarkAllRead,
    action: "space.read",
    run: markAllRead,
    emits: [],
    socket: false,
  }),
  /** A removed member, or one who no longer moderates, is evicted from rooms (its effect). */
  "member:change": command({
    input: ChangeMemberInput,
    action: "member.manage",
    run: changeMember,
    emits: [],
    limit: "moderation",
    socket: false,
  }),
  "member:mute": command({
    input: MuteMemberInput,
    action: "member.mute",
    run: muteMember,
    emits: [],
    limit: "moderation",
    socket: false,
  }),
  "motion:create": command({
    input: CreateMotionInput,
    action: "motion.create",
    run: createMotion,
    emits: ["motion.created"],
    limit: "creations",
    socket: false,
  }),
  // Uploads are counted by their doors before the body is read (server/bodyGate.ts).
  "document:import": command({
    input: ImportDocumentInput,
    action: "document.import",
    run: importDocument,
    emits: [],
    limit: "uploads",
    socket: false,
  }),
  "document:copy": command({
    input: CopyDocumentInput,
    action: "document.import",
    run: copyDocument,
    emits: [],
    limit: "uploads",
    socket: false,
  }),
  "document:version": command({
    input: AddVersionInput,
    action: "document.import",
    run: addVersion,
    emits: ["evidence.reanchored"],
    limit: "uploads",
    socket: false,
  }),
  "debate:import": command({
    input: ImportDebateTarget,
    action: "motion.create",
    run: importDebate,
    emits: ["motion.created", "argument.posted", "argument.hidden", "argument.withdrawn"],
    limit: "uploads",
    socket: false,
  }),
  // The gradebook's commands have routes of their own (docs/api.md, "The gradebook").
  "rubric:set": command({
    input: SetRubric,
    action: "grade.set",
    run: setRubric,
    emits: ["rubric.set"],
    limit: "moderation",
    socket: false,
  }),
  "grade:mark": command({
    input: MarkGrade,
    action: "grade.set",
    run: markGrade,
    emits: ["grade.marked"],
    limit: "moderation",
    socket: false,
  }),
  /** Its door ends the sessions' open connections and this browser's cookie (docs/api.md). */
  "account:delete": command({
    input: DeleteAccountInput,
    action: null,
    run: deleteAccount,
    emits: ["author.deleted"],
    socket: false,
  }),
  "account:rename": command({
    input: RenameAccountInput,
    action: null,
    run: renameAccount,
    emits: ["author.renamed"],
    limit: "names",
    socket: false,
  }),
  "notifications:read": command({
    input: MarkNotificationsRead,
    action: null,
    run: markNotificationsRead,
    emits: [],
    socket: false,
  }),
  "account:create": command({
    input: SignUpInput,
    action: null,
    run: signUp,
    emits: ["author.renamed"],
    limit: "signUps",
    socket: false,
  }),
  "space:join": command({
    input: JoinSpaceInput,
    action: "space.join",
    run: joinSpace,
    emits: [],
    limit: (actor) => (actor.kind === "user" ? "joins" : "guestJoins"),
    socket: false,
  }),
  "sessions:end": command({
    input: EndSessionsInput,
    action: null,
    run: endAllSessions,
    emits: [],
    socket: false,
  }),
  "password:reset": command({
    input: PasswordResetConfirm,
    action: null,
    run: (store, _actor, input) => confirmPasswordReset(store, input),
    emits: [],
    limit: "passwordResets",
    socket: false,
  }),
} as const;

/** The family a command's requests count against for this actor, if it is limited. */
export const limitFamilyOf = (command: Command<unknown>, actor: Actor) =>
  typeof command.limit === "function" ? command.limit(actor) : command.limit;

export type CommandName = keyof typeof commands;

/** What a command answers when it succeeds. */
export type ValueOf<N extends CommandName> =
  (typeof commands)[N] extends Command<infer T> ? T : never;

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** The names of the commands served over Socket.IO. */
export type SocketCommandName = {
  [N in CommandName]: (typeof commands)[N]["socket"] extends true ? N : never;
}[CommandName];

export const isSocketCommand = (name: string): name is SocketCommandName =>
  isCommandName(name) && commands[name].socket;

/** The commands served over Socket.IO, each as the event of its name. */
export const socketCommands = Object.keys(commands).filter(isSocketCommand);
