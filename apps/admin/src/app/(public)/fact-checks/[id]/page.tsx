import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/Markdown";
import { graphql } from "@/gql";
import { formatDate } from "@/lib/format";
import { publicQuery } from "@/lib/server";

const FactCheckQuery = graphql(`
  query PublicFactCheck($id: ID!) {
    node(id: $id) {
      __typename
      ... on FactCheck {
        id headline summary claimReviewed quote publishedAt updatedAt publisherName explanation claimReview
        rating { label description color value scale { bestRating worstRating } }
        speaker { name title }
        appearances { article { title canonicalUrl publishedAt outlet { name } } }
        evidence { stance passage location source { title url publisher archivedUrl } }
        corrections { id whatChanged reason createdAt }
      }
    }
  }
`);

async function load(id: string) {
  const data = await publicQuery(FactCheckQuery, { id: decodeURIComponent(id) });
  return data.node?.__typename === "FactCheck" ? data.node : null;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const fc = await load((await params).id);
  return fc ? { title: fc.headline, description: fc.summary ?? fc.claimReviewed } : { title: "Not found" };
}

const stanceText: Record<string, string> = { SUPPORTS: "supports", REFUTES: "refutes", CONTEXT: "context" };

/** The public page of a published fact-check: server-rendered, with its ClaimReview JSON-LD. */
export default async function PublicFactCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const fc = await load((await params).id);
  if (!fc) notFound();
  return (
    <main style={{ maxWidth: 760 }}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(fc.claimReview).replace(/</g, "\\u003c") }} />
      <p className="muted">{fc.publisherName} · Fact-check · {formatDate(fc.publishedAt)}{fc.corrections.length ? ` · corrected ${formatDate(fc.updatedAt)}` : ""}</p>
      <h1>{fc.headline}</h1>
      <section className="card stack" aria-label="Verdict">
        <div><strong>Claim:</strong> {fc.claimReviewed}</div>
        {fc.speaker ? <div className="muted">{fc.speaker.name}{fc.speaker.title ? `, ${fc.speaker.title}` : ""}</div> : null}
        <div>
          <span className="badge" style={{ background: fc.rating.color, fontSize: "1rem" }} data-testid="verdict">{fc.rating.label}</span>{" "}
          <span className="muted">{fc.rating.description}</span>
        </div>
      </section>
      {fc.summary ? <p><strong>{fc.summary}</strong></p> : null}
      <Markdown source={fc.explanation} />
      <h2>Sources</h2>
      <ol>
        {fc.evidence.map((e, i) => (
          <li key={i}>
            {e.source.url ? <a href={e.source.url} rel="noopener noreferrer">{e.source.title}</a> : e.source.title}
            {e.source.publisher ? `, ${e.source.publisher}` : ""} <span className="muted">({stanceText[e.stance]}{e.location ? `; ${e.location}` : ""})</span>
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
                {a.article.canonicalUrl ? <a href={a.article.canonicalUrl} rel="noopener noreferrer nofollow">{a.article.title}</a> : a.article.title}
                {a.article.outlet ? `, ${a.article.outlet.name}` : ""} {a.article.publishedAt ? `(${formatDate(a.article.publishedAt)})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Corrections</h2>
      {fc.corrections.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>{fc.corrections.map((c) => <li key={c.id}><strong>{formatDate(c.createdAt)}:</strong> {c.whatChanged}. {c.reason}</li>)}</ul>
      )}
      <p className="muted"><Link href="/methodology">How we rate claims</Link></p>
    </main>
  );
}
