import type { ApolloServer } from "@apollo/server";
import type { Context } from "@claimdesk/schema";

/**
 * ClaimReview JSON-LD over plain HTTP, for crawlers and aggregators:
 *   GET /claim-reviews/<slug>.jsonld          one review (other forms of its id redirect to the slug)
 *   GET /claim-reviews.jsonld?after=<cursor>  a schema.org DataFeed of DataFeedItems, newest first,
 *                                             the next page in an absolute `Link: <…>; rel="next"`
 * Both go through the GraphQL schema as an anonymous client, so they show
 * exactly what the public may see. HEAD answers as GET without the body.
 */
export interface ClaimReviewResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const feedPageSize = 50;

export async function claimReviewResponse(
  apollo: ApolloServer<Context>,
  pathname: string,
  search: URLSearchParams,
  anonymousContext: () => Promise<Context>,
  origin = "",
): Promise<ClaimReviewResponse | null> {
  const one = /^\/claim-reviews\/([^/]+)\.jsonld$/.exec(pathname);
  if (one) {
    let key: string;
    try {
      key = decodeURIComponent(one[1]!);
    } catch {
      return notFound();
    }
    const result = await apollo.executeOperation(
      { query: `query($path: String!) { publicFactCheck(path: $path) { slug claimReview } }`, variables: { path: key } },
      { contextValue: await anonymousContext() },
    );
    const fc =
      result.body.kind === "single"
        ? (result.body.singleResult.data as { publicFactCheck?: { slug: string; claimReview: unknown } | null } | undefined)
            ?.publicFactCheck
        : undefined;
    if (!fc?.claimReview) return notFound();
    if (fc.slug !== key)
      return {
        status: 301,
        body: { location: `${origin}/claim-reviews/${fc.slug}.jsonld` },
        headers: { location: `${origin}/claim-reviews/${fc.slug}.jsonld` },
      };
    return { status: 200, body: fc.claimReview };
  }
  if (pathname === "/claim-reviews.jsonld") {
    const first = Math.min(Math.max(Number(search.get("first")) || feedPageSize, 1), 100);
    const result = await apollo.executeOperation(
      {
        query: `query($after: String, $first: Int) { factChecks(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { publishedAt dateModified url claimReview } } } }`,
        variables: { after: search.get("after") || null, first },
      },
      { contextValue: await anonymousContext() },
    );
    const page =
      result.body.kind === "single" ? (result.body.singleResult.data as { factChecks: FeedPage } | undefined)?.factChecks : undefined;
    if (!page) return { status: 400, body: { error: "Bad feed cursor" } };
    const self = `${origin}/claim-reviews.jsonld`;
    const next = page.pageInfo.hasNextPage
      ? `${self}?${new URLSearchParams({ after: page.pageInfo.endCursor!, ...(first !== feedPageSize ? { first: String(first) } : {}) })}`
      : null;
    return {
      status: 200,
      headers: next ? { link: `<${next}>; rel="next"` } : {},
      body: {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        url: self,
        dataFeedElement: page.edges
          .filter(({ node }) => node.claimReview)
          .map(({ node }) => {
            const { "@context": _context, ...review } = node.claimReview as Record<string, unknown>;
            return {
              "@type": "DataFeedItem",
              url: node.url,
              dateCreated: node.publishedAt,
              // The review's own rule: the last correction's date, or none.
              ...(node.dateModified ? { dateModified: node.dateModified } : {}),
              item: review,
            };
          }),
      },
    };
  }
  return null;
}

const notFound = (): ClaimReviewResponse => ({ status: 404, body: { error: "No published fact-check with this id" } });

interface FeedPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { publishedAt: string; dateModified: string | null; url: string; claimReview: unknown } }[];
}
