/** The benchmarked operations: one GraphQL document each, and what a correct answer looks like. */
import { ids } from "./dataset.ts";

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

export interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Returns a problem with the response body, or null when it is right. */
  check(body: any, sizes: { articles: number }): string | null;
}

export const operations: Operation[] = [
  {
    name: "desk list",
    query: `query Desk { articles(first: 20) { totalCount edges { node { id title claims(first: 5) { totalCount edges { node { spanStart claim { id claimReviewed status } } } } } } } }`,
    variables: {},
    check: (b, sizes) =>
      b?.data?.articles?.totalCount < sizes.articles
        ? `totalCount ${b?.data?.articles?.totalCount}`
        : b.data.articles.edges.length !== 20
          ? "not 20 articles"
          : b.data.articles.edges.some(
                (e: any) =>
                  e.node.claims.totalCount < 5 || e.node.claims.edges.length !== 5 || !e.node.claims.edges[0].node.claim.claimReviewed,
              )
            ? "an article without its 5 claims"
            : null,
  },
  {
    name: "article page",
    query: `query Article($id: ID!) { node(id: $id) { ... on Article { id title body claims(first: 50) { edges { node { spanStart spanEnd claim { id claimReviewed status speaker { name } rating { label } evidence(first: 10) { edges { node { stance source { title url } } } } } } } } } } }`,
    variables: { id: gid("Article", ids.article(7)) },
    check: (b) => {
      const n = b?.data?.node;
      if (!n?.body) return "no article";
      if (n.claims.edges.length !== 5) return `${n.claims.edges.length} claims`;
      return n.claims.edges.every(
        (e: any) =>
          e.node.claim.speaker?.name && e.node.claim.evidence.edges.length === 3 && e.node.claim.evidence.edges[0].node.source.title,
      )
        ? null
        : "claim details missing";
    },
  },
  {
    name: "search",
    query: `query Search { search(query: "inflation exports", first: 20) { rank node { __typename ... on Article { id title } ... on Claim { id claimReviewed } ... on Source { id title } } } }`,
    variables: {},
    check: (b) =>
      b?.data?.search?.length === 20 && b.data.search.every((h: any) => h.node.id) ? null : `search returned ${b?.data?.search?.length}`,
  },
  {
    name: "source → claims → articles",
    query: `query Source($id: ID!) { node(id: $id) { ... on Source { title citations(first: 20) { totalCount edges { node { stance claim { id claimReviewed appearances { article { id title } } } } } } } } }`,
    variables: { id: gid("Source", ids.source(3)) },
    check: (b) => {
      const c = b?.data?.node?.citations;
      if (!c || c.totalCount < 1) return "no citations";
      return c.edges.every((e: any) => e.node.claim.appearances[0]?.article?.title) ? null : "citation without its article";
    },
  },
  {
    name: "create claim + 3 sources",
    query: `mutation Create($input: CreateClaimInput!) { createClaim(input: $input) { __typename ... on MutationCreateClaimSuccess { data { id } } ... on Error { message } } }`,
    variables: {
      input: {
        quote: "Remittances rose 12.4% in 2024",
        evidence: [0, 1, 2].map((i) => ({ sourceId: gid("Source", ids.source(i)), stance: "SUPPORTS", passage: "Table 3" })),
      },
    },
    check: (b) =>
      b?.data?.createClaim?.__typename === "MutationCreateClaimSuccess" && b.data.createClaim.data.id
        ? null
        : JSON.stringify(b).slice(0, 200),
  },
  {
    name: "{ __typename }",
    query: `{ __typename }`,
    variables: {},
    check: (b) => (b?.data?.__typename === "Query" ? null : "wrong body"),
  },
];
