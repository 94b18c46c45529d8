/**
 * Authorization swept over the whole schema, read from the committed
 * schema.graphql so a new field or mutation is covered the day it is added:
 *
 * - every mutation, sent by each actor that may not write (anonymous, a
 *   viewer, an editor's read-only token), is denied and changes no row;
 * - every field reachable from a published fact-check (the public surface),
 *   read by anonymous and by a viewer, answers data only where the public
 *   list below says so;
 * - side channels: counts, filters and search do not reveal hidden records.
 */
import fs from "node:fs";
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  buildSchema,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  isUnionType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

const schema = buildSchema(fs.readFileSync(new URL("../../packages/schema/schema.graphql", import.meta.url), "utf8"));

// Mutations open to someone without write rights: signing in and out, and a
// signed-in viewer managing their own API tokens (researchers read the API).
const openMutations = new Set(["login", "logout"]);
const openToViewers = new Set(["createApiToken", "revokeApiToken"]);

/**
 * The public surface, as type.field: what anonymous readers and viewers may
 * read of a published fact-check and everything reachable from it. Every
 * other field on the way must come back empty.
 */
const publicFields = new Set([
  ...[
    "id",
    "headline",
    "summary",
    "explanation",
    "publishedAt",
    "updatedAt",
    "publisherName",
    "status",
    "claimReview",
    "claimReviewed",
    "quote",
    "claimDate",
    "url",
    "slug",
    "dateModified",
  ].map((f) => `FactCheck.${f}`),
  ...["id", "name", "title", "affiliation", "kind"].map((f) => `Person.${f}`),
  ...["id", "label", "description", "value", "color", "position"].map((f) => `Rating.${f}`),
  ...["id", "name", "isDefault", "worstRating", "bestRating"].map((f) => `RatingScale.${f}`),
  ...["id", "stance", "passage", "location", "createdAt"].map((f) => `Evidence.${f}`),
  ...["id", "url", "title", "publisher", "type", "accessedAt", "createdAt", "version"].map((f) => `Source.${f}`),
  ...["id", "spanStart", "spanEnd", "quote"].map((f) => `ClaimAppearance.${f}`),
  ...["id", "title", "body", "byline", "dateline", "publishedAt", "language", "createdAt", "updatedAt", "version"].map(
    (f) => `Article.${f}`,
  ),
  ...["id", "name", "url", "country"].map((f) => `Outlet.${f}`),
  ...["id", "createdAt", "reason", "whatChanged", "retractedAt", "retractionReason"].map((f) => `Correction.${f}`),
  // The public record as published (the fact-check's snapshot).
  ...["tags", "version"].map((f) => `FactCheck.${f}`),
  ...["name", "kind", "title", "affiliation", "sameAs"].map((f) => `PublishedSpeaker.${f}`),
  ...["quote", "spanStart", "spanEnd"].map((f) => `PublishedAppearance.${f}`),
  ...["title", "canonicalUrl", "publishedAt"].map((f) => `PublishedArticle.${f}`),
  ...["name", "url"].map((f) => `PublishedOutlet.${f}`),
  ...["stance", "passage", "location"].map((f) => `PublishedEvidence.${f}`),
  ...["url", "title", "publisher", "archivedUrl", "type"].map((f) => `PublishedSource.${f}`),
]);

/** A minimal, type-valid value for a required argument or input field. */
function sample(type: GraphQLInputType, name: string, mutation: string): unknown {
  if (type instanceof GraphQLNonNull) return sample(type.ofType, name, mutation);
  if (type instanceof GraphQLList) return [sample(type.ofType, name, mutation)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.value;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => f.type instanceof GraphQLNonNull && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type, f.name, mutation)]),
    );
  }
  if (type instanceof GraphQLScalarType) {
    if (type.name === "ID") return realIdFor(name, mutation);
    if (type.name === "Int") return name === "version" ? 1 : 0;
    if (type.name === "Float") return 0.5;
    if (type.name === "Boolean") return true;
    if (type.name === "DateTime") return "2025-01-01T00:00:00Z";
    if (type.name === "JSON") return {};
    return name.toLowerCase().includes("email") ? "someone@example.org" : "A sample text long enough for any length rule here.";
  }
  throw new Error(`no sample for ${String(type)}`);
}

/** Real records, so a denial is the authorization check and not a missing row. */
const realIds: Record<string, string> = {};
const subjectOf: Record<string, string> = {
  updateArticle: "Article",
  updateSource: "Source",
  updateEvidence: "ClaimSource",
  detachSource: "ClaimSource",
  unpublishFactCheck: "FactCheck",
  updateRating: "Rating",
  updateUser: "User",
  revokeApiToken: "ApiToken",
  updateFeed: "Feed",
  deleteFeed: "Feed",
};
function realIdFor(argName: string, mutation: string): string {
  const n = argName.toLowerCase();
  if (n === "id" && subjectOf[mutation]) return realIds[subjectOf[mutation]!]!;
  if (n.includes("canonical") || n.includes("candidate")) return globalId("Claim", "seed-claim-patent-filings");
  if (n.includes("article")) return globalId("Article", "seed-article-cpec-two-sessions");
  if (n.includes("source")) return globalId("Source", "seed-source-wipo-stats");
  if (n.includes("speaker") || n.includes("person")) return globalId("Person", "seed-person-khalil-hashmi");
  if (n.includes("rating")) return globalId("Rating", "seed-rating-true");
  if (n.includes("user") || n.includes("assignee")) return globalId("User", "seed-user-checker");
  if (n.includes("correction")) return realIds.Correction!;
  if (n.includes("factcheck")) return globalId("FactCheck", "seed-factcheck-china-growth");
  if (n.includes("outlet")) return globalId("Outlet", "seed-outlet-urdupoint");
  return globalId("Claim", "seed-claim-45-mous");
}

function mutationDocument(field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a) => a.type instanceof GraphQLNonNull && a.defaultValue === undefined);
  const decl = required.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const args = required.map((a) => `${a.name}: $${a.name}`).join(", ");
  const returns = getNamedType(field.type);
  const selection = isLeafType(returns) ? "" : "{ __typename }";
  return {
    query: `mutation${decl ? `(${decl})` : ""} { ${field.name}${args ? `(${args})` : ""} ${selection} }`,
    variables: Object.fromEntries(required.map((a) => [a.name, sample(a.type, a.name, field.name)])),
  };
}

/** Every leaf path under a type, to `depth` object levels; list/connection wrappers are walked through. */
function leafPaths(type: GraphQLObjectType, depth: number, prefix = ""): { path: string; field: string; selection: string }[] {
  const out: { path: string; field: string; selection: string }[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => a.type instanceof GraphQLNonNull && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type) as GraphQLNamedType;
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    if (isLeafType(named)) {
      out.push({ path, field: `${type.name}.${field.name}`, selection: field.name });
    } else if (isObjectType(named) && depth > 0) {
      // Connections: walk edges.node but name the path by the relation.
      const fields = named.getFields();
      if (fields.edges && fields.totalCount) {
        out.push({ path: `${path}.totalCount`, field: `${type.name}.${field.name}.totalCount`, selection: `${field.name} { totalCount }` });
        const nodeType = getNamedType((getNamedType(fields.edges.type) as GraphQLObjectType).getFields().node!.type) as GraphQLObjectType;
        for (const inner of leafPaths(nodeType, depth - 1, path))
          out.push({ ...inner, selection: `${field.name} { edges { node { ${inner.selection} } } }` });
      } else {
        for (const inner of leafPaths(named, depth - 1, path)) out.push({ ...inner, selection: `${field.name} { ${inner.selection} }` });
      }
    } else if ((isInterfaceType(named) || isUnionType(named)) && depth > 0) {
      out.push({ path: `${path}.__typename`, field: `${type.name}.${field.name}`, selection: `${field.name} { __typename }` });
    }
  }
  return out;
}

/** True when the answer holds any value other than null, [] or a __typename. */
function hasData(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasData);
  if (typeof value === "object") return Object.entries(value).some(([k, v]) => k !== "__typename" && hasData(v));
  return true;
}

const deniedCodes = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);
const deniedPayloads = new Set(["ForbiddenError", "AuthenticationError"]);

describe.each(databaseKinds())("authorization swept over the schema on %s", (kind) => {
  let t: TestApi;
  const outsiders = {} as Record<"anonymous" | "viewer" | "editorReadToken", Client>;
  const fingerprint = async () =>
    (
      await t.db.sql.query<{ table: string; sum: string }>(
        // Every table's rows, hashed; sign-in bookkeeping and token use times are not content.
        (
          await t.db.sql.query<{ tablename: string }>(
            `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('Session', 'LoginAttempt', 'IdempotencyKey', 'ApiToken', '_prisma_migrations') ORDER BY 1`,
          )
        )
          .map(
            (r) =>
              `SELECT '${r.tablename}' AS table, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${r.tablename}" t`,
          )
          .join(" UNION ALL "),
      )
    )
      .map((r) => `${r.table}:${r.sum}`)
      .join(",");

  beforeAll(async () => {
    t = await startTestApi(kind);
    outsiders.anonymous = t.client();
    outsiders.viewer = await t.as("viewer");
    const editor = await t.as("editor");
    const token = await editor.ok(
      `mutation { createApiToken(name: "reader", scopes: [read]) { ... on MutationCreateApiTokenSuccess { data { token } } } }`,
    );
    outsiders.editorReadToken = new Client(t.url, token.createApiToken.data.token);
    const ids = {
      Article: "seed-article-cpec-two-sessions",
      Source: "seed-source-wipo-stats",
      FactCheck: "seed-factcheck-china-growth",
      Rating: "seed-rating-true",
      User: "seed-user-checker",
      ClaimSource: (await t.db.prisma.claimSource.findFirstOrThrow()).id,
      ApiToken: (await t.db.prisma.apiToken.findFirstOrThrow({ where: { name: "reader" } })).id,
      Feed: (
        await t.db.prisma.feed.create({
          data: { outletId: "seed-outlet-urdupoint", url: "https://www.urdupoint.com/feed.xml", active: false },
        })
      ).id,
    };
    // A published correction, so the public path through corrections carries data.
    const correction = await editor.ok(
      `mutation($input: AddCorrectionInput!) { addCorrection(input: $input) { __typename ... on MutationAddCorrectionSuccess { data { corrections { id } } } } }`,
      {
        input: {
          factCheckId: globalId("FactCheck", "seed-factcheck-china-growth"),
          reason: "A figure was misread",
          whatChanged: "The growth figure now reads 5%",
        },
      },
    );
    expect(correction.addCorrection.__typename).toBe("MutationAddCorrectionSuccess");
    realIds.Correction = correction.addCorrection.data.corrections.at(-1).id;
    for (const [type, id] of Object.entries(ids))
      realIds[type] = type === "ApiToken" ? id : globalId(type === "ClaimSource" ? "Evidence" : type, id);
  });
  afterAll(async () => t?.stop());

  it("every mutation is denied to those without write rights, and changes nothing", async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => !openMutations.has(f.name));
    const expectedOpen = (mutation: string, actor: string) => actor === "viewer" && openToViewers.has(mutation);
    const mismatches: string[] = [];
    let cases = 0;
    for (const field of mutations) {
      const { query, variables } = mutationDocument(field);
      for (const [actor, client] of Object.entries(outsiders)) {
        cases++;
        const before = await fingerprint();
        const result = await client.request(query, variables);
        const code = result.errors?.[0]?.extensions?.code;
        const payload = (result.data as Record<string, { __typename?: string } | null> | undefined)?.[field.name]?.__typename;
        const denied = (code && deniedCodes.has(code)) || (payload && deniedPayloads.has(payload));
        if (expectedOpen(field.name, actor)) continue; // their own tokens: checked in the mutations suite
        if (!denied)
          mismatches.push(`${field.name} as ${actor}: ${code ?? payload ?? JSON.stringify(result.errors ?? result.data).slice(0, 200)}`);
        if ((await fingerprint()) !== before) mismatches.push(`${field.name} as ${actor}: the database changed`);
      }
    }
    console.log(
      `authorization sweep (${kind}): ${mutations.length} mutations × 3 outsiders = ${cases} cases, ${mismatches.length} mismatches`,
    );
    expect(mismatches).toEqual([]);
    expect(mutations.length).toBeGreaterThanOrEqual(20); // the sweep is never empty
  });

  it("every field reachable from a published fact-check answers the public only where it is public", async () => {
    const factCheckType = schema.getType("FactCheck") as GraphQLObjectType;
    const paths = leafPaths(factCheckType, 3);
    const id = globalId("FactCheck", "seed-factcheck-china-growth");
    const mismatches: string[] = [];
    for (const [actor, client] of [
      ["anonymous", outsiders.anonymous],
      ["viewer", outsiders.viewer],
    ] as const) {
      for (const { path, field, selection } of paths) {
        const result = await client.request(`query($id: ID!) { node(id: $id) { ... on FactCheck { ${selection} } } }`, { id });
        const code = result.errors?.[0]?.extensions?.code;
        if (code && !deniedCodes.has(code)) mismatches.push(`${path} as ${actor}: ${code} ${result.errors?.[0]?.message}`);
        const readable = hasData(result.data?.node);
        if (readable && !publicFields.has(field)) mismatches.push(`${path} (${field}) as ${actor}: readable but not public`);
        // Denied on the way (a staff-only edge such as FactCheck.claim) is right; denied at a public field is not.
        const deniedAtLeaf =
          code && (result.errors?.[0] as { path?: (string | number)[] } | undefined)?.path?.at(-1) === field.split(".").at(-1);
        if (!readable && publicFields.has(field) && deniedAtLeaf)
          mismatches.push(`${path} (${field}) as ${actor}: public but denied (${code})`);
      }
    }
    console.log(
      `public surface sweep (${kind}): ${paths.length} field paths × 2 actors = ${paths.length * 2} cases, ${mismatches.length} mismatches`,
    );
    expect(mismatches).toEqual([]);
    expect(paths.length).toBeGreaterThan(100);
  });

  it("counts, filters and search reveal nothing about unpublished work", async () => {
    const draftRating = globalId("Rating", "seed-rating-false");
    // A claim rated False on the desk but not published.
    await t.db.prisma.claim.update({ where: { id: "seed-claim-astronauts" }, data: { ratingId: "seed-rating-false" } });
    for (const client of [outsiders.anonymous, outsiders.viewer]) {
      // Filtering published fact-checks by a rating only drafts carry finds nothing.
      const filtered = await client.ok(`query($r: ID) { factChecks(first: 5, ratingId: $r) { totalCount } }`, { r: draftRating });
      expect(filtered.factChecks.totalCount).toBe(0);
      const all = await client.ok(`{ factChecks(first: 50) { totalCount } }`);
      expect(all.factChecks.totalCount).toBe(await t.db.prisma.factCheck.count({ where: { status: "PUBLISHED" } }));
      // Desk-wide counts, search and matching are staff-only, not merely filtered.
      for (const query of [
        `{ claimCounts { count } }`,
        `{ search(query: "astronauts") { rank } }`,
        `{ similarClaims(text: "Pakistani astronauts will go to space") { score } }`,
        `{ claims(first: 1) { totalCount } }`,
      ]) {
        const result = await client.request(query);
        expect(deniedCodes.has(result.errors?.[0]?.extensions?.code ?? ""), query).toBe(true);
        expect(hasData(result.data)).toBe(false);
      }
      // A rating's fact-checks through the public scale: only published ones.
      const viaScale = await client.ok(`{ ratingScales { ratings { id label } } }`);
      expect(JSON.stringify(viaScale)).not.toContain("astronaut");
    }
  });
});
