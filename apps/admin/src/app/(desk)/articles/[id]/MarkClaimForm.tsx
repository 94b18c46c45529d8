"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Field, type FieldErrors, fieldErrorsFrom } from "@/components/Field";
import { StatusBadge, ToneBadge } from "@/components/StatusBadge";
import { graphql } from "@/gql";
import { formatDate, toUtf16 } from "@/lib/format";
import { request } from "@/lib/graphql";
import { useSubmit } from "@/lib/useSubmit";
import type { Appearance } from "./ArticleText";
import { overlapping } from "./spans";

export interface MarkSelection {
  /** Code points, the API's unit */
  start: number;
  end: number;
  quote: string;
  score?: number;
  reasons?: string[];
}

const CreateClaim = graphql(`
  mutation MarkClaim($input: CreateClaimInput!) {
    createClaim(input: $input) {
      __typename
      ... on MutationCreateClaimSuccess {
        data {
          id
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

const SimilarToSelection = graphql(`
  query SimilarToSelection($text: String!) {
    similarClaims(text: $text, first: 5) {
      score
      level
      closeInMeaning
      claim {
        id
        claimReviewed
        status
        createdAt
        appearances {
          article {
            id
            title
          }
        }
      }
      publishedFactCheck {
        id
        headline
        publishedAt
      }
      externalFactCheck {
        id
        url
        claimReviewed
        publisherName
        ratingLabel
      }
    }
  }
`);

type Match = Awaited<ReturnType<typeof similar>>[number];
const similar = async (text: string) => (await request(SimilarToSelection, { text })).similarClaims;

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase().replace(/\s+/g, " ") === b.trim().toLocaleLowerCase().replace(/\s+/g, " ");

/** The "Mark as claim" form for a selection: warns of overlaps, similar claims and duplicate speakers. */
export function MarkClaimForm({
  articleId,
  body,
  selection,
  appearances,
  people,
  onCancel,
}: {
  articleId: string;
  body: string;
  selection: MarkSelection;
  appearances: Appearance[];
  people: { id: string; name: string; title?: string | null }[];
  onCancel: () => void;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [speakerChoice, setSpeakerChoice] = useState("");
  const [newName, setNewName] = useState("");
  const [matches, setMatches] = useState<Match[] | null>(null);
  const { busy, run } = useSubmit();

  const start16 = toUtf16(body, selection.start);
  const end16 = toUtf16(body, selection.end);
  const overlaps = overlapping(
    appearances.map((a) => ({ start: toUtf16(body, a.spanStart), end: toUtf16(body, a.spanEnd), item: a })),
    start16,
    end16,
  ).map((s) => s.item);
  const existingPerson = newName.trim() ? people.find((p) => sameName(p.name, newName)) : undefined;

  useEffect(() => {
    let current = true;
    setMatches(null);
    similar(selection.quote).then(
      (m) => current && setMatches(m),
      () => current && setMatches([]),
    );
    return () => {
      current = false;
    };
  }, [selection.quote]);

  async function mark(form: FormData) {
    setErrors({});
    const speaker = String(form.get("speaker") ?? "");
    const newSpeaker = String(form.get("newSpeaker") ?? "").trim();
    await run(async (idempotencyKey) => {
      try {
        const { createClaim: result } = await request(
          CreateClaim,
          {
            input: {
              articleId,
              spanStart: selection.start,
              spanEnd: selection.end,
              quote: selection.quote,
              claimReviewed: String(form.get("claimReviewed") ?? "").trim() || null,
              speakerId: speaker && speaker !== "__new" ? speaker : null,
              newSpeaker:
                speaker === "__new" && newSpeaker
                  ? { name: newSpeaker, title: String(form.get("newSpeakerTitle") ?? "").trim() || null }
                  : null,
              tags: String(form.get("tags") ?? "")
                .split(",")
                .map((t) => t.trim())
                .filter(Boolean),
              checkworthiness: selection.score ?? null,
              checkworthinessReasons: selection.reasons ?? null,
            },
          },
          { idempotencyKey },
        );
        if (result.__typename === "MutationCreateClaimSuccess") {
          router.push(`/claims/${encodeURIComponent(result.data.id)}`);
          return;
        }
        if (result.__typename === "ValidationError") setErrors(fieldErrorsFrom(result.fieldErrors));
        else setErrors({ _form: "message" in result ? result.message : "Could not mark the claim" });
      } catch (e) {
        setErrors({ _form: (e as Error).message });
      }
    });
  }

  return (
    <form
      className="card stack"
      aria-label="Mark as claim"
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        void mark(new FormData(event.currentTarget));
      }}
    >
      <h2 style={{ margin: 0 }}>Mark as claim</h2>
      <blockquote data-testid="selected-quote">{selection.quote}</blockquote>
      {overlaps.length ? (
        <div className="notice" role="status" data-testid="overlap-warning">
          <strong>Overlaps {overlaps.length === 1 ? "a marked claim" : `${overlaps.length} marked claims`}:</strong>
          <ul style={{ margin: ".25rem 0 0", paddingLeft: "1rem" }}>
            {overlaps.map((a) => (
              <li key={a.id}>
                <Link href={`/claims/${encodeURIComponent(a.claim.id)}`}>{a.claim.claimReviewed}</Link>
              </li>
            ))}
          </ul>
          Mark it anyway if it is a different claim (a sentence around a figure, say).
        </div>
      ) : null}
      <Field label="Normalized wording (what you will rate)" name="claimReviewed" error={errors.claimReviewed}>
        {(p) => <textarea {...p} rows={3} defaultValue={selection.quote} />}
      </Field>
      <Field label="Speaker" name="speaker" error={errors.speakerId ?? errors.newSpeaker}>
        {(p) => (
          <select {...p} value={speakerChoice} onChange={(e) => setSpeakerChoice(e.target.value)}>
            <option value="">Unattributed</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
                {person.title ? ` (${person.title})` : ""}
              </option>
            ))}
            <option value="__new">+ New person…</option>
          </select>
        )}
      </Field>
      {speakerChoice === "__new" ? (
        <>
          <Field label="Name" name="newSpeaker" error={errors["newSpeaker.name"]}>
            {(p) => <input {...p} required value={newName} onChange={(e) => setNewName(e.target.value)} />}
          </Field>
          {existingPerson ? (
            <p className="notice" role="status" data-testid="duplicate-speaker">
              {existingPerson.name}
              {existingPerson.title ? ` (${existingPerson.title})` : ""} is already a speaker.{" "}
              <button
                type="button"
                onClick={() => {
                  setSpeakerChoice(existingPerson.id);
                  setNewName("");
                }}
              >
                Use {existingPerson.name}
              </button>
            </p>
          ) : null}
          <Field label="Title or role" name="newSpeakerTitle">
            {(p) => <input {...p} />}
          </Field>
        </>
      ) : null}
      <Field label="Tags (comma-separated)" name="tags" error={errors.tags}>
        {(p) => <input {...p} />}
      </Field>
      <SimilarList matches={matches} />
      {errors.quote || errors.spanStart || errors.spanEnd || errors._form ? (
        <p className="alert" role="alert">
          {errors.quote ?? errors.spanStart ?? errors.spanEnd ?? errors._form}
        </p>
      ) : null}
      <div className="row">
        <button className="primary" type="submit" disabled={busy}>
          {busy ? "Marking…" : "Mark as claim"}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Has this been checked already? Each match with what tells it apart: article, status, date. */
function SimilarList({ matches }: { matches: Match[] | null }) {
  if (matches === null)
    return (
      <p className="muted" aria-live="polite">
        Looking for similar claims…
      </p>
    );
  if (!matches.length)
    return (
      <p className="muted" aria-live="polite">
        No similar claims or fact-checks.
      </p>
    );
  return (
    <section aria-label="Similar claims" aria-live="polite">
      <strong>Similar claims</strong>
      <ul className="stack" style={{ listStyle: "none", padding: 0, margin: ".25rem 0 0" }} data-testid="mark-matches">
        {matches.map((m, i) => (
          <li key={m.claim?.id ?? m.externalFactCheck?.id ?? i}>
            <ToneBadge color={m.level === "LIKELY_DUPLICATE" ? "#cf222e" : "#8c959f"}>
              {m.level === "LIKELY_DUPLICATE" ? "Likely duplicate" : "Similar"}
            </ToneBadge>{" "}
            {m.claim ? (
              <>
                <Link href={`/claims/${encodeURIComponent(m.claim.id)}`}>{m.claim.claimReviewed}</Link>
                <div className="muted row">
                  <StatusBadge status={m.claim.status} />
                  <span>
                    {[
                      m.claim.appearances[0]?.article.title,
                      `marked ${formatDate(m.claim.createdAt)}`,
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
              </>
            ) : m.externalFactCheck ? (
              <>
                <a href={m.externalFactCheck.url} target="_blank" rel="noopener noreferrer">
                  {m.externalFactCheck.claimReviewed}
                </a>
                <div className="muted">
                  {m.externalFactCheck.publisherName}: {m.externalFactCheck.ratingLabel} · {Math.round(m.score * 100)}% alike
                  {m.closeInMeaning ? " · close in meaning" : ""}
                </div>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
