import type { Stance } from "@/lib/debate";
import type { SpaceRole } from "@/lib/spaces";

const roles: Record<SpaceRole, string> = {
  owner: "Owner",
  moderator: "Moderator",
  participant: "Participant",
  observer: "Observer",
};

export const roleLabel = (role: SpaceRole | null) => (role ? roles[role] : "Not a member");

const stances: Record<Stance, string> = { for: "For", against: "Against", undecided: "Undecided" };

export const stanceLabel = (stance: Stance | null) => (stance ? stances[stance] : "Did not vote");
