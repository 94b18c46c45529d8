"use client";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { graphql } from "@/gql";
import type { PublicationFieldsFragment } from "@/gql/graphql";
import { request } from "@/lib/graphql";
import { correctionLine, formatDate } from "@/lib/format";

graphql(`
  fragment PublicationFields on Claim {
    id
    status
    viewerCan {
      unpublish
      correct
    }
    factCheck {
      id
      version
      status
      slug
      headline
      corrections {
        id
        whatChanged
        reason
        createdAt
        retractedAt
        retractionReason
        viewerCan {
          retract
        }
      }
    }
  }
`);

const Unpublish = graphql(`
  mutation UnpublishFactCheck($id: ID!, $reason: String!) {
    unpublishFactCheck(id: $id, reason: $reason) {
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

const Retract = graphql(`
  mutation RetractCorrection($input: RetractCorrectionInput!) {
    retractCorrection(input: $input) {
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

type Result = { __typename: string; message?: string; fieldErrors?: { path: string[]; message: string }[] };
/** null when it worked, else what to tell the editor. */
const problemOf = (r: Result, success: string): string | null =>
  r.__typename === success
    ? null
    : r.fieldErrors?.length
      ? r.fieldErrors.map((e) => `${e.path.at(-1) === "reason" ? "The reason" : (e.path.at(-1) ?? "")} ${e.message}`).join("; ")
      : (r.message ?? "That did not work");

/**
 * The published side of the claim page: its public page, unpublishing and
 * its corrections (each retractable while it is the latest standing), every
 * one of these confirmed with a reason that is recorded.
 */
export function PublicationPanel({
  claim,
  onChange,
  onDone,
}: {
  claim: PublicationFieldsFragment;
  onChange: () => Promise<unknown>;
  onDone: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState<{ kind: "unpublish" } | { kind: "retract"; correctionId: string } | null>(null);
  const fc = claim.factCheck;
  if (!fc) return null;
  const published = fc.status === "PUBLISHED";
  const retracting = confirming?.kind === "retract" ? fc.corrections.find((c) => c.id === confirming.correctionId) : undefined;
  return (
    <section className="card stack review" aria-label="Publication" data-testid="publication">
      <h2 style={{ margin: 0 }}>Publication</h2>
      <p style={{ margin: 0 }}>
        {published ? (
          <>
            Published as <Link href={`/fact-checks/${encodeURIComponent(fc.slug ?? fc.id)}`}>{fc.headline}</Link>
          </>
        ) : (
          <>Unpublished: readers no longer see “{fc.headline}”. Publishing again keeps its address and corrections.</>
        )}
      </p>
      {claim.viewerCan.unpublish ? (
        <div className="row">
          <button type="button" className="danger" onClick={() => setConfirming({ kind: "unpublish" })}>
            Unpublish…
          </button>
          {claim.viewerCan.correct ? <Link href="/published">Add a correction</Link> : null}
        </div>
      ) : null}
      <h3 style={{ margin: 0 }}>Corrections</h3>
      {fc.corrections.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          None.
        </p>
      ) : (
        <ul className="stack" style={{ margin: 0, paddingLeft: "1.1rem" }}>
          {fc.corrections.map((c) => (
            <li key={c.id} data-testid="desk-correction">
              <strong>{formatDate(c.createdAt)}:</strong> {c.retractedAt ? <del>{correctionLine(c)}</del> : correctionLine(c)}
              {c.retractedAt ? (
                <div className="muted">
                  Retracted {formatDate(c.retractedAt)}: {c.retractionReason}
                </div>
              ) : null}
              {c.viewerCan.retract ? (
                <div>
                  <button type="button" className="danger" onClick={() => setConfirming({ kind: "retract", correctionId: c.id })}>
                    Retract this correction…
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {confirming?.kind === "unpublish" ? (
        <ConfirmDialog
          title="Unpublish this fact-check?"
          reasonLabel="Why it is taken down (recorded in the history)"
          confirmLabel="Unpublish"
          busyLabel="Unpublishing…"
          onClose={() => setConfirming(null)}
          onConfirm={async (reason, idempotencyKey) => {
            const { unpublishFactCheck: r } = await request(Unpublish, { id: fc.id, reason }, { idempotencyKey });
            const problem = problemOf(r, "MutationUnpublishFactCheckSuccess");
            if (!problem) {
              await onChange();
              onDone("Unpublished: the claim is back in review.");
            }
            return problem;
          }}
        >
          <p style={{ margin: 0 }}>
            Readers will no longer see “{fc.headline}”, and its claim goes back to review. Its address and corrections are kept for a
            republication.
          </p>
        </ConfirmDialog>
      ) : null}
      {retracting ? (
        <ConfirmDialog
          title="Retract this correction?"
          reasonLabel="Why it is retracted (shown publicly with the date)"
          confirmLabel="Retract correction"
          busyLabel="Retracting…"
          onClose={() => setConfirming(null)}
          onConfirm={async (reason, idempotencyKey) => {
            const { retractCorrection: r } = await request(
              Retract,
              { input: { correctionId: retracting.id, version: fc.version, reason } },
              { idempotencyKey },
            );
            const problem = problemOf(r, "MutationRetractCorrectionSuccess");
            if (!problem) {
              await onChange();
              onDone("Correction retracted: it stays on the public page, marked retracted, and the fact-check is as it was before it.");
            }
            return problem;
          }}
        >
          <p style={{ margin: 0 }}>
            “{correctionLine(retracting)}” stays on the public page, struck through and dated with your reason; the verdict and explanation
            return to what they were before it.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
