"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type FieldErrors, fieldErrorsFrom } from "@/components/Field";
import { Markdown } from "@/components/Markdown";
import { RatingBadge } from "@/components/StatusBadge";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";
import { useSubmit } from "@/lib/useSubmit";

const AddCorrection = graphql(`
  mutation AddCorrection($input: AddCorrectionInput!) {
    addCorrection(input: $input) {
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

interface Rating {
  id: string;
  label: string;
  color: string;
}

/**
 * A correction to a published fact-check: what changed and why (both shown
 * publicly), and the public fields it may change (verdict, explanation), with
 * the page's before and after side by side.
 */
export function CorrectionForm({
  factCheckId,
  ratings,
  current,
}: {
  factCheckId: string;
  ratings: Rating[];
  current: { rating: Rating; explanation: string };
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [ratingId, setRatingId] = useState("");
  const [explanation, setExplanation] = useState(current.explanation);
  const { busy, run } = useSubmit();
  if (!open)
    return (
      <div>
        <button type="button" onClick={() => setOpen(true)}>
          Add a correction
        </button>
      </div>
    );
  const newRating = ratings.find((r) => r.id === ratingId);
  const explanationChanged = explanation.trim() !== current.explanation.trim();
  return (
    <form
      className="stack"
      aria-label="Correction"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        void run(async (idempotencyKey) => {
          try {
            const { addCorrection: r } = await request(
              AddCorrection,
              {
                input: {
                  factCheckId,
                  whatChanged: String(form.get("whatChanged") ?? ""),
                  reason: String(form.get("reason") ?? ""),
                  ratingId: ratingId || null,
                  explanation: explanationChanged ? explanation : null,
                },
              },
              { idempotencyKey },
            );
            if (r.__typename === "MutationAddCorrectionSuccess") {
              setOpen(false);
              router.refresh();
            } else if (r.__typename === "ValidationError") setErrors(fieldErrorsFrom(r.fieldErrors));
            else setErrors({ _form: "message" in r ? r.message : "Could not correct" });
          } catch (err) {
            setErrors({ _form: (err as Error).message });
          }
        });
      }}
    >
      <label>
        What changed (shown publicly)
        <input name="whatChanged" aria-invalid={!!errors.whatChanged} />
        {errors.whatChanged ? <span className="field-error">{errors.whatChanged}</span> : null}
      </label>
      <label>
        Why (shown publicly)
        <input name="reason" aria-invalid={!!errors.reason} />
        {errors.reason ? <span className="field-error">{errors.reason}</span> : null}
      </label>
      <label>
        Verdict
        <select name="ratingId" value={ratingId} onChange={(e) => setRatingId(e.target.value)}>
          <option value="">Unchanged ({current.rating.label})</option>
          {ratings
            .filter((r) => r.id !== current.rating.id)
            .map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
        </select>
      </label>
      <label>
        Explanation (Markdown)
        <textarea
          name="explanation"
          rows={6}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          aria-invalid={!!errors.explanation}
        />
        {errors.explanation ? <span className="field-error">{errors.explanation}</span> : null}
      </label>
      <section className="correction-preview" aria-label="Before and after">
        <div className="card">
          <h3>Before</h3>
          <RatingBadge rating={current.rating} />
          <Markdown source={current.explanation} />
        </div>
        <div className="card" data-testid="correction-after">
          <h3>After</h3>
          <RatingBadge rating={newRating ?? current.rating} /> {newRating ? null : <span className="muted">verdict unchanged</span>}
          {explanationChanged ? <Markdown source={explanation} /> : <p className="muted">Explanation unchanged.</p>}
        </div>
      </section>
      {errors._form ? (
        <p className="alert" role="alert">
          {errors._form}
        </p>
      ) : null}
      <div className="row">
        <button className="primary" type="submit" disabled={busy}>
          {busy ? "Publishing correction…" : "Publish correction"}
        </button>
        <button type="button" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
