import { graphql } from "@/gql";
import { serverQuery } from "@/lib/server";
import { ImportForm } from "./ImportForm";
import { VerdictMappings } from "./VerdictMappings";

export const metadata = { title: "Import fact-checks" };

const ImportPageQuery = graphql(`
  query ImportPage {
    me {
      role
    }
    unmappedVerdicts {
      publisherName
      ratingLabel
      count
    }
    defaultRatingScale {
      ratings {
        id
        label
      }
    }
  }
`);

export default async function ImportPage() {
  const data = await serverQuery(ImportPageQuery, {});
  const canMap = data.me?.role === "EDITOR" || data.me?.role === "ADMIN";
  return (
    <>
      <h1>Import fact-checks from elsewhere</h1>
      <p className="muted">
        Paste ClaimReview JSON-LD (a review, a list, a DataFeed), or the HTML of a fact-check page, or choose a file. Each review is
        imported or refused on its own; one already imported is updated. Imported reviews are found when you mark or write a similar claim.
      </p>
      <ImportForm />
      <h2>Verdicts to map</h2>
      <p className="muted">
        Their labels that match none of our ratings by name, by common verdict words or by position on their scale. Mapped once per
        publisher, for every import.
      </p>
      <VerdictMappings unmapped={data.unmappedVerdicts} ratings={data.defaultRatingScale?.ratings ?? []} canMap={canMap} />
    </>
  );
}
