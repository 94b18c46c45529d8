"use client";
import Link from "next/link";
import { type KeyboardEvent, useEffect, useMemo, useRef } from "react";
import { statusColors, statusLabels, tint, toUtf16 } from "@/lib/format";
import { type Span, segment } from "./spans";

export interface Appearance {
  id: string;
  spanStart: number;
  spanEnd: number;
  quote: string;
  claim: {
    id: string;
    claimReviewed: string;
    status: string;
    rating: { label: string; color: string } | null;
    speaker: { name: string } | null;
  };
}

/** A selection of the body, in UTF-16 offsets, whitespace trimmed. */
export interface TextRange {
  start: number;
  end: number;
}

const colorOf = (a: Appearance): string => a.claim.rating?.color ?? statusColors[a.claim.status] ?? "#8c959f";
const describe = (a: Appearance) =>
  `${statusLabels[a.claim.status]}${a.claim.rating ? `, ${a.claim.rating.label}` : ""}: ${a.claim.claimReviewed}`;

/**
 * The article text with every claim highlighted, overlapping and nested ones
 * included. Its text content is exactly the body, so DOM offsets are body
 * offsets. Selecting text with the mouse (released anywhere) or the keyboard
 * (arrows move, Shift+arrows select, Enter marks) reports the range.
 */
export function ArticleText({
  body,
  appearances,
  onSelect,
}: {
  body: string;
  appearances: Appearance[];
  onSelect: (range: TextRange) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const spans = useMemo<Span<Appearance>[]>(
    () => appearances.map((a) => ({ start: toUtf16(body, a.spanStart), end: toUtf16(body, a.spanEnd), item: a })),
    [body, appearances],
  );
  const segments = useMemo(() => segment(body.length, spans), [body, spans]);

  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    // A drag may end outside the text: listen on the document and clip the selection to the text.
    const onMouseUp = () => {
      const range = currentRange(ref.current, body);
      if (range) onSelectRef.current(range);
    };
    document.addEventListener("mouseup", onMouseUp);
    return () => document.removeEventListener("mouseup", onMouseUp);
  }, [body]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const sel = window.getSelection();
    const container = ref.current;
    if (!sel || !container) return;
    if (event.key === "Enter" && !(event.target as HTMLElement).closest("a")) {
      const range = currentRange(container, body);
      if (range) {
        event.preventDefault();
        onSelectRef.current(range);
      }
      return;
    }
    const moves: Record<string, [direction: "forward" | "backward", granularity: "character" | "word" | "line" | "lineboundary"]> = {
      ArrowRight: ["forward", event.ctrlKey || event.altKey ? "word" : "character"],
      ArrowLeft: ["backward", event.ctrlKey || event.altKey ? "word" : "character"],
      ArrowDown: ["forward", "line"],
      ArrowUp: ["backward", "line"],
      End: ["forward", "lineboundary"],
      Home: ["backward", "lineboundary"],
    };
    const move = moves[event.key];
    if (!move) return;
    // Non-editable text has no caret of its own: keep one in the selection and move it.
    if (!sel.rangeCount || !container.contains(sel.focusNode)) placeCaretAtStart(container);
    event.preventDefault();
    (sel as Selection & { modify(alter: string, direction: string, granularity: string): void }).modify(
      event.shiftKey ? "extend" : "move",
      ...move,
    );
  }

  return (
    <>
      <p id="article-text-help" className="muted hint">
        Select words to mark a claim. By keyboard: focus the text, move with the arrow keys, hold Shift to select, press Enter.
      </p>
      <div
        ref={ref}
        className="article-body"
        data-testid="article-body"
        tabIndex={0}
        role="region"
        aria-label="Article text"
        aria-describedby="article-text-help"
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (!event.shiftKey) return;
          const range = currentRange(ref.current, body);
          if (range) onSelectRef.current(range);
        }}
        onFocus={(event) => {
          if (event.target === ref.current) {
            const sel = window.getSelection();
            if (sel && (!sel.rangeCount || !ref.current.contains(sel.anchorNode))) placeCaretAtStart(ref.current);
          }
        }}
      >
        {segments.map((s) => {
          const text = body.slice(s.start, s.end);
          const [inner, ...outer] = s.covering;
          if (!inner) return text;
          const all = s.covering.map((c) => c.item);
          return (
            <mark
              key={s.start}
              className={`claim${outer.length ? " claim-overlap" : ""}`}
              style={{ ["--c" as string]: colorOf(inner.item), background: tint(colorOf(inner.item), outer.length ? 0.38 : 0.22) }}
              data-claim-ids={all.map((a) => a.claim.id).join(" ")}
              title={all.map(describe).join("\n")}
            >
              <Link
                href={`/claims/${encodeURIComponent(inner.item.claim.id)}`}
                aria-label={outer.length ? `${text} (${all.length} claims; opens ${inner.item.claim.claimReviewed})` : undefined}
              >
                {text}
              </Link>
            </mark>
          );
        })}
      </div>
    </>
  );
}

function placeCaretAtStart(container: HTMLElement) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const first = walker.nextNode();
  if (first) window.getSelection()?.collapse(first, 0);
}

/** The page's selection clipped to the text, as trimmed body offsets; null if it has none of it. */
function currentRange(container: HTMLElement | null, body: string): TextRange | null {
  const sel = window.getSelection();
  if (!container || !sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  const whole = document.createRange();
  whole.selectNodeContents(container);
  if (range.compareBoundaryPoints(Range.END_TO_START, whole) >= 0 || range.compareBoundaryPoints(Range.START_TO_END, whole) <= 0)
    return null;
  const clipped = range.cloneRange();
  if (clipped.compareBoundaryPoints(Range.START_TO_START, whole) < 0) clipped.setStart(whole.startContainer, whole.startOffset);
  if (clipped.compareBoundaryPoints(Range.END_TO_END, whole) > 0) clipped.setEnd(whole.endContainer, whole.endOffset);
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(clipped.startContainer, clipped.startOffset);
  let start = before.toString().length;
  let end = start + clipped.toString().length;
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
