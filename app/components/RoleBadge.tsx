import type { SpaceRole } from "@/lib/spaces";

const labels: Record<SpaceRole, string> = {
  owner: "Owner",
  moderator: "Moderator",
  participant: "Participant",
  observer: "Observer",
};

export function RoleBadge({ role, guest = false }: { role: SpaceRole; guest?: boolean }) {
  return (
    <span className="badge">
      {labels[role]}
      {guest ? " · guest" : ""}
    </span>
  );
}
