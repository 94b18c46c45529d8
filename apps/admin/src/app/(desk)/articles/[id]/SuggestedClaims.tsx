"use client";
import { useState } from "react";

export interface Suggestion {
  text: string;
  spanStart: number;
  spanEnd: number;
  score: number;
  reasons: string[];
  alreadyMarked: boolean;
}

/** How many suggestions show at first, and how many more each "More" adds. */
const PAGE = 5;

/**
 * The article's sentences most worth checking, by rank: no score cut, so a
 * low-scoring article still offers its best sentences. Marked sentences drop
 * out and the next ones move up, so the list keeps its length as the editor works.
 */
export function SuggestedClaims({
  suggestions,
  marked,
  onPick,
}: {
  suggestions: Suggestion[];
  marked: { spanStart: number; spanEnd: number }[];
  onPick: (s: Suggestion) => void;
}) {
  const [shown, setShown] = useState(PAGE);
  const open = suggestions.filter((s) => !s.alreadyMarked && !marked.some((m) => m.spanStart < s.spanEnd && m.spanEnd > s.spanStart));
  const visible = open.slice(0, shown);
  return (
    <section className="card" aria-label="Suggested claims">
      <h2 style={{ marginTop: 0 }}>Suggested claims</h2>
      {visible.length === 0 ? (
        <p className="muted">Every sentence of this article is marked.</p>
      ) : (
        <ol className="stack" style={{ paddingLeft: "1.2rem" }}>
          {visible.map((s) => (
            <li key={s.spanStart}>
              <button
                type="button"
                style={{ textAlign: "left", background: "none", border: "none", padding: 0, color: "var(--accent)", cursor: "pointer" }}
                onClick={() => onPick(s)}
              >
                {s.text}
              </button>
              <div className="muted" style={{ fontSize: ".85rem" }}>
                score {s.score.toFixed(2)}: {s.reasons.join("; ")}
              </div>
            </li>
          ))}
        </ol>
      )}
      {open.length > shown ? (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          More ({open.length - shown} left)
        </button>
      ) : null}
    </section>
  );
}
