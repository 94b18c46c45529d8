/**
 * L, the limit: Node's http and pg, one hand-written prepared statement per
 * operation that returns the response JSON straight from PostgreSQL.
 * Usage: tsx limit-server.ts <postgres url> <port>
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";

const [url, port] = process.argv.slice(2) as [string, string];
const pool = new pg.Pool({ connectionString: url, max: 10 });
let statements = 0;

const gid = (type: string, col: string) => `encode(convert_to('${type}:' || ${col}, 'UTF8'), 'base64')`;

const claimsOfArticle = (limit: number, inner: string) => `
  SELECT coalesce(json_agg(json_build_object('node', ${inner}) ORDER BY x."spanStart", x.id), '[]')
  FROM (SELECT * FROM "ClaimAppearance" x WHERE x."articleId" = a.id ORDER BY x."spanStart", x.id LIMIT ${limit}) x
  JOIN "Claim" c ON c.id = x."claimId"`;

const sql: Record<string, string> = {
  Desk: `SELECT json_build_object('data', json_build_object('articles', json_build_object(
      'totalCount', (SELECT count(*) FROM "Article"),
      'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
          'id', ${gid("Article", "a.id")}, 'title', a.title,
          'claims', json_build_object(
            'totalCount', (SELECT count(*) FROM "ClaimAppearance" x WHERE x."articleId" = a.id),
            'edges', (${claimsOfArticle(5, `json_build_object('spanStart', x."spanStart", 'claim', json_build_object('id', ${gid("Claim", "c.id")}, 'claimReviewed', c."claimReviewed", 'status', c.status))`)}))
        )) ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC), '[]')
        FROM (SELECT * FROM "Article" ORDER BY "publishedAt" DESC NULLS LAST, id DESC LIMIT 20) a)))) AS body`,
  Article: `SELECT json_build_object('data', json_build_object('node', (
      SELECT json_build_object('id', ${gid("Article", "a.id")}, 'title', a.title, 'body', a.body,
        'claims', json_build_object('edges', (${claimsOfArticle(
          50,
          `json_build_object('spanStart', x."spanStart", 'spanEnd', x."spanEnd", 'claim', json_build_object(
             'id', ${gid("Claim", "c.id")}, 'claimReviewed', c."claimReviewed", 'status', c.status,
             'speaker', (SELECT json_build_object('name', p.name) FROM "Person" p WHERE p.id = c."speakerId"),
             'rating', (SELECT json_build_object('label', r.label) FROM "Rating" r WHERE r.id = c."ratingId"),
             'evidence', json_build_object('edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object('stance', cs.stance, 'source', json_build_object('title', s.title, 'url', s.url))) ORDER BY cs."createdAt", cs.id), '[]')
                FROM (SELECT * FROM "ClaimSource" cs WHERE cs."claimId" = c.id ORDER BY cs."createdAt", cs.id LIMIT 10) cs JOIN "Source" s ON s.id = cs."sourceId"))))`,
        )})))
      FROM "Article" a WHERE a.id = $1))) AS body`,
  Search: `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
    hits AS (
      SELECT * FROM (
        SELECT 'Article' AS kind, a.id, ts_rank_cd(a."searchVector", q.q)::float8 AS rank, json_build_object('__typename', 'Article', 'id', ${gid("Article", "a.id")}, 'title', a.title) AS node
        FROM "Article" a, q WHERE a."searchVector" @@ q.q
        UNION ALL
        SELECT 'Claim', c.id, ts_rank_cd(c."searchVector", q.q)::float8 * 2, json_build_object('__typename', 'Claim', 'id', ${gid("Claim", "c.id")}, 'claimReviewed', c."claimReviewed")
        FROM "Claim" c, q WHERE c."searchVector" @@ q.q
        UNION ALL
        SELECT 'Source', s.id, ts_rank_cd(s."searchVector", q.q)::float8, json_build_object('__typename', 'Source', 'id', ${gid("Source", "s.id")}, 'title', s.title)
        FROM "Source" s, q WHERE s."searchVector" @@ q.q
      ) h ORDER BY rank DESC, id LIMIT $2)
    SELECT json_build_object('data', json_build_object('search', (SELECT coalesce(json_agg(json_build_object('rank', rank, 'node', node) ORDER BY rank DESC, id), '[]') FROM hits))) AS body`,
  Source: `SELECT json_build_object('data', json_build_object('node', (
      SELECT json_build_object('title', s.title, 'citations', json_build_object(
        'totalCount', (SELECT count(*) FROM "ClaimSource" cs WHERE cs."sourceId" = s.id),
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object('stance', cs.stance, 'claim', json_build_object(
            'id', ${gid("Claim", "c.id")}, 'claimReviewed', c."claimReviewed",
            'appearances', (SELECT coalesce(json_agg(json_build_object('article', json_build_object('id', ${gid("Article", "a.id")}, 'title', a.title)) ORDER BY x."createdAt"), '[]')
                            FROM "ClaimAppearance" x JOIN "Article" a ON a.id = x."articleId" WHERE x."claimId" = c.id)))) ORDER BY cs.id), '[]')
          FROM (SELECT * FROM "ClaimSource" cs WHERE cs."sourceId" = s.id ORDER BY cs.id LIMIT 20) cs JOIN "Claim" c ON c.id = cs."claimId")))
      FROM "Source" s WHERE s.id = $1))) AS body`,
  // One statement, so one implicit transaction: the claim, its citations and the audit event.
  Create: `WITH c AS (
      INSERT INTO "Claim" (id, quote, "claimReviewed", "updatedAt") VALUES ($1, $2, $2, now()) RETURNING id),
    s AS (
      INSERT INTO "ClaimSource" (id, "claimId", "sourceId", stance, passage, "updatedAt")
      SELECT $1 || '_' || src, c.id, src, 'SUPPORTS', 'Table 3', now() FROM c, unnest($3::text[]) AS src RETURNING id),
    au AS (
      INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", after)
      SELECT $1 || '_audit', 'seed-user-editor', 'claim.create', 'Claim', c.id, json_build_object('quote', $2::text) FROM c RETURNING id)
    SELECT json_build_object('data', json_build_object('createClaim', json_build_object('__typename', 'MutationCreateClaimSuccess', 'data', json_build_object('id', ${gid("Claim", "c.id")}))))
      AS body FROM c, (SELECT count(*) FROM s) sc, (SELECT count(*) FROM au) ac`,
};

function decode(id: unknown): string {
  return Buffer.from(String(id), "base64").toString().split(":")[1] ?? "";
}

async function run(name: string, params: unknown[]): Promise<string> {
  statements++;
  const result = await pool.query({ name, text: sql[name]!, values: params });
  return JSON.stringify(result.rows[0].body);
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.url === "/stats") {
    res.end(JSON.stringify({ statements, rss: process.memoryUsage().rss }));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString());
    const name = /^(?:query|mutation) (\w+)/.exec(query)?.[1];
    let body: string;
    switch (name) {
      case "Desk":
        body = await run("Desk", []);
        break;
      case "Article":
        body = await run("Article", [decode(variables.id)]);
        break;
      case "Search":
        body = await run("Search", ["inflation exports", 20]);
        break;
      case "Source":
        body = await run("Source", [decode(variables.id)]);
        break;
      case "Create":
        body = await run("Create", [
          randomUUID(),
          variables.input.quote,
          variables.input.evidence.map((e: { sourceId: string }) => decode(e.sourceId)),
        ]);
        break;
      default:
        body = '{"data":{"__typename":"Query"}}';
    }
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  } catch (error) {
    res.writeHead(500).end(JSON.stringify({ errors: [{ message: String(error) }] }));
  }
}

const server = http.createServer((req, res) => void handle(req, res));
server.listen(Number(port), "127.0.0.1", () => console.log("ready"));
