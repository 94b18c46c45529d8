import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { graphql } from "@/gql";
import { serverQuery } from "@/lib/server";
import { FactCheckView, type SocialCard, socialCard } from "@/components/FactCheckView";

// A draft is not for search engines (next.config.ts also sends X-Robots-Tag).
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

const PreviewQuery = graphql(`
  query PublicationPreview($id: ID!, $headline: String, $summary: String) {
    node(id: $id) {
      __typename
      ... on Claim {
        id
        claimReviewed
        status
        publicationPreview(headline: $headline, summary: $summary) {
          headline
          summary
          url
          publisherName
          publishedAt
          dateModified
          claimReviewed
          quote
          explanation
          rating {
            label
            description
            color
          }
          speaker {
            name
            title
          }
          appearances {
            article {
              title
              canonicalUrl
              publishedAt
              outlet {
                name
              }
            }
          }
          evidence {
            stance
            passage
            location
            source {
              title
              url
              publisher
            }
          }
          corrections {
            id
            whatChanged
            reason
            createdAt
            retractedAt
            retractionReason
          }
        }
      }
    }
  }
`);

const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** The public page and social card the claim would publish as, from the draft: for the newsroom only, never indexed. */
export default async function PublicationPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = decodeURIComponent((await params).id);
  const query = await searchParams;
  const data = await serverQuery(PreviewQuery, { id, headline: text(query.headline), summary: text(query.summary) });
  if (data.node?.__typename !== "Claim") notFound();
  const claim = data.node;
  const fc = claim.publicationPreview;
  const back = `/claims/${encodeURIComponent(claim.id)}`;
  if (!fc) notFound();
  const card = socialCard(fc);
  return (
    <>
      <section className="notice preview-banner" role="status" aria-label="Preview" data-testid="preview-banner">
        <strong>Preview: not published.</strong> This is how the fact-check and its social card will look if it is published now. Readers
        cannot see this page and search engines are told not to index it. <Link href={back}>Back to the claim</Link>
      </section>
      {!fc.headline ? <p className="alert">No headline yet: publishing needs one.</p> : null}
      {!fc.rating ? <p className="alert">No verdict yet: publishing needs one.</p> : null}
      <h2>Social card</h2>
      <p className="muted">As shared on social media and in messaging apps (Open Graph and Twitter card).</p>
      <SocialCardPreview card={card} />
      <h2>Public page</h2>
      <div className="public-preview" data-testid="public-preview">
        <FactCheckView fc={{ ...fc, headline: fc.headline || "(no headline)" }} />
      </div>
    </>
  );
}

function SocialCardPreview({ card }: { card: SocialCard }) {
  const host = card.url ? new URL(card.url).host : null;
  return (
    <figure className="social-card" data-testid="social-card" aria-label="Social card">
      {card.image ? (
        <img src={card.image} alt="" />
      ) : (
        <div className="social-card-noimage muted">No image: the card shows text only ({card.card} card)</div>
      )}
      <figcaption className="stack">
        <span className="muted">{host ? `${card.siteName} · ${host}` : `${card.siteName} · address set on publication`}</span>
        <strong data-testid="social-title">{card.title || "(no headline)"}</strong>
        <span data-testid="social-description">{card.description}</span>
      </figcaption>
    </figure>
  );
}
