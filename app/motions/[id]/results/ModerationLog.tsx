import { moderationSentence } from "@/lib/moderationWords";
import type { ModerationEntry } from "@/server/domain/debate/moderationLog";

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
          {entry.moderator.name} · {moderationSentence(entry)}
        </li>
      ))}
    </ol>
  );
}
