/**
 * Hostile inputs that once answered INTERNAL_SERVER_ERROR or HTTP 500: each
 * is now the client's own BAD_USER_INPUT (or 400/404) naming the field, and
 * impossible calendar dates are refused rather than normalised.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

const b64 = (text: string) => Buffer.from(text).toString("base64");
const article = globalId("Article", "seed-article-cpec-two-sessions");
const claim = globalId("Claim", "seed-claim-45-mous");

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Words the error message must contain (the field it names). */
  names: string;
  /** Refused before execution (argument coercion), not as a result-union ValidationError. */
  topLevel?: boolean;
}

const cases: Case[] = [
  ...["R1BDOk46MTI=", b64("GPC:J:"), b64("GPC:J:{"), b64("GPC:S:a\0b"), b64("GPC:D:not-a-date"), "%%%", b64("GPC:N:1e999")].map(
    (cursor) => ({
      name: `cursor ${cursor}`,
      query: `query($after: String) { factChecks(first: 5, after: $after) { totalCount edges { node { id } } } }`,
      variables: { after: cursor },
      names: "cursor",
    }),
  ),
  { name: "NUL in a global id", query: `query($id: ID!) { node(id: $id) { id } }`, variables: { id: b64("FactCheck:a\0b") }, names: "ID" },
  { name: "NUL in search", query: `query($q: String!) { search(query: $q) { __typename } }`, variables: { q: "a\0b" }, names: "$q" },
  {
    name: "lone surrogate in search",
    query: `query($q: String!) { search(query: $q) { __typename } }`,
    variables: { q: "a\uD800b" },
    names: "$q",
  },
  {
    name: "lone surrogate in createPerson.name",
    query: `mutation($input: PersonInput!) { createPerson(input: $input) { __typename } }`,
    variables: { input: { name: "\uDC00x" } },
    names: "$input.name",
  },
  {
    name: "lone surrogate in createClaim.quote",
    query: `mutation($input: CreateClaimInput!) { createClaim(input: $input) { __typename } }`,
    variables: { input: { articleId: article, quote: "x\uD83D" } },
    names: "$input.quote",
  },
  {
    name: "lone surrogate in addComment.body",
    query: `mutation($c: ID!, $b: String!) { addComment(claimId: $c, body: $b) { __typename } }`,
    variables: { c: claim, b: "\uD800" },
    names: "$b",
  },
  { name: "NUL in a literal", query: `{ search(query: "a\\u0000b") { __typename } }`, names: "query" },
  ...[
    "0000-01-01T00:00:00Z",
    "-000001-01-01T00:00:00Z",
    "+275760-09-13T00:00:00Z",
    "2099-02-30",
    "2099-13-01",
    "2099-02-28T24:00:00Z",
    "2099-02-28T12:00:00+25:00",
    "tomorrow",
  ].map((date) => ({
    name: `date ${date}`,
    query: `mutation($at: DateTime) { createApiToken(name: "dated", scopes: [read], expiresAt: $at) { __typename } }`,
    variables: { at: date },
    names: "$at",
    topLevel: true,
  })),
  {
    name: "347 KB filter.query",
    query: `query($q: String) { claims(first: 5, filter: { query: $q }) { totalCount } }`,
    variables: { q: "word ".repeat(70_000) },
    names: "filter.query",
  },
];

describe.each(databaseKinds())("hostile inputs on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
  });
  afterAll(async () => t?.stop());

  it("each answers the client's own BAD_USER_INPUT naming the field", async () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const res = await editor.request(c.query, c.variables);
      const error = res.errors?.[0];
      const union = Object.values((res.data ?? {}) as Record<string, { __typename?: string; message?: string }>)[0];
      const typed = error?.extensions?.code === "BAD_USER_INPUT" && error.message.includes(c.names);
      const unionTyped = !c.topLevel && union?.__typename === "ValidationError";
      if (res.status >= 500 || !(typed || unionTyped))
        wrong.push(`${c.name}: HTTP ${res.status} ${JSON.stringify(res.errors ?? res.data).slice(0, 300)}`);
    }
    console.log(`hostile inputs (${kind}): ${cases.length - wrong.length} of ${cases.length} answered as the client's own typed error`);
    expect(wrong).toEqual([]);
  });

  it("a real date still works, and an impossible one is not stored normalised", async () => {
    const created = `mutation($at: DateTime) { createApiToken(name: "dated", scopes: [read], expiresAt: $at) { __typename ... on MutationCreateApiTokenSuccess { data { apiToken { expiresAt } } } } }`;
    expect((await editor.ok(created, { at: "2096-02-29" })).createApiToken.data.apiToken.expiresAt).toBe("2096-02-29T00:00:00.000Z");
    expect((await editor.ok(created, { at: "2099-03-01T10:30:00+02:00" })).createApiToken.data.apiToken.expiresAt).toBe(
      "2099-03-01T08:30:00.000Z",
    );
    expect((await editor.request(created, { at: "2099-02-30" })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await t.db.prisma.apiToken.count({ where: { expiresAt: new Date("2099-03-02T00:00:00Z") } })).toBe(0);
  });

  it("HTTP paths: bad percent-encoding and NUL ids are 404s, deep import JSON a typed problem", async () => {
    expect((await fetch(`${t.url}/claim-reviews/%E0%A4%A.jsonld`)).status).toBe(404);
    expect((await fetch(`${t.url}/claim-reviews/a%00b.jsonld`)).status).toBe(404);
    expect((await fetch(`${t.url}/claim-reviews.jsonld?after=${encodeURIComponent(b64("GPC:J:"))}`)).status).toBe(400);
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const res = await editor.request(`mutation($text: String!) { importClaimReviews(text: $text) { __typename } }`, { text: deep });
    expect(res.status).toBe(200);
    expect(res.data.importClaimReviews.__typename).toBe("ClaimReviewImportError");
  });
});
