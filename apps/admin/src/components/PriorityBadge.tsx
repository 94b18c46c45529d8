import { badgeStyle } from "@/lib/format";
import { dueLabel, dueSoon, priorityColors, priorityLabels } from "@/lib/planning";

export function PriorityBadge({ priority }: { priority: string }) {
  return (
    <span className="badge" style={badgeStyle(priorityColors[priority] ?? "#8c959f")}>
      {priorityLabels[priority] ?? priority}
    </span>
  );
}

/** The due date in words; bold when it needs attention (not by colour alone). */
export function DueDate({ day, open = true }: { day: string | null | undefined; open?: boolean }) {
  if (!day) return <span className="muted">—</span>;
  const urgent = open && dueSoon(day);
  return (
    <time dateTime={day} className={urgent ? "due-soon" : undefined}>
      {dueLabel(day)}
    </time>
  );
}
