import { notFound } from "next/navigation";
import { Suspense } from "react";
import { graphql } from "@/gql";
import { formatDate } from "@/lib/format";
import { serverQuery } from "@/lib/server";
import { ArticleWorkspace } from "./ArticleWorkspace";
import { RecurringClaims } from "./RecurringClaims";

const ArticleQuery = graphql(`
  query ArticlePage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Article {
        id
        title
        body
        byline
        dateline
        publishedAt
        canonicalUrl
        tags
        outlet {
          name
        }
        claims(first: 100) {
          totalCount
          edges {
            node {
              id
              spanStart
              spanEnd
              quote
              claim {
                id
                claimReviewed
                status
                rating {
                  label
                  color
                }
                speaker {
                  name
                }
              }
            }
          }
        }
        suggestions(first: 100) {
          text
          spanStart
          spanEnd
          score
          reasons
          alreadyMarked
        }
      }
    }
    people(first: 100) {
      edges {
        node {
          id
          name
          title
        }
      }
    }
  }
`);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Article ${decodeURIComponent((await params).id).slice(0, 8)}` };
}

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const data = await serverQuery(ArticleQuery, { id: decodeURIComponent(id) });
  const article = data.node?.__typename === "Article" ? data.node : null;
  if (!article) notFound();
  return (
    <>
      <h1>{article.title}</h1>
      <p className="muted">
        {[article.outlet?.name, article.byline, article.dateline, formatDate(article.publishedAt)].filter(Boolean).join(" · ")}
        {article.canonicalUrl ? (
          <>
            {" · "}
            <a href={article.canonicalUrl} target="_blank" rel="noopener noreferrer">
              original
            </a>
          </>
        ) : null}
      </p>
      <ArticleWorkspace
        articleId={article.id}
        body={article.body}
        appearances={article.claims.edges.map((e) => e.node)}
        people={data.people.edges.map((e) => e.node)}
        suggestions={article.suggestions}
        recurring={
          // Matching every sentence against all published fact-checks is the slow part of
          // this page; the article streams first and the alert follows when it is ready.
          <Suspense
            fallback={
              <p className="muted" aria-live="polite">
                Checking whether any sentence was fact-checked before…
              </p>
            }
          >
            <RecurringClaims articleId={article.id} />
          </Suspense>
        }
      />
    </>
  );
}
