import { ImportForm } from "./ImportForm";

export const metadata = { title: "Import fact-checks" };

export default function ImportPage() {
  return (
    <>
      <h1>Import fact-checks from elsewhere</h1>
      <p className="muted">
        Paste ClaimReview JSON-LD, or the HTML of a fact-check page, or choose a file. Imported reviews are found when you mark or write a similar claim.
      </p>
      <ImportForm />
    </>
  );
}
