"use client";

import { type MemberColumn, MemberTable } from "@/app/components/MemberTable";
import type { ParticipationRow } from "@/lib/results";
import { roleLabel } from "./labels";

const columns: MemberColumn<ParticipationRow>[] = [
  { key: "name", label: "Name", value: (r) => r.user.name },
  { key: "role", label: "Role", value: (r) => roleLabel(r.role) },
  { key: "for", label: "Arguments for", value: (r) => r.arguments.for },
  { key: "against", label: "Arguments against", value: (r) => r.arguments.against },
  { key: "supports", label: "Replies supporting", value: (r) => r.replies.supports },
  { key: "attacks", label: "Replies attacking", value: (r) => r.replies.attacks },
  { key: "citations", label: "Citations", value: (r) => r.citations },
  { key: "given", label: "Ratings given", value: (r) => r.ratingsGiven },
  { key: "received", label: "Ratings received", value: (r) => r.ratingsReceived },
  { key: "votes", label: "Votes", value: (r) => r.votes },
  { key: "minutes", label: "Minutes active", value: (r) => r.minutesActive },
];

/** The participation table: a row per member, what each did in the debate. */
export function ParticipationTable({ rows }: { rows: ParticipationRow[] }) {
  return <MemberTable columns={columns} rows={rows} wordColumns={2} />;
}
