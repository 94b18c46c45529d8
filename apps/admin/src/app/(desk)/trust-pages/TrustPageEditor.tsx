"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { graphql } from "@/gql";
import type { TrustPageSlug } from "@/gql/graphql";
import { formatDate } from "@/lib/format";
import { request } from "@/lib/graphql";

const UpdateTrustPage = graphql(`
  mutation UpdateTrustPage($slug: TrustPageSlug!, $title: String!, $body: String!) {
    updateTrustPage(slug: $slug, title: $title, body: $body) {
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

type Page = {
  slug: TrustPageSlug;
  path: string;
  title: string;
  body: string;
  updatedAt?: string | null;
  versions: { title: string; body: string; savedAt: string; savedBy?: string | null }[];
};

export function TrustPageEditor({ page }: { page: Page }) {
  const router = useRouter();
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState(page.body);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="card stack" style={{ maxWidth: 900, marginBottom: "1.5rem" }} aria-label={page.title}>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setMessage(null);
          try {
            const { updateTrustPage: r } = await request(UpdateTrustPage, { slug: page.slug, title, body });
            if (r.__typename === "MutationUpdateTrustPageSuccess") {
              setMessage({ ok: true, text: "Saved and published." });
              router.refresh();
            } else if (r.__typename === "ValidationError")
              setMessage({ ok: false, text: r.fieldErrors.map((f) => `${f.path.at(-1)} ${f.message}`).join("; ") });
            else setMessage({ ok: false, text: "message" in r ? r.message : "Not saved" });
          } catch (error) {
            setMessage({ ok: false, text: (error as Error).message });
          } finally {
            setBusy(false);
          }
        }}
      >
        <h2>
          <a href={page.path} target="_blank" rel="noopener noreferrer">
            {page.path}
          </a>
        </h2>
        <label>
          Title <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </label>
        <label>
          Text (Markdown) <textarea rows={12} value={body} onChange={(e) => setBody(e.target.value)} required />
        </label>
        {message ? (
          <div className={message.ok ? "ok" : "alert"} role={message.ok ? "status" : "alert"}>
            {message.text}
          </div>
        ) : null}
        <div>
          <button className="primary" type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
      <details>
        <summary>Versions ({page.versions.length})</summary>
        <ol>
          {page.versions.map((v, i) => (
            <li key={i}>
              {formatDate(v.savedAt)}
              {v.savedBy ? ` by ${v.savedBy}` : ""}: {v.title}
              <pre style={{ whiteSpace: "pre-wrap" }}>{v.body}</pre>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
