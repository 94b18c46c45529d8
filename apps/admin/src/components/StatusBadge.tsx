import { badgeStyle, statusColors, statusLabels } from "@/lib/format";

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className="badge" style={badgeStyle(statusColors[status] ?? "#8c959f")}>
      {statusLabels[status] ?? status}
    </span>
  );
}

export function RatingBadge({ rating, testId }: { rating: { label: string; color: string } | null | undefined; testId?: string }) {
  if (!rating) return <span className="muted">No verdict</span>;
  return (
    <span className="badge badge-rating" style={badgeStyle(rating.color)} data-testid={testId}>
      {rating.label}
    </span>
  );
}

/** A small label in a named tone: a match's level, a citation's stance. */
export function ToneBadge({ color, children }: { color: string; children: string }) {
  return (
    <span className="badge" style={badgeStyle(color)}>
      {children}
    </span>
  );
}
