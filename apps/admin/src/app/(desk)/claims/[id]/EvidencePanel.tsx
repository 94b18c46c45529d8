"use client";
import { useState } from "react";
import { type FieldErrors, fieldErrorsFrom } from "@/components/Field";
import { graphql } from "@/gql";
import { badgeStyle } from "@/lib/format";
import { request } from "@/lib/graphql";
import { useSubmit } from "@/lib/useSubmit";

interface Evidence {
  id: string;
  stance: string;
  passage?: string | null;
  location?: string | null;
  source: { id: string; title: string; url?: string | null; archivedUrl?: string | null; publisher?: string | null; type: string };
}

const SearchSources = graphql(`
  query SearchSources($query: String) {
    sources(first: 10, filter: { query: $query }) {
      edges {
        node {
          id
          title
          publisher
          url
        }
      }
    }
  }
`);

const Attach = graphql(`
  mutation AttachSource($input: AttachSourceInput!) {
    attachSource(input: $input) {
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

const Detach = graphql(`
  mutation DetachSource($id: ID!) {
    detachSource(id: $id) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

const stanceLabels: Record<string, string> = { SUPPORTS: "Supports", REFUTES: "Refutes", CONTEXT: "Context" };
const stanceColors: Record<string, string> = { SUPPORTS: "#1a7f37", REFUTES: "#cf222e", CONTEXT: "#57606a" };
const sourceTypes = ["PRIMARY_DOCUMENT", "OFFICIAL_STATISTIC", "DATASET", "NEWS_REPORT", "EXPERT", "ACADEMIC", "OTHER"];

/** The sources cited for a claim, and the form to cite another (from the library or new). */
export function EvidencePanel({
  claimId,
  evidence,
  editable,
  onChange,
}: {
  claimId: string;
  evidence: Evidence[];
  editable: boolean;
  onChange: () => Promise<unknown>;
}) {
  const [mode, setMode] = useState<"library" | "new">("new");
  const [results, setResults] = useState<{ id: string; title: string; publisher?: string | null }[]>([]);
  const [picked, setPicked] = useState<string>("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy, run } = useSubmit();

  async function attach(form: FormData, reset: () => void) {
    setErrors({});
    const text = (name: string) => String(form.get(name) ?? "").trim() || null;
    await run(async (idempotencyKey) => {
      try {
        const { attachSource: r } = await request(
          Attach,
          {
            input: {
              claimId,
              stance: String(form.get("stance")) as never,
              passage: text("passage"),
              location: text("location"),
              ...(mode === "library"
                ? { sourceId: picked || null }
                : {
                    source: {
                      title: String(form.get("title") ?? ""),
                      url: text("url"),
                      publisher: text("publisher"),
                      type: String(form.get("type")) as never,
                      accessedAt: new Date().toISOString(),
                    },
                  }),
            },
          },
          { idempotencyKey },
        );
        if (r.__typename === "MutationAttachSourceSuccess") {
          reset();
          setPicked("");
          await onChange();
        } else if (r.__typename === "ValidationError")
          setErrors(fieldErrorsFrom(r.fieldErrors.map((e) => ({ ...e, path: e.path.filter((p) => p !== "source") }))));
        else setErrors({ _form: "message" in r ? r.message : "Could not attach" });
      } catch (e) {
        setErrors({ _form: (e as Error).message });
      }
    });
  }

  return (
    <section className="stack" aria-label="Sources">
      <h2>Sources ({evidence.length})</h2>
      {evidence.length === 0 ? <p className="empty">No sources yet. Publishing needs at least one.</p> : null}
      <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
        {evidence.map((e) => (
          <li key={e.id} className="card">
            <span className="badge" style={badgeStyle(stanceColors[e.stance] ?? "#57606a")}>
              {stanceLabels[e.stance]}
            </span>{" "}
            {e.source.url ? (
              <a href={e.source.url} target="_blank" rel="noopener noreferrer">
                {e.source.title}
              </a>
            ) : (
              e.source.title
            )}
            {e.source.archivedUrl ? (
              <>
                {" "}
                ·{" "}
                <a href={e.source.archivedUrl} target="_blank" rel="noopener noreferrer">
                  archived
                </a>
              </>
            ) : null}
            <div className="muted">
              {[e.source.publisher, e.source.type.replace(/_/g, " ").toLowerCase(), e.location].filter(Boolean).join(" · ")}
            </div>
            {e.passage ? <blockquote>{e.passage}</blockquote> : null}
            {editable ? (
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() =>
                  void run(async (idempotencyKey) => {
                    await request(Detach, { id: e.id }, { idempotencyKey });
                    await onChange();
                  })
                }
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <form
          className="card stack"
          aria-label="Attach a source"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            void attach(new FormData(form), () => form.reset());
          }}
        >
          <div className="tabs" role="tablist" aria-label="Where the source comes from">
            <button type="button" role="tab" aria-selected={mode === "new"} onClick={() => setMode("new")}>
              New source
            </button>
            <button type="button" role="tab" aria-selected={mode === "library"} onClick={() => setMode("library")}>
              From the library
            </button>
          </div>
          {mode === "new" ? (
            <>
              <label>
                Title
                <input name="title" aria-invalid={!!errors.title} />
                {errors.title ? <span className="field-error">{errors.title}</span> : null}
              </label>
              <label>
                URL
                <input name="url" type="url" placeholder="https://" aria-invalid={!!errors.url} />
                {errors.url ? <span className="field-error">{errors.url}</span> : null}
              </label>
              <div className="row">
                <label>
                  Publisher
                  <input name="publisher" />
                </label>
                <label>
                  Type
                  <select name="type" defaultValue="PRIMARY_DOCUMENT">
                    {sourceTypes.map((t) => (
                      <option key={t} value={t}>
                        {t.replace(/_/g, " ").toLowerCase()}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            </>
          ) : (
            <>
              <label>
                Search the library
                <input
                  type="search"
                  onChange={async (e) => {
                    const q = e.target.value;
                    const data = await request(SearchSources, { query: q || null });
                    setResults(data.sources.edges.map((x) => x.node));
                  }}
                />
              </label>
              <label>
                Source
                <select value={picked} onChange={(e) => setPicked(e.target.value)} aria-invalid={!!errors.sourceId}>
                  <option value="">Choose…</option>
                  {results.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                      {s.publisher ? ` (${s.publisher})` : ""}
                    </option>
                  ))}
                </select>
                {errors.sourceId ? <span className="field-error">{errors.sourceId}</span> : null}
              </label>
            </>
          )}
          <label>
            Stance
            <select name="stance" defaultValue="SUPPORTS">
              {Object.entries(stanceLabels).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label>
            Quoted passage
            <textarea name="passage" rows={2} />
          </label>
          <label>
            Where in the source (page, section)
            <input name="location" />
          </label>
          {errors._form ? (
            <p className="alert" role="alert">
              {errors._form}
            </p>
          ) : null}
          <div>
            <button type="submit" disabled={busy}>
              {busy ? "Attaching…" : "Attach source"}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
