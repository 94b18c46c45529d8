"use client";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { Markdown } from "@/components/Markdown";
import { RatingBadge, StatusBadge } from "@/components/StatusBadge";
import { setDirty } from "@/components/UnsavedChangesGuard";
import { graphql } from "@/gql";
import type { ClaimFieldsFragment } from "@/gql/graphql";
import { request } from "@/lib/graphql";
import { badgeStyle, formatDate, formatDateTime, moveLabel, tint, toUtf16 } from "@/lib/format";
import { useSubmit } from "@/lib/useSubmit";
import { describeEvent } from "./history";
import { EvidencePanel } from "./EvidencePanel";
import { PlanningPanel } from "./PlanningPanel";
import { PublicationPanel } from "./PublicationPanel";

type Claim = ClaimFieldsFragment;
interface Rating {
  id: string;
  label: string;
  description: string;
  color: string;
  value: number;
}

const ClaimById = graphql(`
  query ClaimById($id: ID!) {
    node(id: $id) {
      __typename
      ... on Claim {
        ...ClaimFields
      }
    }
  }
`);

const UpdateClaim = graphql(`
  mutation UpdateClaim($input: UpdateClaimInput!) {
    updateClaim(input: $input) {
      __typename
      ... on ConflictError {
        message
        current {
          ...ClaimFields
        }
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const MoveClaim = graphql(`
  mutation MoveClaim($id: ID!, $to: ClaimStatus!, $version: Int) {
    moveClaim(id: $id, to: $to, version: $version) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

const AssignClaim = graphql(`
  mutation AssignClaim($id: ID!, $assigneeId: ID) {
    assignClaim(id: $id, assigneeId: $assigneeId) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

const Publish = graphql(`
  mutation PublishFactCheck($input: PublishFactCheckInput!) {
    publishFactCheck(input: $input) {
      __typename
      ... on MutationPublishFactCheckSuccess {
        data {
          id
        }
      }
      ... on WorkflowError {
        message
        missing
      }
      ... on Error {
        message
      }
    }
  }
`);

const RequestChanges = graphql(`
  mutation RequestChanges($id: ID!, $note: String!, $version: Int) {
    requestChanges(id: $id, note: $note, version: $version) {
      __typename
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const AddComment = graphql(`
  mutation AddComment($claimId: ID!, $body: String!) {
    addComment(claimId: $claimId, body: $body) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

interface Draft {
  claimReviewed: string;
  tags: string;
  explanation: string;
  ratingId: string;
}

const draftOf = (claim: Claim): Draft => ({
  claimReviewed: claim.claimReviewed,
  tags: claim.tags.join(", "),
  explanation: claim.explanation ?? "",
  ratingId: claim.rating?.id ?? "",
});

const fieldLabels: Record<keyof Draft, string> = {
  claimReviewed: "Wording",
  tags: "Tags",
  explanation: "Explanation",
  ratingId: "Verdict",
};

export function ClaimWorkspace({
  initial,
  me,
  ratings,
  users,
}: {
  initial: Claim;
  me: { id: string; role: string };
  ratings: Rating[];
  users: { id: string; name: string; role: string; canBeAssigned: boolean; canReview: boolean }[];
}) {
  const [claim, setClaim] = useState(initial);
  const [draft, setDraft] = useState<Draft>(draftOf(initial));
  const [base, setBase] = useState<Draft>(draftOf(initial));
  const [conflict, setConflict] = useState<Claim | null>(null);
  const [message, setMessage] = useState<{ kind: "alert" | "ok"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const submission = useSubmit();
  // One action at a time, each with its own Idempotency-Key; `busy` names it for its button.
  const act = (name: string, work: (idempotencyKey: string) => Promise<void>) =>
    submission.run(async (key) => {
      setBusy(name);
      try {
        await work(key);
      } catch (e) {
        setMessage({ kind: "alert", text: (e as Error).message });
      } finally {
        setBusy(null);
      }
    });
  const [tab, setTab] = useState<"write" | "preview">("write");
  const editable = claim.viewerCan.edit;
  const dirty = (Object.keys(draft) as (keyof Draft)[]).some((k) => draft[k] !== base[k]);

  useEffect(() => setDirty(dirty), [dirty]);
  useEffect(() => () => setDirty(false), []);

  const reload = useCallback(async () => {
    const data = await request(ClaimById, { id: claim.id });
    if (data.node?.__typename === "Claim") {
      setClaim(data.node);
      return data.node;
    }
    return null;
  }, [claim.id]);

  async function save(version = claim.version) {
    setMessage(null);
    setFieldErrors({});
    await act("save", async (idempotencyKey) => {
      const { updateClaim: result } = await request(
        UpdateClaim,
        {
          input: {
            id: claim.id,
            version,
            claimReviewed: draft.claimReviewed,
            tags: draft.tags
              .split(",")
              .map((t) => t.trim())
              .filter(Boolean),
            explanation: draft.explanation || null,
            ...(draft.ratingId ? { ratingId: draft.ratingId } : { clearRating: true }),
          },
        },
        { idempotencyKey },
      );
      if (result.__typename === "MutationUpdateClaimSuccess") {
        const fresh = await reload();
        if (fresh) setBase(draftOf(fresh));
        setConflict(null);
        setMessage({ kind: "ok", text: "Saved." });
      } else if (result.__typename === "ConflictError") {
        setConflict(result.current);
      } else if (result.__typename === "ValidationError") {
        setFieldErrors(Object.fromEntries(result.fieldErrors.map((e) => [e.path.at(-1) ?? "_", e.message])));
      } else {
        setMessage({ kind: "alert", text: "message" in result ? result.message : "Could not save" });
      }
    });
  }

  async function afterMove() {
    const fresh = await reload();
    if (fresh && !dirty) {
      setDraft(draftOf(fresh));
      setBase(draftOf(fresh));
    }
  }

  async function move(to: string) {
    setMessage(null);
    await act(to, async (idempotencyKey) => {
      const { moveClaim: result } = await request(MoveClaim, { id: claim.id, to: to as never, version: claim.version }, { idempotencyKey });
      if (result.__typename === "MutationMoveClaimSuccess") await afterMove();
      else setMessage({ kind: "alert", text: "message" in result ? result.message : "Could not move the claim" });
    });
  }

  async function requestChanges(note: string, reset: () => void) {
    setMessage(null);
    await act("requestChanges", async (idempotencyKey) => {
      const { requestChanges: result } = await request(RequestChanges, { id: claim.id, note, version: claim.version }, { idempotencyKey });
      if (result.__typename === "MutationRequestChangesSuccess") {
        reset();
        await afterMove();
        setMessage({ kind: "ok", text: "Returned to the fact-checker with your note." });
      } else
        setMessage({
          kind: "alert",
          text:
            result.__typename === "ValidationError"
              ? result.fieldErrors.map((e) => `Note ${e.message}`).join("; ")
              : "message" in result
                ? result.message
                : "Could not request changes",
        });
    });
  }

  async function publish(form: FormData) {
    setMessage(null);
    await act("publish", async (idempotencyKey) => {
      const { publishFactCheck: result } = await request(
        Publish,
        {
          input: {
            claimId: claim.id,
            version: claim.version,
            headline: String(form.get("headline") ?? ""),
            summary: String(form.get("summary") ?? "") || null,
          },
        },
        { idempotencyKey },
      );
      if (result.__typename === "MutationPublishFactCheckSuccess") {
        await reload();
        setMessage({ kind: "ok", text: "Published." });
      } else setMessage({ kind: "alert", text: "message" in result ? result.message : "Could not publish" });
    });
  }

  const context = claim.appearances[0];
  const reviewing = claim.viewerCan.publish;
  // The reviewing editor returns a claim with "Request changes" (and a note); the bare move is the fact-checker's withdrawal.
  const moves = claim.availableMoves.filter((to) => !(reviewing && to === "RESEARCHING" && claim.assignee?.id !== me.id));
  const publishedDuplicates = claim.matches.filter((m) => m.level === "LIKELY_DUPLICATE" && m.publishedFactCheck);
  const verdict = ratings.find((r) => r.id === draft.ratingId);

  return (
    <>
      <div className="row claim-head">
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>{claim.claimReviewed}</h1>
          <div className="row">
            <StatusBadge status={claim.status} />
            <RatingBadge rating={claim.rating} />
            <span className="muted">
              {claim.speaker ? `${claim.speaker.name}${claim.speaker.title ? `, ${claim.speaker.title}` : ""}` : "Unattributed"} · version{" "}
              {conflict ? (
                <strong>
                  {conflict.version} (saved by someone else; you edited {claim.version})
                </strong>
              ) : (
                claim.version
              )}
            </span>
          </div>
        </div>
        <div className="stack claim-actions">
          <div className="row" role="group" aria-label="Workflow">
            {moves.map((to) => (
              <button
                key={to}
                type="button"
                disabled={!!busy || dirty}
                onClick={() => void move(to)}
                title={dirty ? "Save your changes first" : undefined}
              >
                {busy === to ? "Moving…" : moveLabel(claim.status, to)}
              </button>
            ))}
          </div>
          {claim.viewerCan.assign ? (
            <label className="row" style={{ fontWeight: 400 }}>
              Assignee
              <select
                value={claim.assignee?.id ?? ""}
                disabled={!!busy}
                onChange={(e) => {
                  const assigneeId = e.target.value || null;
                  void act("assign", async (idempotencyKey) => {
                    const { assignClaim: r } = await request(AssignClaim, { id: claim.id, assigneeId }, { idempotencyKey });
                    if (r.__typename !== "MutationAssignClaimSuccess")
                      setMessage({ kind: "alert", text: "message" in r ? r.message : "Could not assign" });
                    await reload();
                  });
                }}
              >
                <option value="">Unassigned</option>
                {users
                  .filter((u) => u.canBeAssigned)
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
              </select>
            </label>
          ) : (
            <span className="muted">Assignee: {claim.assignee?.name ?? "unassigned"}</span>
          )}
          <PlanningPanel claim={claim} reviewers={users.filter((u) => u.canReview)} onSaved={reload} />
        </div>
      </div>

      {message ? (
        <p className={message.kind} role={message.kind === "alert" ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}

      {conflict ? (
        <section className="notice" role="alert" aria-label="Conflict">
          <strong>Someone else saved this claim while you were editing (now version {conflict.version}).</strong>
          <table className="diff">
            <thead>
              <tr>
                <th>Field</th>
                <th>Their version</th>
                <th>Yours</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(fieldLabels) as (keyof Draft)[])
                .filter((k) => draftOf(conflict)[k] !== draft[k])
                .map((k) => (
                  <tr key={k}>
                    <td>{fieldLabels[k]}</td>
                    <td>
                      {k === "ratingId"
                        ? (ratings.find((r) => r.id === draftOf(conflict)[k])?.label ?? "none")
                        : draftOf(conflict)[k] || "—"}
                    </td>
                    <td>{k === "ratingId" ? (ratings.find((r) => r.id === draft[k])?.label ?? "none") : draft[k] || "—"}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <div className="row">
            <button
              type="button"
              disabled={!!busy}
              onClick={() => {
                setClaim(conflict);
                setDraft(draftOf(conflict));
                setBase(draftOf(conflict));
                setConflict(null);
              }}
            >
              Take theirs (discard mine)
            </button>
            <button
              type="button"
              className="danger"
              disabled={!!busy}
              onClick={() => {
                setClaim(conflict);
                setBase(draftOf(conflict));
                void save(conflict.version);
              }}
            >
              {busy === "save" ? "Saving…" : "Keep mine (save over theirs)"}
            </button>
          </div>
        </section>
      ) : null}

      {reviewing ? (
        <section className="card review" aria-label="Review">
          <h2 style={{ marginTop: 0 }}>Review</h2>
          <div className="review-forms">
            <form
              className="stack"
              aria-label="Publish"
              aria-busy={busy === "publish"}
              onSubmit={(e) => {
                // "Preview" submits natively: a GET of the preview page with the headline and summary as typed.
                if ((e.nativeEvent as SubmitEvent).submitter?.dataset.preview) return;
                e.preventDefault();
                void publish(new FormData(e.currentTarget));
              }}
            >
              <h3>Publish the fact-check</h3>
              {publishedDuplicates.length ? (
                <div className="notice" role="status" data-testid="published-duplicate-warning">
                  <strong>Likely already fact-checked:</strong>{" "}
                  {publishedDuplicates.map((m, i) => (
                    <span key={m.publishedFactCheck!.id}>
                      {i ? "; " : ""}
                      <Link href={`/fact-checks/${encodeURIComponent(m.publishedFactCheck!.id)}`}>{m.publishedFactCheck!.headline}</Link>
                    </span>
                  ))}
                  . Consider marking it a duplicate instead.
                </div>
              ) : null}
              <label>
                Headline
                <input name="headline" required defaultValue={claim.factCheck?.headline ?? ""} />
              </label>
              <label>
                Summary
                <textarea name="summary" rows={2} />
              </label>
              <div>
                <button className="primary" type="submit" disabled={!!busy || dirty}>
                  {busy === "publish" ? "Publishing…" : "Publish"}
                </button>{" "}
                <button
                  type="submit"
                  data-preview="true"
                  formMethod="get"
                  formAction={`/claims/${encodeURIComponent(claim.id)}/preview`}
                  formTarget="_blank"
                  formNoValidate
                  title={dirty ? "The preview shows the claim as saved" : undefined}
                >
                  Preview page and social card
                </button>
              </div>
            </form>
            <form
              className="stack"
              aria-label="Request changes"
              aria-busy={busy === "requestChanges"}
              onSubmit={(e) => {
                e.preventDefault();
                const form = e.currentTarget;
                void requestChanges(String(new FormData(form).get("note") ?? ""), () => form.reset());
              }}
            >
              <h3>Or send it back</h3>
              <label>
                What should change
                <textarea name="note" rows={3} required />
              </label>
              <div>
                <button type="submit" disabled={!!busy}>
                  {busy === "requestChanges" ? "Sending back…" : "Request changes"}
                </button>
              </div>
            </form>
          </div>
        </section>
      ) : null}

      <PublicationPanel claim={claim} onChange={afterMove} onDone={(text) => setMessage({ kind: "ok", text })} />

      <div className="split">
        <div className="stack">
          {context ? (
            <section>
              <h2>In context</h2>
              <QuoteInContext body={context.article.body} start={context.spanStart} end={context.spanEnd} />
              <p className="muted">
                From <Link href={`/articles/${encodeURIComponent(context.article.id)}`}>{context.article.title}</Link>
              </p>
            </section>
          ) : (
            <blockquote>{claim.quote}</blockquote>
          )}

          <section className="stack">
            <h2>Research</h2>
            <label>
              Wording to rate (claimReviewed)
              <textarea
                rows={2}
                value={draft.claimReviewed}
                disabled={!editable}
                aria-invalid={!!fieldErrors.claimReviewed}
                onChange={(e) => setDraft({ ...draft, claimReviewed: e.target.value })}
              />
              {fieldErrors.claimReviewed ? <span className="field-error">{fieldErrors.claimReviewed}</span> : null}
            </label>
            <label>
              Tags
              <input value={draft.tags} disabled={!editable} onChange={(e) => setDraft({ ...draft, tags: e.target.value })} />
            </label>
            <fieldset className="stack" disabled={!editable} style={{ border: "1px solid var(--line)", borderRadius: 8 }}>
              <legend>Verdict</legend>
              {ratings.map((r) => (
                <label key={r.id} className="row" style={{ fontWeight: 400, flexDirection: "row" }}>
                  <input
                    type="radio"
                    name="verdict"
                    value={r.id}
                    checked={draft.ratingId === r.id}
                    onChange={() => setDraft({ ...draft, ratingId: r.id })}
                  />
                  <span className="badge" style={badgeStyle(r.color)}>
                    {r.label}
                  </span>
                  <span className="muted">{r.description}</span>
                </label>
              ))}
            </fieldset>
            <div>
              <div className="tabs" role="tablist" aria-label="Explanation">
                <button type="button" role="tab" aria-selected={tab === "write"} onClick={() => setTab("write")}>
                  Write
                </button>
                <button type="button" role="tab" aria-selected={tab === "preview"} onClick={() => setTab("preview")}>
                  Preview
                </button>
              </div>
              {tab === "write" ? (
                <label>
                  Explanation (Markdown: **bold**, *italic*, [link](https://…), - lists)
                  <textarea
                    rows={8}
                    value={draft.explanation}
                    disabled={!editable}
                    aria-invalid={!!fieldErrors.explanation}
                    onChange={(e) => setDraft({ ...draft, explanation: e.target.value })}
                  />
                  {fieldErrors.explanation ? <span className="field-error">{fieldErrors.explanation}</span> : null}
                </label>
              ) : (
                <div className="card" role="region" aria-label="Explanation preview">
                  {draft.explanation ? <Markdown source={draft.explanation} /> : <p className="muted">Nothing written yet.</p>}
                </div>
              )}
            </div>
            {editable ? (
              <div className="row">
                <button className="primary" type="button" disabled={!dirty || !!busy} onClick={() => void save()}>
                  {busy === "save" ? "Saving…" : "Save"}
                </button>
                {dirty ? <span className="muted">Unsaved changes</span> : null}
                {verdict ? <span className="muted">Verdict: {verdict.label}</span> : null}
              </div>
            ) : claim.status === "PUBLISHED" ? (
              <p className="muted">
                Published: the verdict and explanation change only through a correction on the{" "}
                <Link href="/published">published fact-check</Link>.
              </p>
            ) : (
              <p className="muted">Only the assigned fact-checker or an editor can edit this claim.</p>
            )}
          </section>

          <EvidencePanel claimId={claim.id} evidence={claim.evidence.edges.map((e) => e.node)} editable={editable} onChange={reload} />
        </div>

        <aside className="stack">
          <Matches
            claim={claim}
            editable={editable}
            onChange={async () => {
              const fresh = await reload();
              if (fresh) {
                setDraft(draftOf(fresh));
                setBase(draftOf(fresh));
              }
            }}
          />
          <section className="card">
            <h2 style={{ marginTop: 0 }}>Comments</h2>
            <Comments claimId={claim.id} comments={claim.comments} onChange={reload} />
          </section>
          <section className="card" aria-label="History">
            <h2 style={{ marginTop: 0 }}>History</h2>
            <ol className="timeline">
              {[...claim.history].reverse().map((event) => (
                <li key={event.id}>
                  <HistoryLine event={event} names={{ ratings, users }} />
                  <div className="muted">{formatDateTime(event.createdAt)}</div>
                </li>
              ))}
            </ol>
          </section>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>ClaimReview JSON-LD</h2>
            {claim.claimReviewPreview ? (
              <pre className="jsonld" data-testid="jsonld-preview" tabIndex={0} aria-label="ClaimReview JSON-LD">
                {JSON.stringify(claim.claimReviewPreview, null, 2)}
              </pre>
            ) : (
              <p className="muted">Set a verdict to see what will be published.</p>
            )}
          </section>
        </aside>
      </div>
      <p className="muted">Claim date: {formatDate(claim.claimDate)}</p>
    </>
  );
}

const ConfirmDuplicate = graphql(`
  mutation ConfirmDuplicate($claimId: ID!, $canonicalId: ID!, $reuseVerdict: Boolean) {
    confirmDuplicate(claimId: $claimId, canonicalId: $canonicalId, reuseVerdict: $reuseVerdict) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);
const RejectMatch = graphql(`
  mutation RejectMatch($claimId: ID!, $candidateId: ID!) {
    rejectMatch(claimId: $claimId, candidateId: $candidateId) {
      __typename
    }
  }
`);

/** Has this been checked already? Close claims, with the editor's decision. */
function Matches({ claim, editable, onChange }: { claim: Claim; editable: boolean; onChange: () => Promise<unknown> }) {
  const [rejected, setRejected] = useState<string[]>([]);
  const matches = claim.matches.filter((m) => !m.claim || !rejected.includes(m.claim.id));
  return (
    <section className="card" aria-label="Similar claims">
      <h2 style={{ marginTop: 0 }}>Similar claims</h2>
      {claim.duplicateOf ? (
        <p className="ok">
          Duplicate of <Link href={`/claims/${encodeURIComponent(claim.duplicateOf.id)}`}>{claim.duplicateOf.claimReviewed}</Link>
        </p>
      ) : null}
      {matches.length === 0 ? <p className="muted">No similar claims found.</p> : null}
      <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
        {matches.map((m) =>
          m.externalFactCheck ? (
            <li key={m.externalFactCheck.id}>
              <span className="badge" style={badgeStyle(m.level === "LIKELY_DUPLICATE" ? "#cf222e" : "#8c959f")}>
                {m.level === "LIKELY_DUPLICATE" ? "Likely checked" : "Similar"}
              </span>{" "}
              <a href={m.externalFactCheck.url} target="_blank" rel="noopener noreferrer">
                {m.externalFactCheck.claimReviewed}
              </a>{" "}
              <span className="muted">
                ({Math.round(m.score * 100)}%{m.closeInMeaning ? ", close in meaning" : ""}, {m.externalFactCheck.publisherName}:{" "}
                {m.externalFactCheck.ratingLabel})
              </span>
            </li>
          ) : m.claim ? (
            <li key={m.claim.id}>
              <span className="badge" style={badgeStyle(m.level === "LIKELY_DUPLICATE" ? "#cf222e" : "#8c959f")}>
                {m.level === "LIKELY_DUPLICATE" ? "Likely duplicate" : "Similar"}
              </span>{" "}
              <Link href={`/claims/${encodeURIComponent(m.claim.id)}`}>{m.claim.claimReviewed}</Link>{" "}
              <div className="muted row">
                <StatusBadge status={m.claim.status} />
                <span>
                  {[
                    m.claim.appearances[0]?.article.title,
                    `marked ${formatDate(m.claim.createdAt)}`,
                    m.claim.rating?.label,
                    `${Math.round(m.score * 100)}% alike`,
                    m.closeInMeaning ? "close in meaning" : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </div>
              {m.publishedFactCheck ? (
                <div className="muted">
                  Fact-checked {formatDate(m.publishedFactCheck.publishedAt)}: {m.publishedFactCheck.headline}
                </div>
              ) : null}
              {editable && claim.duplicateOf?.id !== m.claim.id ? (
                <div className="row">
                  <button
                    type="button"
                    onClick={async () => {
                      await request(ConfirmDuplicate, { claimId: claim.id, canonicalId: m.claim!.id, reuseVerdict: true });
                      await onChange();
                    }}
                  >
                    Same claim: reuse verdict
                  </button>
                  <button
                    type="button"
                    onClick={async () => {
                      await request(RejectMatch, { claimId: claim.id, candidateId: m.claim!.id });
                      setRejected([...rejected, m.claim!.id]);
                    }}
                  >
                    Not the same
                  </button>
                </div>
              ) : null}
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}

function QuoteInContext({ body, start, end }: { body: string; start: number; end: number }) {
  const s = toUtf16(body, start);
  const e = toUtf16(body, end);
  const from = Math.max(0, body.lastIndexOf("\n", s - 1) + 1, s - 300);
  const nextBreak = body.indexOf("\n", e);
  const to = Math.min(body.length, nextBreak < 0 ? body.length : nextBreak, e + 300);
  return (
    <blockquote data-testid="quote-in-context">
      {from > 0 ? "… " : ""}
      {body.slice(from, s)}
      <mark className="claim" style={{ ["--c" as string]: "#bf8700", background: tint("#bf8700", 0.22) }}>
        {body.slice(s, e)}
      </mark>
      {body.slice(e, to)}
      {to < body.length ? " …" : ""}
    </blockquote>
  );
}

function HistoryLine({ event, names }: { event: Claim["history"][number]; names: Parameters<typeof describeEvent>[1] }) {
  const { summary, details } = describeEvent(event, names);
  return (
    <>
      <strong>{event.actor?.name ?? "The system"}</strong> {summary}
      {details.length ? (
        <ul className="muted" style={{ margin: 0, paddingLeft: "1rem" }}>
          {details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Comments({
  claimId,
  comments,
  onChange,
}: {
  claimId: string;
  comments: { id: string; body: string; createdAt: string; author: { name: string } }[];
  onChange: () => Promise<unknown>;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useSubmit();
  return (
    <div className="stack">
      {comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
      {comments.map((c) => (
        <div key={c.id}>
          <strong>{c.author.name}</strong> <span className="muted">{formatDateTime(c.createdAt)}</span>
          <Markdown source={c.body} />
        </div>
      ))}
      <form
        className="stack"
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          void run(async (idempotencyKey) => {
            try {
              const { addComment: r } = await request(AddComment, { claimId, body }, { idempotencyKey });
              if (r.__typename === "MutationAddCommentSuccess") {
                setBody("");
                setError(null);
                await onChange();
              } else setError("message" in r ? r.message : "Could not comment");
            } catch (err) {
              setError((err as Error).message);
            }
          });
        }}
      >
        <label>
          Add a comment
          <textarea
            rows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={!!error}
            aria-describedby="comment-mentions"
          />
        </label>
        <span className="muted hint" id="comment-mentions">
          Mention a colleague with @ and their name (@Fatima Checker) to put it in their inbox.
        </span>
        {error ? <span className="field-error">{error}</span> : null}
        <div>
          <button type="submit" disabled={!body.trim() || busy}>
            {busy ? "Commenting…" : "Comment"}
          </button>
        </div>
      </form>
    </div>
  );
}
