import type { ApolloServer } from "@apollo/server";
import type { Context } from "@claimdesk/schema";

/**
 * ClaimReview JSON-LD over plain HTTP, for crawlers and aggregators:
 *   GET /claim-reviews/<fact-check id>.jsonld  one review
 *   GET /claim-reviews.jsonld?after=<cursor>   a DataFeed of all, newest first
 * Both go through the GraphQL schema as an anonymous client, so they show
 * exactly what the public may see.
 */
export async function claimReviewResponse(
  apollo: ApolloServer<Context>,
  pathname: string,
  search: URLSearchParams,
  anonymousContext: () => Promise<Context>,
): Promise<{ status: number; body: unknown } | null> {
  const one = /^\/claim-reviews\/([^/]+)\.jsonld$/.exec(pathname);
  if (one) {
    // Either the GraphQL ID or the plain database id.
    const raw = decodeURIComponent(one[1]!);
    const id = Buffer.from(raw, "base64").toString().startsWith("FactCheck:") ? raw : Buffer.from(`FactCheck:${raw}`).toString("base64");
    const result = await apollo.executeOperation(
      { query: `query($id: ID!) { node(id: $id) { ... on FactCheck { claimReview } } }`, variables: { id } },
      { contextValue: await anonymousContext() },
    );
    const data = result.body.kind === "single" ? (result.body.singleResult.data as { node?: { claimReview?: unknown } } | undefined) : undefined;
    return data?.node?.claimReview ? { status: 200, body: data.node.claimReview } : { status: 404, body: { error: "No published fact-check with this id" } };
  }
  if (pathname === "/claim-reviews.jsonld") {
    const result = await apollo.executeOperation(
      {
        query: `query($after: String) { factChecks(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { updatedAt claimReview } } } }`,
        variables: { after: search.get("after") || null },
      },
      { contextValue: await anonymousContext() },
    );
    const page = result.body.kind === "single" ? (result.body.singleResult.data as { factChecks: FeedPage } | undefined)?.factChecks : undefined;
    if (!page) return { status: 400, body: { error: "Bad feed cursor" } };
    return {
      status: 200,
      body: {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        numberOfItems: page.totalCount,
        dataFeedElement: page.edges.map((e) => ({ ...(e.node.claimReview as object), dateModified: e.node.updatedAt })),
        ...(page.pageInfo.hasNextPage ? { nextPage: `/claim-reviews.jsonld?after=${encodeURIComponent(page.pageInfo.endCursor!)}` } : {}),
      },
    };
  }
  return null;
}

interface FeedPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { updatedAt: string; claimReview: unknown } }[];
}
