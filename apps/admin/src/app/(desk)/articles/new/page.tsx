import { NewArticleForm } from "./NewArticleForm";

export const metadata = { title: "New article" };

export default function NewArticlePage() {
  return (
    <>
      <h1>New article</h1>
      <p className="muted">
        Paste a link or a saved page to read the article from it, or paste the article's text exactly as published; claims are marked on
        this text.
      </p>
      <NewArticleForm />
    </>
  );
}
