import type { SharedSession } from "@/lib/protocol";
import { phaseLabels } from "@/lib/session";
import type { ModerationEntry } from "@/server/domain/debate/moderationLog";

function phaseSentence(action: string, session: SharedSession): string {
  const phase = session.phase ? phaseLabels[session.phase] : null;
  if (action === "pause") return "Paused the clock";
  if (action === "resume") return "Resumed the clock";
  if (action === "extend") return "Gave the phase more time";
  if (!phase) return "Ended the debate";
  return action === "start" ? `Started the debate: ${phase}` : `Moved on to ${phase}`;
}

const because = (reason: string | null) => (reason ? `: “${reason}”` : "");

/** What each entry of the log did, in words; the data says to what, and why where asked. */
function actionSentence(entry: ModerationEntry): string {
  switch (entry.type) {
    case "motion.settings":
      return "Changed the settings";
    case "motion.locked":
      return entry.data.locked ? "Locked the motion" : "Unlocked the motion";
    case "argument.hidden":
      return `Hid an argument${because(entry.data.reason)}`;
    case "argument.restored":
      return "Restored a hidden argument";
    case "argument.approved":
      return "Approved a post";
    case "argument.rejected":
      return `Rejected a post${because(entry.data.reason)}`;
    case "argument.pinned":
      return entry.data.pinned ? "Pinned an argument" : "Unpinned an argument";
    case "argument.spotlighted":
      return entry.data.argumentId ? "Put an argument in the spotlight" : "Cleared the spotlight";
    case "session.phase":
      return phaseSentence(entry.data.action, entry.data.session);
    case "session.timer":
      return "Set the clock";
    case "session.side":
      return entry.data.side
        ? `Assigned a speaker ${entry.data.side} the motion`
        : "Unassigned a speaker";
    default:
      return entry.type;
  }
}

/** Every moderation action on the motion: who, when and why, oldest first. */
export function ModerationLog({ entries }: { entries: ModerationEntry[] }) {
  if (entries.length === 0) {
    return <p className="empty">No moderation yet: hides, approvals and phases are logged here.</p>;
  }
  return (
    <ol className="moderation-log">
      {entries.map((entry) => (
        <li key={entry.seq}>
          <time dateTime={entry.at}>{new Date(entry.at).toLocaleString("en-GB")}</time> ·{" "}
          {entry.moderator.name} · {actionSentence(entry)}
        </li>
      ))}
    </ol>
  );
}
