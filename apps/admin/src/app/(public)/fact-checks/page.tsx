import Link from "next/link";
import { graphql } from "@/gql";
import { formatDate } from "@/lib/format";
import { publicQuery } from "@/lib/server";
import { pageMetadata } from "../site";
import { TrustLinks } from "../TrustLinks";

export function generateMetadata() {
  return pageMetadata("/fact-checks", "Fact-checks", "Published fact-checks: each claim, its verdict and the sources behind it.");
}

const PublicListQuery = graphql(`
  query PublicFactChecks {
    factChecks(first: 50) {
      edges {
        node {
          id
          slug
          headline
          claimReviewed
          publishedAt
          rating {
            label
            color
          }
        }
      }
    }
  }
`);

export default async function PublicFactChecksPage() {
  const { factChecks } = await publicQuery(PublicListQuery, {});
  return (
    <main style={{ maxWidth: 760 }}>
      <h1>Fact-checks</h1>
      {factChecks.edges.length === 0 ? <p className="empty">No fact-checks published yet.</p> : null}
      <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
        {factChecks.edges.map(({ node }) => (
          <li key={node.id} className="card">
            <span className="badge" style={{ background: node.rating.color }}>
              {node.rating.label}
            </span>{" "}
            <Link href={`/fact-checks/${node.slug ?? encodeURIComponent(node.id)}`}>{node.headline}</Link>
            <div className="muted">
              {node.claimReviewed} · {formatDate(node.publishedAt)}
            </div>
          </li>
        ))}
      </ul>
      <TrustLinks />
      <p className="muted">
        <Link href="/login">Newsroom sign-in</Link>
      </p>
    </main>
  );
}
