"use client";
import { useState } from "react";
import { graphql } from "@/gql";
import type { PreviewArticleMutation } from "@/gql/graphql";
import { request } from "@/lib/graphql";

const PreviewArticle = graphql(`
  mutation PreviewArticle($input: PreviewArticleInput!) {
    previewArticle(input: $input) {
      __typename
      ... on MutationPreviewArticleSuccess {
        data {
          title
          byline
          publishedAt
          outletName
          canonicalUrl
          language
          body
          sources {
            field
            source
          }
          existing {
            id
            title
          }
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

export type ArticlePreview = Extract<PreviewArticleMutation["previewArticle"], { __typename: "MutationPreviewArticleSuccess" }>["data"];

/** Paste a link (fetched by the API) or a saved page's HTML; the form below is filled in for the editor to check. */
export function ArticleFromPage({ onPreview }: { onPreview: (preview: ArticlePreview) => void }) {
  const [url, setUrl] = useState("");
  const [html, setHtml] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"url" | "html" | null>(null);

  async function read(kind: "url" | "html") {
    setBusy(kind);
    setError(null);
    try {
      const input = kind === "url" ? { url } : { html, url: url || null };
      const { previewArticle: result } = await request(PreviewArticle, { input });
      if (result.__typename === "MutationPreviewArticleSuccess") onPreview(result.data);
      else if (result.__typename === "ValidationError") setError(result.fieldErrors.map((e) => e.message).join("; "));
      else setError("message" in result ? result.message : "The page could not be read");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card stack" aria-label="Read an article from a page" style={{ maxWidth: 820 }}>
      <label htmlFor="from-url">
        Paste a link
        <div className="row">
          <input id="from-url" type="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
          <button type="button" onClick={() => void read("url")} disabled={!url.trim() || busy !== null}>
            {busy === "url" ? "Fetching…" : "Fetch article"}
          </button>
        </div>
      </label>
      <details>
        <summary>Or paste a saved page's HTML</summary>
        <label htmlFor="from-html">
          Page HTML
          <textarea id="from-html" rows={6} value={html} onChange={(e) => setHtml(e.target.value)} />
        </label>
        <button type="button" onClick={() => void read("html")} disabled={!html.trim() || busy !== null}>
          {busy === "html" ? "Reading…" : "Read HTML"}
        </button>
      </details>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
