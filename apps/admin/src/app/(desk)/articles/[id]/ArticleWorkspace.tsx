"use client";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { RatingBadge, StatusBadge } from "@/components/StatusBadge";
import { statusColors, statusLabels, tint, toCodePoints } from "@/lib/format";
import { type Appearance, ArticleText, type TextRange } from "./ArticleText";
import { MarkClaimForm, type MarkSelection } from "./MarkClaimForm";
import { type Suggestion, SuggestedClaims } from "./SuggestedClaims";

/** The article text with its claims highlighted; select text to mark a new claim. */

export function ArticleWorkspace({
  articleId,
  body,
  appearances,
  people,
  suggestions,
  recurring,
}: {
  articleId: string;
  body: string;
  appearances: Appearance[];
  people: { id: string; name: string; title?: string | null }[];
  suggestions: Suggestion[];
  recurring: ReactNode;
}) {
  // A suggestion carries its check-worthiness score and reasons onto the claim.
  const [selection, setSelection] = useState<MarkSelection | null>(null);

  function select(range: TextRange) {
    const next = { start: toCodePoints(body, range.start), end: toCodePoints(body, range.end), quote: body.slice(range.start, range.end) };
    setSelection((current) => (current && current.start === next.start && current.end === next.end ? current : next));
  }

  return (
    <div className="workspace">
      <div className="workspace-text">
        <div className="row muted legend">
          <span>Highlight colour: verdict, or status before one:</span>
          {Object.entries(statusLabels).map(([status, label]) => (
            <span key={status}>
              <mark className="claim" style={{ ["--c" as string]: statusColors[status], background: tint(statusColors[status]!, 0.22) }}>
                {label}
              </mark>
            </span>
          ))}
        </div>
        <ArticleText body={body} appearances={appearances} onSelect={select} />
      </div>
      <div className="workspace-mark">
        {selection ? (
          <MarkClaimForm
            key={`${selection.start}-${selection.end}`}
            articleId={articleId}
            body={body}
            selection={selection}
            appearances={appearances}
            people={people}
            onCancel={() => setSelection(null)}
          />
        ) : (
          <p className="card muted">Select a sentence in the text to mark it as a claim.</p>
        )}
      </div>
      <aside className="stack workspace-aside">
        {recurring}
        <SuggestedClaims
          suggestions={suggestions}
          marked={appearances}
          onPick={(s) => setSelection({ start: s.spanStart, end: s.spanEnd, quote: s.text, score: s.score, reasons: s.reasons })}
        />
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Claims in this article ({appearances.length})</h2>
          {appearances.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ol className="stack" style={{ paddingLeft: "1.2rem" }}>
              {appearances.map((a) => (
                <li key={a.id}>
                  <Link href={`/claims/${encodeURIComponent(a.claim.id)}`}>{a.claim.claimReviewed}</Link>
                  <div className="row">
                    <StatusBadge status={a.claim.status} />
                    {a.claim.rating ? <RatingBadge rating={a.claim.rating} /> : null}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </aside>
    </div>
  );
}
