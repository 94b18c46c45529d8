import { statusColors, statusLabels } from "@/lib/format";

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className="badge" style={{ background: statusColors[status] }}>
      {statusLabels[status] ?? status}
    </span>
  );
}

export function RatingBadge({ rating }: { rating: { label: string; color: string } | null | undefined }) {
  if (!rating) return <span className="muted">No verdict</span>;
  return (
    <span className="badge" style={{ background: rating.color }}>
      {rating.label}
    </span>
  );
}
