/**
 * Claim spans over an article's text. Spans may overlap or nest, so the text
 * is cut at every span boundary: each segment carries every claim covering it.
 * Offsets here are UTF-16 (the browser's); the API's code points are
 * converted by the caller.
 */
export interface Span<T> {
  start: number;
  end: number;
  item: T;
}

export interface Segment<T> {
  start: number;
  end: number;
  /** Every span covering this segment, innermost (shortest) first. */
  covering: Span<T>[];
}

export function segment<T>(length: number, spans: Span<T>[]): Segment<T>[] {
  const valid = spans.filter((s) => s.start < s.end && s.start >= 0 && s.end <= length);
  const cuts = [...new Set([0, length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: Segment<T>[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = valid
      .filter((s) => s.start <= start && s.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
    out.push({ start, end, covering });
  }
  return out;
}

/** The spans that share at least one character with [start, end). */
export function overlapping<T>(spans: Span<T>[], start: number, end: number): Span<T>[] {
  return spans.filter((s) => s.start < end && start < s.end);
}
