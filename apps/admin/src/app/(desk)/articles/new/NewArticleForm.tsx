"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, type FieldErrors, fieldErrorsFrom } from "@/components/Field";
import { setDirty } from "@/components/UnsavedChangesGuard";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";
import { ArticleFromPage, type ArticlePreview } from "./ArticleFromPage";

const CreateArticle = graphql(`
  mutation CreateArticle($input: CreateArticleInput!) {
    createArticle(input: $input) {
      __typename
      ... on MutationCreateArticleSuccess {
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
      ... on DuplicateArticleError {
        message
        existing {
          id
          title
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export function NewArticleForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [duplicate, setDuplicate] = useState<{ id: string; title: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // A page read by the API fills the form (remounted with its values) for the editor to correct.
  const [preview, setPreview] = useState<ArticlePreview | null>(null);
  const [version, setVersion] = useState(0);

  async function submit(form: FormData) {
    setBusy(true);
    setErrors({});
    setDuplicate(null);
    const text = (name: string) => String(form.get(name) ?? "").trim() || null;
    const date = text("publishedAt");
    try {
      const { createArticle: result } = await request(CreateArticle, {
        input: {
          title: String(form.get("title") ?? ""),
          canonicalUrl: text("canonicalUrl"),
          outletName: text("outletName"),
          byline: text("byline"),
          dateline: text("dateline"),
          publishedAt: date
            ? new Date(date === preview?.publishedAt?.slice(0, 10) ? preview.publishedAt : `${date}T00:00:00Z`).toISOString()
            : null,
          language: text("language") ?? "en",
          body: String(form.get("body") ?? ""),
          tags: String(form.get("tags") ?? "")
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean),
        },
      });
      if (result.__typename === "MutationCreateArticleSuccess") {
        setDirty(false);
        router.push(`/articles/${encodeURIComponent(result.data.id)}`);
        return;
      }
      if (result.__typename === "ValidationError") setErrors(fieldErrorsFrom(result.fieldErrors));
      else if (result.__typename === "DuplicateArticleError") setDuplicate(result.existing);
      else setErrors({ _form: "message" in result ? result.message : "Could not save" });
    } catch (e) {
      setErrors({ _form: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const from = (field: string) => preview?.sources.find((s) => s.field === field)?.source;
  return (
    <>
      <ArticleFromPage
        onPreview={(p) => {
          setPreview(p);
          setErrors({});
          setDuplicate(p.existing ?? null);
          setVersion((v) => v + 1);
          setDirty(true);
        }}
      />
      {preview ? (
        <p className="muted">Read from the page. Check every field and the text before saving: claims are marked on this text.</p>
      ) : null}
      <form
        key={version}
        className="stack"
        style={{ maxWidth: 820 }}
        noValidate
        onChange={() => setDirty(true)}
        onSubmit={(event) => {
          event.preventDefault();
          void submit(new FormData(event.currentTarget));
        }}
      >
        <Field label={label("Title", from("title"))} name="title" error={errors.title}>
          {(p) => <input {...p} required defaultValue={preview?.title} />}
        </Field>
        <Field label={label("URL", from("canonicalUrl"))} name="canonicalUrl" error={errors.canonicalUrl}>
          {(p) => <input {...p} type="url" placeholder="https://" defaultValue={preview?.canonicalUrl ?? undefined} />}
        </Field>
        {duplicate ? (
          <p className="notice" role="alert">
            This URL is already in the desk: <Link href={`/articles/${encodeURIComponent(duplicate.id)}`}>{duplicate.title}</Link>
          </p>
        ) : null}
        <div className="row">
          <Field label={label("Outlet", from("outletName"))} name="outletName" error={errors.outletName}>
            {(p) => <input {...p} defaultValue={preview?.outletName ?? undefined} />}
          </Field>
          <Field label={label("Byline", from("byline"))} name="byline" error={errors.byline}>
            {(p) => <input {...p} defaultValue={preview?.byline ?? undefined} />}
          </Field>
          <Field label="Dateline" name="dateline" error={errors.dateline}>
            {(p) => <input {...p} />}
          </Field>
          <Field label={label("Published", from("publishedAt"))} name="publishedAt" error={errors.publishedAt}>
            {(p) => <input {...p} type="date" defaultValue={preview?.publishedAt?.slice(0, 10)} />}
          </Field>
          <Field label="Language" name="language" error={errors.language}>
            {(p) => <input {...p} defaultValue={preview?.language ?? "en"} size={6} />}
          </Field>
        </div>
        <Field label="Tags (comma-separated)" name="tags" error={errors.tags}>
          {(p) => <input {...p} />}
        </Field>
        <Field label="Article text" name="body" error={errors.body}>
          {(p) => <textarea {...p} rows={16} required defaultValue={preview?.body} />}
        </Field>
        {errors._form ? (
          <p className="alert" role="alert">
            {errors._form}
          </p>
        ) : null}
        <div>
          <button className="primary" type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save article"}
          </button>
        </div>
      </form>
    </>
  );
}

const sourceNames: Record<string, string> = {
  "json-ld": "structured data",
  "open-graph": "Open Graph",
  meta: "page metadata",
  page: "the page",
  readability: "a guess from the text",
  fetched: "the address fetched",
};

/** "Title (from structured data)": where a prefilled value came from, so the editor knows what to double-check. */
function label(name: string, source: string | undefined): string {
  return source ? `${name} (from ${sourceNames[source] ?? source})` : name;
}
