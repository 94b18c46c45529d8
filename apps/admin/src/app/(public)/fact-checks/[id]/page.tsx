import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { Markdown } from "@/components/Markdown";
import { graphql } from "@/gql";
import { formatDate } from "@/lib/format";
import { publicQuery } from "@/lib/server";
import { TrustLinks } from "../../TrustLinks";

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
  const description = `${fc.rating.label}: ${fc.claimReviewed}`;
  const url = fc.url ?? undefined;
  return {
    title: fc.headline,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      title: fc.headline,
      description,
      url,
      siteName: fc.publisherName,
      publishedTime: fc.publishedAt,
      ...(fc.dateModified ? { modifiedTime: fc.dateModified } : {}),
    },
    twitter: { card: "summary", title: fc.headline, description },
  };
}

const stanceText: Record<string, string> = { SUPPORTS: "supports", REFUTES: "refutes", CONTEXT: "context" };

/** The public page of a published fact-check: server-rendered, with its ClaimReview JSON-LD. */
export default async function PublicFactCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const fc = await load((await params).id);
  return (
    <main style={{ maxWidth: 760 }}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(fc.claimReview).replace(/</g, "\\u003c") }} />
      <p className="muted">
        {fc.publisherName} · Fact-check · {formatDate(fc.publishedAt)}
        {fc.dateModified ? ` · corrected ${formatDate(fc.dateModified)}` : ""}
      </p>
      <h1>{fc.headline}</h1>
      <section className="card stack" aria-label="Verdict">
        <div>
          <strong>Claim:</strong> {fc.claimReviewed}
        </div>
        {fc.speaker ? (
          <div className="muted">
            {fc.speaker.name}
            {fc.speaker.title ? `, ${fc.speaker.title}` : ""}
          </div>
        ) : null}
        <div>
          <span className="badge" style={{ background: fc.rating.color, fontSize: "1rem" }} data-testid="verdict">
            {fc.rating.label}
          </span>{" "}
          <span className="muted">{fc.rating.description}</span>
        </div>
      </section>
      {fc.summary ? (
        <p>
          <strong>{fc.summary}</strong>
        </p>
      ) : null}
      <Markdown source={fc.explanation} />
      <h2>Sources</h2>
      <ol>
        {fc.evidence.map((e, i) => (
          <li key={i}>
            {e.source.url ? (
              <a href={e.source.url} rel="noopener noreferrer">
                {e.source.title}
              </a>
            ) : (
              e.source.title
            )}
            {e.source.publisher ? `, ${e.source.publisher}` : ""}{" "}
            <span className="muted">
              ({stanceText[e.stance]}
              {e.location ? `; ${e.location}` : ""})
            </span>
            {e.passage ? <blockquote>{e.passage}</blockquote> : null}
          </li>
        ))}
      </ol>
      {fc.appearances.length ? (
        <>
          <h2>Where the claim appeared</h2>
          <ul>
            {fc.appearances.map((a, i) => (
              <li key={i}>
                {a.article.canonicalUrl ? (
                  <a href={a.article.canonicalUrl} rel="noopener noreferrer nofollow">
                    {a.article.title}
                  </a>
                ) : (
                  a.article.title
                )}
                {a.article.outlet ? `, ${a.article.outlet.name}` : ""}{" "}
                {a.article.publishedAt ? `(${formatDate(a.article.publishedAt)})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Corrections</h2>
      {fc.corrections.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {fc.corrections.map((c) => (
            <li key={c.id}>
              <strong>{formatDate(c.createdAt)}:</strong> {c.whatChanged}. {c.reason}
            </li>
          ))}
        </ul>
      )}
      <TrustLinks />
    </main>
  );
}
