import type { MotionStatus } from "@/lib/debate";

const labels: Record<MotionStatus, string> = {
  draft: "Draft",
  open: "Open",
  closed: "Closed",
  archived: "Archived",
};

export function StatusBadge({ status }: { status: MotionStatus }) {
  return <span className={`badge badge-${status}`}>{labels[status]}</span>;
}
