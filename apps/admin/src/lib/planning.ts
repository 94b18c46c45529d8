/** How the desk names priorities and due dates. */
export const priorityLabels: Record<string, string> = { LOW: "Low", NORMAL: "Normal", HIGH: "High", URGENT: "Urgent" };
export const priorityColors: Record<string, string> = { LOW: "#8c959f", NORMAL: "#0969da", HIGH: "#bf8700", URGENT: "#cf222e" };

const dayMs = 86_400_000;

/** Days from today (UTC, as the API counts) to a YYYY-MM-DD day. */
export function daysUntil(day: string, now = new Date()): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${day}T00:00:00Z`) - today) / dayMs);
}

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "Due today", "Due tomorrow", "Due 5 Dec", "Overdue: 1 Dec". */
export function dueLabel(day: string | null | undefined, now = new Date()): string {
  if (!day) return "No due date";
  const days = daysUntil(day, now);
  if (days < 0) return `Overdue: ${shortDay(day)}`;
  if (days === 0) return "Due today";
  if (days === 1) return "Due tomorrow";
  return `Due ${shortDay(day)}`;
}

/** Whether the due date needs attention: within three days, or past (the API's "due soon"). */
export const dueSoon = (day: string | null | undefined, now = new Date()) => !!day && daysUntil(day, now) <= 3;
