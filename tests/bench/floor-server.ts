/**
 * F, the floor: the same operations as a naive GraphQL server where every
 * field resolves itself with its own SQL (the N+1 shape).
 * Usage: tsx floor-server.ts <postgres url> <port>
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { type GraphQLFieldResolver, type GraphQLObjectType, buildSchema } from "graphql";
import { createHandler } from "graphql-http/lib/use/http";
import pg from "pg";

const [url, port] = process.argv.slice(2) as [string, string];
const pool = new pg.Pool({ connectionString: url, max: 10 });
let statements = 0;
const q = async (text: string, values: unknown[] = []) => {
  statements++;
  return (await pool.query(text, values)).rows;
};
// Naive, yet it reads rows, not the stored search vectors beside them.
const columns = new Map<string, string>(
  (
    await pool.query(
      `SELECT table_name, string_agg(quote_ident(column_name), ', ') AS list FROM information_schema.columns WHERE table_schema = 'public' AND is_generated = 'NEVER' GROUP BY table_name`,
    )
  ).rows.map((r) => [r.table_name, r.list]),
);
const all = (table: string) => columns.get(table) ?? "*";
const one = async (text: string, values: unknown[] = []) => (await q(text, values))[0] ?? null;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const decode = (id: string) => Buffer.from(id, "base64").toString().split(":") as [string, string];

const schema = buildSchema(`
  interface Node { id: ID! }
  type Query { articles(first: Int): ArticleConnection! node(id: ID!): Node search(query: String!, first: Int): [SearchHit!]! }
  type Mutation { createClaim(input: CreateClaimInput!): CreateClaimResult! }
  input EvidenceInput { sourceId: ID! stance: String! passage: String }
  input CreateClaimInput { quote: String! evidence: [EvidenceInput!] }
  interface Error { message: String! }
  type MutationCreateClaimSuccess { data: Claim! }
  type Problem implements Error { message: String! }
  union CreateClaimResult = MutationCreateClaimSuccess | Problem
  type ArticleConnection { totalCount: Int! edges: [ArticleEdge!]! }
  type ArticleEdge { node: Article! }
  type Article implements Node { id: ID! title: String! body: String! claims(first: Int): AppearanceConnection! }
  type AppearanceConnection { totalCount: Int! edges: [AppearanceEdge!]! }
  type AppearanceEdge { node: Appearance! }
  type Appearance { spanStart: Int! spanEnd: Int! claim: Claim! article: Article! }
  type Claim implements Node { id: ID! claimReviewed: String! status: String! speaker: Person rating: Rating evidence(first: Int): EvidenceConnection! appearances: [Appearance!]! }
  type Person { name: String! }
  type Rating { label: String! }
  type EvidenceConnection { totalCount: Int! edges: [EvidenceEdge!]! }
  type EvidenceEdge { node: Evidence! }
  type Evidence { stance: String! source: Source! claim: Claim! }
  type Source implements Node { id: ID! title: String! url: String citations(first: Int): EvidenceConnection! }
  type SearchHit { rank: Float! node: SearchResult! }
  union SearchResult = Article | Claim | Source
`);

type Resolvers = Record<string, Record<string, GraphQLFieldResolver<any, unknown, any>>>;
const resolvers: Resolvers = {
  Query: {
    articles: async (_r, { first }) => ({ first }),
    node: async (_r, { id }) => {
      const [type, raw] = decode(id);
      const table = { Article: "Article", Claim: "Claim", Source: "Source" }[type];
      return table ? one(`SELECT ${all(table)}, '${type}' AS __typename FROM "${table}" WHERE id = $1`, [raw]) : null;
    },
    search: async (_r, { query, first }) =>
      q(
        `SELECT kind AS __typename, id, rank FROM (
          SELECT 'Article' AS kind, id, ts_rank_cd("searchVector", websearch_to_tsquery('english', $1))::float8 AS rank FROM "Article" WHERE "searchVector" @@ websearch_to_tsquery('english', $1)
          UNION ALL SELECT 'Claim', id, ts_rank_cd("searchVector", websearch_to_tsquery('english', $1))::float8 * 2 FROM "Claim" WHERE "searchVector" @@ websearch_to_tsquery('english', $1)
          UNION ALL SELECT 'Source', id, ts_rank_cd("searchVector", websearch_to_tsquery('english', $1))::float8 FROM "Source" WHERE "searchVector" @@ websearch_to_tsquery('english', $1)
        ) h ORDER BY rank DESC, id LIMIT $2`,
        [query, first ?? 20],
      ),
  },
  SearchHit: {
    node: async (hit) =>
      one(`SELECT ${all(hit.__typename)}, '${hit.__typename}' AS __typename FROM "${hit.__typename}" WHERE id = $1`, [hit.id]),
  },
  Mutation: {
    createClaim: async (_r, { input }) => {
      const client = await pool.connect();
      try {
        const id = randomUUID();
        await client.query("BEGIN");
        await client.query(`INSERT INTO "Claim" (id, quote, "claimReviewed", "updatedAt") VALUES ($1, $2, $2, now())`, [id, input.quote]);
        for (const e of input.evidence ?? []) {
          await client.query(
            `INSERT INTO "ClaimSource" (id, "claimId", "sourceId", stance, passage, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
            [randomUUID(), id, decode(e.sourceId)[1], e.stance, e.passage],
          );
        }
        await client.query(`INSERT INTO "AuditEvent" (id, action, "entityType", "entityId") VALUES ($1, 'claim.create', 'Claim', $2)`, [
          randomUUID(),
          id,
        ]);
        const created = (await client.query(`SELECT ${all("Claim")} FROM "Claim" WHERE id = $1`, [id])).rows[0];
        await client.query("COMMIT");
        statements += 5 + (input.evidence?.length ?? 0);
        return { __typename: "MutationCreateClaimSuccess", data: created };
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
  },
  ArticleConnection: {
    totalCount: async () => Number((await one(`SELECT count(*) AS n FROM "Article"`)).n),
    edges: async ({ first }) =>
      (await q(`SELECT id FROM "Article" ORDER BY "publishedAt" DESC NULLS LAST, id DESC LIMIT $1`, [first ?? 20])).map((r) => ({
        id: r.id,
      })),
  },
  ArticleEdge: { node: async ({ id }) => one(`SELECT ${all("Article")} FROM "Article" WHERE id = $1`, [id]) },
  Article: {
    id: (a) => gid("Article", a.id),
    title: async (a) => (await one(`SELECT title FROM "Article" WHERE id = $1`, [a.id])).title,
    claims: (a, { first }) => ({ articleId: a.id, first }),
  },
  AppearanceConnection: {
    totalCount: async ({ articleId }) =>
      Number((await one(`SELECT count(*) AS n FROM "ClaimAppearance" WHERE "articleId" = $1`, [articleId])).n),
    edges: async ({ articleId, first }) =>
      (await q(`SELECT id FROM "ClaimAppearance" WHERE "articleId" = $1 ORDER BY "spanStart", id LIMIT $2`, [articleId, first ?? 20])).map(
        (r) => ({ id: r.id }),
      ),
  },
  AppearanceEdge: { node: async ({ id }) => one(`SELECT ${all("ClaimAppearance")} FROM "ClaimAppearance" WHERE id = $1`, [id]) },
  Appearance: {
    claim: async (x) => one(`SELECT ${all("Claim")} FROM "Claim" WHERE id = $1`, [x.claimId]),
    article: async (x) => one(`SELECT ${all("Article")} FROM "Article" WHERE id = $1`, [x.articleId]),
  },
  Claim: {
    id: (c) => gid("Claim", c.id),
    speaker: async (c) => (c.speakerId ? one(`SELECT ${all("Person")} FROM "Person" WHERE id = $1`, [c.speakerId]) : null),
    rating: async (c) => (c.ratingId ? one(`SELECT ${all("Rating")} FROM "Rating" WHERE id = $1`, [c.ratingId]) : null),
    evidence: (c, { first }) => ({ where: `"claimId"`, id: c.id, first }),
    appearances: async (c) =>
      q(`SELECT ${all("ClaimAppearance")} FROM "ClaimAppearance" WHERE "claimId" = $1 ORDER BY "createdAt"`, [c.id]),
  },
  EvidenceConnection: {
    totalCount: async ({ where, id }) => Number((await one(`SELECT count(*) AS n FROM "ClaimSource" WHERE ${where} = $1`, [id])).n),
    edges: async ({ where, id, first }) =>
      (await q(`SELECT id FROM "ClaimSource" WHERE ${where} = $1 ORDER BY "createdAt", id LIMIT $2`, [id, first ?? 20])).map((r) => ({
        id: r.id,
      })),
  },
  EvidenceEdge: { node: async ({ id }) => one(`SELECT ${all("ClaimSource")} FROM "ClaimSource" WHERE id = $1`, [id]) },
  Evidence: {
    source: async (e) => one(`SELECT ${all("Source")} FROM "Source" WHERE id = $1`, [e.sourceId]),
    claim: async (e) => one(`SELECT ${all("Claim")} FROM "Claim" WHERE id = $1`, [e.claimId]),
  },
  Source: {
    id: (s) => gid("Source", s.id),
    citations: (s, { first }) => ({ where: `"sourceId"`, id: s.id, first }),
  },
};

for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName) as GraphQLObjectType;
  for (const [field, resolve] of Object.entries(fields)) type.getFields()[field]!.resolve = resolve;
}
for (const name of ["Node", "SearchResult", "CreateClaimResult"]) {
  (schema.getType(name) as unknown as { resolveType: (v: { __typename: string }) => string }).resolveType = (v) => v.__typename;
}

const handler = createHandler({ schema });
http
  .createServer((req, res) => {
    if (req.url === "/stats") {
      res.end(JSON.stringify({ statements, rss: process.memoryUsage().rss }));
      return;
    }
    void handler(req, res);
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
