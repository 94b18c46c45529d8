import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { graphql } from "@/gql";
import { publicQuery } from "@/lib/server";
import { TrustLinks } from "../../TrustLinks";
import { FactCheckView, socialCard, socialMetadata } from "@/components/FactCheckView";

const FactCheckQuery = graphql(`
  query PublicFactCheck($path: String!) {
    publicFactCheck(path: $path) {
      __typename
      ... on FactCheck {
        id
        slug
        url
        headline
        summary
        claimReviewed
        quote
        publishedAt
        dateModified
        publisherName
        explanation
        claimReview
        rating {
          label
          description
          color
          value
          scale {
            bestRating
            worstRating
          }
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
            archivedUrl
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
`);

/** The fact-check a path names, redirecting every other form of it to its one URL. */
async function load(param: string) {
  let path: string;
  try {
    path = decodeURIComponent(param);
  } catch {
    notFound();
  }
  const fc = (await publicQuery(FactCheckQuery, { path })).publicFactCheck;
  if (!fc) notFound();
  if (fc.slug && fc.slug !== path) permanentRedirect(`/fact-checks/${fc.slug}`);
  return fc;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const fc = await load((await params).id);
  return socialMetadata(socialCard(fc), fc);
}

/** The public page of a published fact-check: server-rendered, with its ClaimReview JSON-LD. */
export default async function PublicFactCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const fc = await load((await params).id);
  return (
    <main style={{ maxWidth: 760 }}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(fc.claimReview).replace(/</g, "\\u003c") }} />
      <FactCheckView fc={fc} />
      <TrustLinks />
    </main>
  );
}
