import Link from "next/link";
import { graphql } from "@/gql";
import { badgeStyle, correctionLine, formatDate } from "@/lib/format";
import { serverQuery } from "@/lib/server";
import { CorrectionForm } from "./CorrectionForm";

export const metadata = { title: "Published fact-checks" };

const PublishedQuery = graphql(`
  query Published {
    viewerCan {
      correct
    }
    factChecks(first: 50) {
      totalCount
      edges {
        node {
          id
          headline
          publishedAt
          updatedAt
          explanation
          rating {
            id
            label
            color
          }
          claim {
            id
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
    defaultRatingScale {
      ratings {
        id
        label
        color
      }
    }
  }
`);

export default async function PublishedPage() {
  const data = await serverQuery(PublishedQuery, {});
  const canCorrect = data.viewerCan.correct;
  return (
    <>
      <h1>Published fact-checks ({data.factChecks.totalCount})</h1>
      {data.factChecks.edges.length === 0 ? (
        <p className="empty">Nothing published yet. Claims in review can be published from their page.</p>
      ) : null}
      <div className="stack">
        {data.factChecks.edges.map(({ node }) => (
          <article key={node.id} className="card stack">
            <div>
              <span className="badge" style={badgeStyle(node.rating.color)}>
                {node.rating.label}
              </span>{" "}
              <Link href={`/fact-checks/${encodeURIComponent(node.id)}`}>{node.headline}</Link>
              <div className="muted">
                Published {formatDate(node.publishedAt)} · <Link href={`/claims/${encodeURIComponent(node.claim.id)}`}>claim</Link>
              </div>
            </div>
            {node.corrections.length ? (
              <ul>
                {node.corrections.map((c) => (
                  <li key={c.id}>
                    <strong>Correction {formatDate(c.createdAt)}:</strong>{" "}
                    {c.retractedAt ? <del>{correctionLine(c)}</del> : correctionLine(c)}
                    {c.retractedAt ? ` Retracted ${formatDate(c.retractedAt)}: ${c.retractionReason ?? ""}` : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {canCorrect ? (
              <CorrectionForm
                factCheckId={node.id}
                ratings={data.defaultRatingScale?.ratings ?? []}
                current={{ rating: node.rating, explanation: node.explanation }}
              />
            ) : null}
          </article>
        ))}
      </div>
    </>
  );
}
