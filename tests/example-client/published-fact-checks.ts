/**
 * An example API client, as a publisher's site would write it: typed
 * documents generated from the committed schema.graphql (`npm run codegen`).
 */
import { graphql } from "./gql/index.ts";

export const PublishedFactChecks = graphql(`
  query PublishedFactChecks($first: Int!, $after: String) {
    factChecks(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          headline
          claimReviewed
          publishedAt
          updatedAt
          rating {
            label
            value
            scale {
              bestRating
              worstRating
            }
          }
          speaker {
            name
            sameAs
          }
          appearances {
            article {
              title
              canonicalUrl
              publishedAt
            }
          }
        }
      }
    }
  }
`);

/** Fetches one page of published fact-checks; the result is fully typed. */
export async function fetchPublishedFactChecks(apiUrl: string, first = 10, after?: string) {
  const { print } = await import("graphql");
  const res = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: print(PublishedFactChecks), variables: { first, after } }),
  });
  const body = (await res.json()) as { data?: import("./gql/graphql.ts").PublishedFactChecksQuery; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
  return body.data.factChecks;
}
