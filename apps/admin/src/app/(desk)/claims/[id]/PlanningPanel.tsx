"use client";
import { useState } from "react";
import { DueDate, PriorityBadge } from "@/components/PriorityBadge";
import { graphql } from "@/gql";
import type { ClaimPlanFragment } from "@/gql/graphql";
import { formatDate } from "@/lib/format";
import { request } from "@/lib/graphql";
import { priorityLabels } from "@/lib/planning";
import { useSubmit } from "@/lib/useSubmit";

graphql(`
  fragment ClaimPlan on Claim {
    id
    version
    status
    priority
    dueDate
    changesRequestedAt
    reviewer {
      id
      name
    }
    viewerCan {
      plan
    }
  }
`);

const PlanClaim = graphql(`
  mutation PlanClaim($input: PlanClaimInput!) {
    planClaim(input: $input) {
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

/** Reviewer, priority and due date: editors set them; everyone else reads them. */
export function PlanningPanel({
  claim,
  reviewers,
  onSaved,
}: {
  claim: ClaimPlanFragment;
  reviewers: { id: string; name: string }[];
  onSaved: () => Promise<unknown>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { busy, run } = useSubmit();
  const open = claim.status !== "PUBLISHED" && claim.status !== "DISMISSED";
  const returned = claim.changesRequestedAt ? (
    <span className="badge" data-testid="changes-requested">
      Changes requested {formatDate(claim.changesRequestedAt)}
    </span>
  ) : null;

  if (!claim.viewerCan.plan) {
    return (
      <div className="row" aria-label="Planning" role="group">
        <span className="muted">Reviewer: {claim.reviewer?.name ?? "any editor"}</span>
        <PriorityBadge priority={claim.priority} />
        <DueDate day={claim.dueDate} open={open} />
        {returned}
      </div>
    );
  }

  return (
    <form
      className="row"
      aria-label="Planning"
      aria-busy={busy}
      key={claim.version}
      onChange={() => setSaved(false)}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const reviewerId = String(form.get("reviewer") ?? "");
        const dueDate = String(form.get("dueDate") ?? "");
        setError(null);
        void run(async (idempotencyKey) => {
          try {
            const { planClaim: r } = await request(
              PlanClaim,
              {
                input: {
                  id: claim.id,
                  version: claim.version,
                  ...(reviewerId ? { reviewerId } : { clearReviewer: true }),
                  priority: String(form.get("priority")) as never,
                  ...(dueDate ? { dueDate } : { clearDueDate: true }),
                },
              },
              { idempotencyKey },
            );
            if (r.__typename === "MutationPlanClaimSuccess") setSaved(true);
            else if (r.__typename === "ConflictError")
              setError("The claim changed since you opened it: it is reloaded, check and save again.");
            else if (r.__typename === "ValidationError") setError(r.fieldErrors.map((f) => f.message).join("; "));
            else setError("message" in r ? r.message : "Could not save");
            await onSaved();
          } catch (e) {
            setError((e as Error).message);
          }
        });
      }}
    >
      <label>
        Reviewer
        <select name="reviewer" defaultValue={claim.reviewer?.id ?? ""} disabled={busy}>
          <option value="">Any editor</option>
          {reviewers.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Priority
        <select name="priority" defaultValue={claim.priority} disabled={busy}>
          {Object.entries(priorityLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Due date
        <input type="date" name="dueDate" defaultValue={claim.dueDate ?? ""} disabled={busy} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? "Saving plan…" : "Save plan"}
      </button>
      {returned}
      {saved ? (
        <span className="ok" role="status">
          Plan saved.
        </span>
      ) : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
