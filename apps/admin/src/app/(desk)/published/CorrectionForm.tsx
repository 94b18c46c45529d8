"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type FieldErrors, fieldErrorsFrom } from "@/components/Field";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";

const AddCorrection = graphql(`
  mutation AddCorrection($input: AddCorrectionInput!) {
    addCorrection(input: $input) {
      __typename
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

export function CorrectionForm({ factCheckId, ratings }: { factCheckId: string; ratings: { id: string; label: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  if (!open) return <div><button type="button" onClick={() => setOpen(true)}>Add a correction</button></div>;
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const { addCorrection: r } = await request(AddCorrection, {
          input: {
            factCheckId,
            whatChanged: String(form.get("whatChanged") ?? ""),
            reason: String(form.get("reason") ?? ""),
            ratingId: String(form.get("ratingId") ?? "") || null,
          },
        });
        if (r.__typename === "MutationAddCorrectionSuccess") {
          setOpen(false);
          router.refresh();
        } else if (r.__typename === "ValidationError") setErrors(fieldErrorsFrom(r.fieldErrors));
        else setErrors({ _form: "message" in r ? r.message : "Could not correct" });
      }}
    >
      <label>What changed<input name="whatChanged" aria-invalid={!!errors.whatChanged} />{errors.whatChanged ? <span className="field-error">{errors.whatChanged}</span> : null}</label>
      <label>Why<input name="reason" aria-invalid={!!errors.reason} />{errors.reason ? <span className="field-error">{errors.reason}</span> : null}</label>
      <label>
        New verdict (optional)
        <select name="ratingId" defaultValue="">
          <option value="">Unchanged</option>
          {ratings.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
        </select>
      </label>
      {errors._form ? <p className="alert">{errors._form}</p> : null}
      <div className="row"><button className="primary" type="submit">Publish correction</button><button type="button" onClick={() => setOpen(false)}>Cancel</button></div>
    </form>
  );
}
