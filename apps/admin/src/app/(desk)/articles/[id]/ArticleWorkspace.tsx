"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useMemo, useRef, useState } from "react";
import { Field, type FieldErrors, fieldErrorsFrom } from "@/components/Field";
import { StatusBadge } from "@/components/StatusBadge";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";
import { statusColors, statusLabels, toCodePoints, toUtf16 } from "@/lib/format";
import { type Suggestion, SuggestedClaims } from "./SuggestedClaims";

interface Appearance {
  id: string;
  spanStart: number;
  spanEnd: number;
  quote: string;
  claim: { id: string; claimReviewed: string; status: string; rating: { label: string; color: string } | null; speaker: { name: string } | null };
}

const CreateClaim = graphql(`
  mutation MarkClaim($input: CreateClaimInput!) {
    createClaim(input: $input) {
      __typename
      ... on MutationCreateClaimSuccess { data { id } }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

/** The article text with its claims highlighted; select text to mark a new claim. */

export function ArticleWorkspace({ articleId, body, appearances, people, suggestions, recurring }: { articleId: string; body: string; appearances: Appearance[]; people: { id: string; name: string; title?: string | null }[]; suggestions: Suggestion[]; recurring: ReactNode }) {
  const router = useRouter();
  const bodyRef = useRef<HTMLDivElement>(null);
  // A suggestion carries its check-worthiness score and reasons onto the claim.
  const [selection, setSelection] = useState<{ start: number; end: number; quote: string; score?: number; reasons?: string[] } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const segments = useMemo(() => highlight(body, appearances), [body, appearances]);

  function captureSelection() {
    const sel = window.getSelection();
    const container = bodyRef.current;
    if (!sel || sel.isCollapsed || !container || !container.contains(sel.anchorNode) || !container.contains(sel.focusNode)) return;
    const range = sel.getRangeAt(0);
    const before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(range.startContainer, range.startOffset);
    let start = before.toString().length;
    let end = start + range.toString().length;
    // Trim whitespace the selection caught at either end.
    while (start < end && /\s/.test(body[start]!)) start++;
    while (end > start && /\s/.test(body[end - 1]!)) end--;
    if (end <= start) return;
    setErrors({});
    setSelection({ start: toCodePoints(body, start), end: toCodePoints(body, end), quote: body.slice(start, end) });
  }

  async function mark(form: FormData) {
    if (!selection) return;
    setBusy(true);
    setErrors({});
    const speaker = String(form.get("speaker") ?? "");
    const newSpeaker = String(form.get("newSpeaker") ?? "").trim();
    try {
      const { createClaim: result } = await request(CreateClaim, {
        input: {
          articleId,
          spanStart: selection.start,
          spanEnd: selection.end,
          quote: selection.quote,
          claimReviewed: String(form.get("claimReviewed") ?? "").trim() || null,
          speakerId: speaker && speaker !== "__new" ? speaker : null,
          newSpeaker: speaker === "__new" && newSpeaker ? { name: newSpeaker, title: String(form.get("newSpeakerTitle") ?? "").trim() || null } : null,
          tags: String(form.get("tags") ?? "").split(",").map((t) => t.trim()).filter(Boolean),
          checkworthiness: selection.score ?? null,
          checkworthinessReasons: selection.reasons ?? null,
        },
      });
      if (result.__typename === "MutationCreateClaimSuccess") {
        setSelection(null);
        router.push(`/claims/${encodeURIComponent(result.data.id)}`);
        return;
      }
      if (result.__typename === "ValidationError") setErrors(fieldErrorsFrom(result.fieldErrors));
      else setErrors({ _form: "message" in result ? result.message : "Could not mark the claim" });
    } catch (e) {
      setErrors({ _form: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const [speakerChoice, setSpeakerChoice] = useState("");

  return (
    <div className="split">
      <div>
        <div className="row muted" aria-label="Legend" style={{ marginBottom: ".5rem" }}>
          {Object.entries(statusLabels).map(([status, label]) => (
            <span key={status}><mark className="claim" style={{ ["--c" as string]: statusColors[status] }}>{label}</mark></span>
          ))}
        </div>
        <div ref={bodyRef} className="article-body" data-testid="article-body" onMouseUp={captureSelection} onKeyUp={captureSelection}>
          {segments}
        </div>
      </div>
      <aside className="stack">
        {selection ? (
          <form
            className="card stack"
            aria-label="Mark as claim"
            onSubmit={(event) => {
              event.preventDefault();
              void mark(new FormData(event.currentTarget));
            }}
          >
            <h2 style={{ margin: 0 }}>Mark as claim</h2>
            <blockquote data-testid="selected-quote">{selection.quote}</blockquote>
            <Field label="Normalized wording (what you will rate)" name="claimReviewed" error={errors.claimReviewed}>
              {(p) => <textarea {...p} rows={3} defaultValue={selection.quote} />}
            </Field>
            <Field label="Speaker" name="speaker" error={errors.speakerId ?? errors.newSpeaker}>
              {(p) => (
                <select {...p} value={speakerChoice} onChange={(e) => setSpeakerChoice(e.target.value)}>
                  <option value="">Unattributed</option>
                  {people.map((person) => (
                    <option key={person.id} value={person.id}>{person.name}{person.title ? ` (${person.title})` : ""}</option>
                  ))}
                  <option value="__new">+ New person…</option>
                </select>
              )}
            </Field>
            {speakerChoice === "__new" ? (
              <>
                <Field label="Name" name="newSpeaker" error={errors["newSpeaker.name"]}>{(p) => <input {...p} required />}</Field>
                <Field label="Title or role" name="newSpeakerTitle">{(p) => <input {...p} />}</Field>
              </>
            ) : null}
            <Field label="Tags (comma-separated)" name="tags" error={errors.tags}>{(p) => <input {...p} />}</Field>
            {errors.quote || errors.spanStart || errors.spanEnd || errors._form ? (
              <p className="alert" role="alert">{errors.quote ?? errors.spanStart ?? errors.spanEnd ?? errors._form}</p>
            ) : null}
            <div className="row">
              <button className="primary" type="submit" disabled={busy}>{busy ? "Marking…" : "Mark as claim"}</button>
              <button type="button" onClick={() => setSelection(null)}>Cancel</button>
            </div>
          </form>
        ) : (
          <p className="card muted">Select a sentence in the text to mark it as a claim.</p>
        )}
        {recurring}
        <SuggestedClaims suggestions={suggestions} marked={appearances} onPick={(s) => { setErrors({}); setSelection({ start: s.spanStart, end: s.spanEnd, quote: s.text, score: s.score, reasons: s.reasons }); }} />
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Claims in this article ({appearances.length})</h2>
          {appearances.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ol className="stack" style={{ paddingLeft: "1.2rem" }}>
              {appearances.map((a) => (
                <li key={a.id}>
                  <Link href={`/claims/${encodeURIComponent(a.claim.id)}`}>{a.claim.claimReviewed}</Link>
                  <div className="row"><StatusBadge status={a.claim.status} />{a.claim.rating ? <span className="badge" style={{ background: a.claim.rating.color }}>{a.claim.rating.label}</span> : null}</div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </aside>
    </div>
  );
}

/** Splits the body into plain text and <mark>ed claim spans (non-overlapping, in order). */
function highlight(body: string, appearances: Appearance[]): ReactNode[] {
  const out: ReactNode[] = [];
  let cursor = 0;
  for (const a of [...appearances].sort((x, y) => x.spanStart - y.spanStart)) {
    const start = toUtf16(body, a.spanStart);
    const end = toUtf16(body, a.spanEnd);
    if (start < cursor) continue; // overlapping spans: the first one wins the highlight
    out.push(body.slice(cursor, start));
    const color = a.claim.rating?.color ?? statusColors[a.claim.status];
    out.push(
      <mark key={a.id} className="claim" style={{ ["--c" as string]: color }} title={`${statusLabels[a.claim.status]}${a.claim.rating ? ` · ${a.claim.rating.label}` : ""}: ${a.claim.claimReviewed}`}>
        <Link href={`/claims/${encodeURIComponent(a.claim.id)}`} style={{ color: "inherit", textDecoration: "none" }}>{body.slice(start, end)}</Link>
      </mark>,
    );
    cursor = end;
  }
  out.push(body.slice(cursor));
  return out;
}
