"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, type FieldErrors, fieldErrorsFrom } from "@/components/Field";
import { setDirty } from "@/components/UnsavedChangesGuard";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";

const CreateArticle = graphql(`
  mutation CreateArticle($input: CreateArticleInput!) {
    createArticle(input: $input) {
      __typename
      ... on MutationCreateArticleSuccess { data { id } }
      ... on ValidationError { fieldErrors { path message } }
      ... on DuplicateArticleError { message existing { id title } }
      ... on Error { message }
    }
  }
`);

export function NewArticleForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [duplicate, setDuplicate] = useState<{ id: string; title: string } | null>(null);
  const [busy, setBusy] = useState(false);

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
          publishedAt: date ? new Date(`${date}T00:00:00Z`).toISOString() : null,
          body: String(form.get("body") ?? ""),
          tags: String(form.get("tags") ?? "").split(",").map((t) => t.trim()).filter(Boolean),
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

  return (
    <form
      className="stack"
      style={{ maxWidth: 820 }}
      noValidate
      onChange={() => setDirty(true)}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
    >
      <Field label="Title" name="title" error={errors.title}>{(p) => <input {...p} required />}</Field>
      <Field label="URL" name="canonicalUrl" error={errors.canonicalUrl}>{(p) => <input {...p} type="url" placeholder="https://" />}</Field>
      {duplicate ? (
        <p className="notice" role="alert">
          This URL is already in the desk: <Link href={`/articles/${encodeURIComponent(duplicate.id)}`}>{duplicate.title}</Link>
        </p>
      ) : null}
      <div className="row">
        <Field label="Outlet" name="outletName" error={errors.outletName}>{(p) => <input {...p} />}</Field>
        <Field label="Byline" name="byline" error={errors.byline}>{(p) => <input {...p} />}</Field>
        <Field label="Dateline" name="dateline" error={errors.dateline}>{(p) => <input {...p} />}</Field>
        <Field label="Published" name="publishedAt" error={errors.publishedAt}>{(p) => <input {...p} type="date" />}</Field>
      </div>
      <Field label="Tags (comma-separated)" name="tags" error={errors.tags}>{(p) => <input {...p} />}</Field>
      <Field label="Article text" name="body" error={errors.body}>{(p) => <textarea {...p} rows={16} required />}</Field>
      {errors._form ? <p className="alert" role="alert">{errors._form}</p> : null}
      <div>
        <button className="primary" type="submit" disabled={busy}>{busy ? "Saving…" : "Save article"}</button>
      </div>
    </form>
  );
}
