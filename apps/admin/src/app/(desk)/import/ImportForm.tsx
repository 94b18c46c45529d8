"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";

const ImportClaimReviews = graphql(`
  mutation ImportClaimReviews($text: String!, $pageUrl: String) {
    importClaimReviews(text: $text, pageUrl: $pageUrl) {
      __typename
      ... on MutationImportClaimReviewsSuccess {
        data {
          imported {
            ...ImportedReview
          }
          updated {
            ...ImportedReview
          }
          refused {
            position
            url
            reasons
          }
        }
      }
      ... on ClaimReviewImportError {
        problems
      }
      ... on Error {
        message
      }
    }
  }
  fragment ImportedReview on ExternalFactCheck {
    id
    url
    claimReviewed
    publisherName
    ratingLabel
    rating {
      label
      color
    }
  }
`);

type Review = {
  id: string;
  url: string;
  claimReviewed: string;
  publisherName: string;
  ratingLabel: string;
  rating?: { label: string; color: string } | null;
};
type Result = { imported: Review[]; updated: Review[]; refused: { position: number; url?: string | null; reasons: string[] }[] };

function ReviewList({ title, reviews }: { title: string; reviews: Review[] }) {
  if (!reviews.length) return null;
  return (
    <section>
      <h3>
        {title} ({reviews.length})
      </h3>
      <ul>
        {reviews.map((f) => (
          <li key={f.id}>
            <a href={f.url} target="_blank" rel="noopener noreferrer">
              {f.claimReviewed}
            </a>{" "}
            — {f.publisherName}: {f.ratingLabel}
            {f.rating ? (
              <>
                {" "}
                (ours:{" "}
                <span className="badge" style={{ background: f.rating.color }}>
                  {f.rating.label}
                </span>
                )
              </>
            ) : (
              " (not mapped to our scale yet)"
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ImportForm() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [pageUrl, setPageUrl] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="stack"
      style={{ maxWidth: 900 }}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setProblems([]);
        setResult(null);
        try {
          const { importClaimReviews: r } = await request(ImportClaimReviews, { text, pageUrl: pageUrl.trim() || null });
          if (r.__typename === "MutationImportClaimReviewsSuccess") {
            setResult(r.data as Result);
            router.refresh(); // the unmapped verdicts below
          } else if (r.__typename === "ClaimReviewImportError") setProblems(r.problems);
          else setProblems(["message" in r ? r.message : "Import failed"]);
        } catch (error) {
          setProblems([(error as Error).message]);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label>
        File (.json, .jsonld or .html)
        <input
          type="file"
          accept=".json,.jsonld,.html,.htm,application/json,application/ld+json,text/html"
          onChange={async (e) => setText((await e.target.files?.[0]?.text()) ?? "")}
        />
      </label>
      <label>
        JSON-LD or page HTML
        <textarea rows={14} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={problems.length > 0} />
      </label>
      <label>
        Page URL (optional: relative links in the markup are resolved against it)
        <input type="url" value={pageUrl} onChange={(e) => setPageUrl(e.target.value)} placeholder="https://…" />
      </label>
      {problems.length ? (
        <div className="alert" role="alert">
          <strong>Nothing was imported:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result ? (
        <div className="ok" role="status" data-testid="import-result">
          Imported {result.imported.length}, already known and updated {result.updated.length}, refused {result.refused.length}.
          <ReviewList title="Imported" reviews={result.imported} />
          <ReviewList title="Already known (updated)" reviews={result.updated} />
          {result.refused.length ? (
            <section>
              <h3>Refused ({result.refused.length})</h3>
              <ul>
                {result.refused.map((r) => (
                  <li key={r.position}>
                    ClaimReview {r.position}
                    {r.url ? ` (${r.url})` : ""}: {r.reasons.join("; ")}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      ) : null}
      <div>
        <button className="primary" type="submit" disabled={busy || !text.trim()}>
          {busy ? "Importing…" : "Import"}
        </button>
      </div>
    </form>
  );
}
