"use client";
import { useState } from "react";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";

const ImportClaimReviews = graphql(`
  mutation ImportClaimReviews($text: String!) {
    importClaimReviews(text: $text) {
      __typename
      ... on MutationImportClaimReviewsSuccess { data { alreadyKnown imported { id url claimReviewed publisherName ratingLabel rating { label color } } } }
      ... on ClaimReviewImportError { problems }
      ... on Error { message }
    }
  }
`);

type Result = { imported: { id: string; url: string; claimReviewed: string; publisherName: string; ratingLabel: string; rating?: { label: string; color: string } | null }[]; alreadyKnown: number };

export function ImportForm() {
  const [text, setText] = useState("");
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
          const { importClaimReviews: r } = await request(ImportClaimReviews, { text });
          if (r.__typename === "MutationImportClaimReviewsSuccess") setResult(r.data);
          else if (r.__typename === "ClaimReviewImportError") setProblems(r.problems);
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
        <input type="file" accept=".json,.jsonld,.html,.htm,application/json,application/ld+json,text/html" onChange={async (e) => setText((await e.target.files?.[0]?.text()) ?? "")} />
      </label>
      <label>
        JSON-LD or page HTML
        <textarea rows={14} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={problems.length > 0} />
      </label>
      {problems.length ? (
        <div className="alert" role="alert">
          <strong>Nothing was imported:</strong>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      {result ? (
        <div className="ok" role="status">
          Imported {result.imported.length} fact-check(s){result.alreadyKnown ? `; ${result.alreadyKnown} already known` : ""}.
          <ul>
            {result.imported.map((f) => (
              <li key={f.id}>
                <a href={f.url} target="_blank" rel="noopener noreferrer">{f.claimReviewed}</a> — {f.publisherName}: {f.ratingLabel}
                {f.rating ? <> (ours: <span className="badge" style={{ background: f.rating.color }}>{f.rating.label}</span>)</> : " (no equivalent on our scale)"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div><button className="primary" type="submit" disabled={busy || !text.trim()}>{busy ? "Importing…" : "Import"}</button></div>
    </form>
  );
}
