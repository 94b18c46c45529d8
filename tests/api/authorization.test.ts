/**
 * Who may read and do what, table-driven over real HTTP: every role against
 * every operation, with the database checked after each denied write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

type Actor = "anonymous" | "viewer" | "checker" | "editor" | "admin" | "editorReadToken";
const actors: Actor[] = ["anonymous", "viewer", "checker", "editor", "admin", "editorReadToken"];
type Outcome = "allowed" | "denied" | "hidden";

interface Case {
  name: string;
  /** The outcome per actor; `hidden` means the answer equals that for a missing record. */
  expect: Record<Actor, Outcome>;
  run(client: Client, t: TestApi): Promise<Outcome>;
  /** A fingerprint of what the operation would change, compared before/after a denial. */
  state?(t: TestApi): Promise<unknown>;
}

const staffOnly = {
  anonymous: "denied",
  viewer: "denied",
  checker: "allowed",
  editor: "allowed",
  admin: "allowed",
  editorReadToken: "allowed",
} as const;
const editorsOnly = {
  anonymous: "denied",
  viewer: "denied",
  checker: "denied",
  editor: "allowed",
  admin: "allowed",
  editorReadToken: "denied",
} as const;
const adminOnly = {
  anonymous: "denied",
  viewer: "denied",
  checker: "denied",
  editor: "denied",
  admin: "allowed",
  editorReadToken: "denied",
} as const;
const everyone = {
  anonymous: "allowed",
  viewer: "allowed",
  checker: "allowed",
  editor: "allowed",
  admin: "allowed",
  editorReadToken: "allowed",
} as const;
const staffNodes = {
  anonymous: "hidden",
  viewer: "hidden",
  checker: "allowed",
  editor: "allowed",
  admin: "allowed",
  editorReadToken: "allowed",
} as const;

/** A query: allowed if data came back, denied on UNAUTHENTICATED/FORBIDDEN. */
async function read(client: Client, query: string, variables?: Record<string, unknown>): Promise<Outcome> {
  const result = await client.request(query, variables);
  const code = result.errors?.[0]?.extensions?.code;
  if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") return "denied";
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return "allowed";
}

/** node(id): hidden when the answer is exactly that for an ID that does not exist. */
async function node(client: Client, id: string, fields: string): Promise<Outcome> {
  const query = `query($id: ID!) { node(id: $id) { __typename ${fields} } }`;
  const real = await client.request(query, { id });
  const missing = await client.request(query, {
    id: Buffer.from(`${Buffer.from(id, "base64").toString().split(":")[0]}:does-not-exist`).toString("base64"),
  });
  // A missing record is plain null, never an error.
  if (missing.errors?.length || missing.data?.node !== null) throw new Error(`node(missing) answered ${JSON.stringify(missing)}`);
  if (JSON.stringify({ d: real.data, e: real.errors }) === JSON.stringify({ d: missing.data, e: missing.errors })) return "hidden";
  if (real.errors?.length) throw new Error(JSON.stringify(real.errors));
  return "allowed";
}

/** A mutation: allowed on its success type, denied on ForbiddenError or an auth error. */
async function write(client: Client, query: string, variables: Record<string, unknown>): Promise<Outcome> {
  const result = await client.request(query, variables);
  const code = result.errors?.[0]?.extensions?.code;
  if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") return "denied";
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  const payload = Object.values(result.data ?? {})[0] as { __typename: string; message?: string };
  if (payload.__typename === "ForbiddenError") return "denied";
  if (payload.__typename.endsWith("Success")) return "allowed";
  throw new Error(`unexpected ${payload.__typename}: ${payload.message}`);
}

const claimVersion = async (t: TestApi, id: string) => (await t.db.prisma.claim.findUniqueOrThrow({ where: { id } })).version;

const cases: Case[] = [
  { name: "list claims", expect: staffOnly, run: (c) => read(c, `{ claims(first: 5) { totalCount } }`) },
  { name: "list articles", expect: staffOnly, run: (c) => read(c, `{ articles(first: 5) { totalCount } }`) },
  { name: "list sources", expect: staffOnly, run: (c) => read(c, `{ sources(first: 5) { totalCount } }`) },
  { name: "list people", expect: staffOnly, run: (c) => read(c, `{ people(first: 5) { totalCount } }`) },
  { name: "search the desk", expect: staffOnly, run: (c) => read(c, `{ search(query: "China") { rank } }`) },
  { name: "claim counts", expect: staffOnly, run: (c) => read(c, `{ claimCounts { status count } }`) },
  { name: "list users", expect: staffOnly, run: (c) => read(c, `{ users { name } }`) },
  {
    name: "published fact-checks",
    expect: everyone,
    run: (c) => read(c, `{ factChecks(first: 5) { totalCount edges { node { headline } } } }`),
  },
  { name: "rating scales", expect: everyone, run: (c) => read(c, `{ ratingScales { ratings { label } } }`) },
  {
    name: "node: a draft claim",
    expect: staffNodes,
    run: (c) => node(c, globalId("Claim", "seed-claim-astronauts"), "... on Claim { quote }"),
  },
  {
    name: "node: an article",
    expect: staffNodes,
    run: (c) => node(c, globalId("Article", "seed-article-cpec-two-sessions"), "... on Article { title }"),
  },
  {
    name: "node: a person",
    expect: staffNodes,
    run: (c) => node(c, globalId("Person", "seed-person-khalil-hashmi"), "... on Person { name }"),
  },
  {
    name: "node: a source",
    expect: staffNodes,
    run: (c) => node(c, globalId("Source", "seed-source-wipo-stats"), "... on Source { title }"),
  },
  {
    name: "node: an audit event",
    expect: staffNodes,
    run: async (c, t) =>
      node(c, globalId("AuditEvent", (await t.db.prisma.auditEvent.findFirstOrThrow()).id), "... on AuditEvent { action }"),
  },
  {
    name: "node: an unpublished fact-check",
    expect: staffNodes,
    run: (c) => node(c, globalId("FactCheck", "test-draft-factcheck"), "... on FactCheck { headline }"),
  },
  {
    name: "node: a published fact-check",
    expect: everyone,
    run: (c) => node(c, globalId("FactCheck", "seed-factcheck-china-growth"), "... on FactCheck { headline }"),
  },
  {
    name: "a published fact-check's claim (desk data) stays hidden",
    expect: staffOnly,
    run: (c) =>
      read(c, `query($id: ID!) { node(id: $id) { ... on FactCheck { claim { status assignee { name } } } } }`, {
        id: globalId("FactCheck", "seed-factcheck-china-growth"),
      }),
  },
  {
    // The public record's appearances are published copies (PublishedArticle), with no way into
    // the desk; the desk's article is reached only through the staff-only claim.
    name: "an article reached through a fact-check does not list the desk's other claims",
    expect: staffOnly,
    run: (c) =>
      read(c, `{ factChecks(first: 1) { edges { node { claim { appearances { article { claims(first: 10) { totalCount } } } } } } } }`),
  },
  {
    name: "edit a claim assigned to the fact-checker",
    expect: { ...editorsOnly, checker: "allowed" },
    state: (t) => claimVersion(t, "seed-claim-45-mous"),
    run: async (c, t) =>
      write(c, `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename ... on Error { message } } }`, {
        input: { id: globalId("Claim", "seed-claim-45-mous"), version: await claimVersion(t, "seed-claim-45-mous"), tags: ["cpec", "mou"] },
      }),
  },
  {
    name: "edit a claim assigned to nobody",
    expect: editorsOnly,
    state: (t) => claimVersion(t, "seed-claim-patent-filings"),
    run: async (c, t) =>
      write(c, `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename ... on Error { message } } }`, {
        input: {
          id: globalId("Claim", "seed-claim-patent-filings"),
          version: await claimVersion(t, "seed-claim-patent-filings"),
          tags: ["patents"],
        },
      }),
  },
  {
    name: "assign a claim",
    expect: editorsOnly,
    state: (t) => claimVersion(t, "seed-claim-astronauts"),
    run: (c) =>
      write(c, `mutation($id: ID!, $a: ID) { assignClaim(id: $id, assigneeId: $a) { __typename ... on Error { message } } }`, {
        id: globalId("Claim", "seed-claim-astronauts"),
        a: globalId("User", "seed-user-checker"),
      }),
  },
  {
    name: "attach a source to an assigned claim",
    expect: { ...editorsOnly, checker: "allowed" },
    state: (t) => t.db.prisma.claimSource.count({ where: { claimId: "seed-claim-45-mous" } }),
    run: async (c, t) => {
      const outcome = await write(
        c,
        `mutation($input: AttachSourceInput!) { attachSource(input: $input) { __typename ... on Error { message } } }`,
        {
          input: {
            claimId: globalId("Claim", "seed-claim-45-mous"),
            sourceId: globalId("Source", "seed-source-wipo-stats"),
            stance: "CONTEXT",
          },
        },
      );
      await t.db.prisma.claimSource.deleteMany({ where: { claimId: "seed-claim-45-mous", sourceId: "seed-source-wipo-stats" } });
      return outcome;
    },
  },
  {
    name: "ingest an article",
    expect: { ...staffOnly, editorReadToken: "denied" },
    state: (t) => t.db.prisma.article.count(),
    run: async (c) =>
      write(c, `mutation($input: CreateArticleInput!) { createArticle(input: $input) { __typename ... on Error { message } } }`, {
        input: { title: "t", body: "b" },
      }),
  },
  {
    name: "comment on a claim",
    expect: { ...staffOnly, editorReadToken: "denied" },
    state: (t) => t.db.prisma.comment.count(),
    run: (c) =>
      write(c, `mutation($id: ID!) { addComment(claimId: $id, body: "Looks solid") { __typename ... on Error { message } } }`, {
        id: globalId("Claim", "seed-claim-45-mous"),
      }),
  },
  {
    name: "create a user",
    expect: adminOnly,
    state: (t) => t.db.prisma.user.count(),
    run: (c) =>
      write(c, `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on Error { message } } }`, {
        input: { email: `new-${Math.random()}@example.org`, name: "New", role: "EDITOR", password: "a-long-enough-password" },
      }),
  },
  {
    name: "promote yourself (mass assignment of role)",
    expect: { ...adminOnly, admin: "allowed" },
    state: (t) => t.db.prisma.user.findMany({ select: { role: true }, orderBy: { id: "asc" } }),
    run: (c) =>
      write(c, `mutation($input: UpdateUserInput!) { updateUser(input: $input) { __typename ... on Error { message } } }`, {
        input: { id: globalId("User", "seed-user-viewer"), role: "VIEWER" },
      }),
  },
  {
    name: "edit the rating scale",
    expect: adminOnly,
    state: (t) => t.db.prisma.rating.findMany({ orderBy: { id: "asc" } }),
    run: (c) =>
      write(
        c,
        `mutation($id: ID!, $input: RatingInput!) { updateRating(id: $id, input: $input) { __typename ... on Error { message } } }`,
        {
          id: globalId("Rating", "seed-rating-true"),
          input: {
            label: "True",
            description: "The statement is accurate and nothing significant is missing.",
            value: 6,
            color: "#1a7f37",
          },
        },
      ),
  },
];

describe.each(databaseKinds())("authorization matrix on %s", (kind) => {
  let t: TestApi;
  const clients = {} as Record<Actor, Client>;
  beforeAll(async () => {
    t = await startTestApi(kind);
    await t.db.prisma.factCheck.create({
      data: {
        id: "test-draft-factcheck",
        claimId: "seed-claim-astronauts",
        headline: "Draft",
        ratingId: "seed-rating-true",
        explanation: "x",
        publisherName: "Claimdesk",
        status: "UNPUBLISHED",
        publishedAt: new Date(),
      },
    });
    clients.anonymous = t.client();
    for (const role of ["viewer", "checker", "editor", "admin"] as const) clients[role] = await t.as(role);
    const token = await clients.editor.ok(
      `mutation { createApiToken(name: "reader", scopes: [read]) { ... on MutationCreateApiTokenSuccess { data { token } } } }`,
    );
    const { Client } = await import("../support/api.ts");
    clients.editorReadToken = new Client(t.url, token.createApiToken.data.token);
  });
  afterAll(async () => t?.stop());

  it(`every role × operation gets the expected answer, and denied writes change nothing (${cases.length * actors.length} cases)`, async () => {
    const mismatches: string[] = [];
    for (const c of cases) {
      for (const actor of actors) {
        const before = await c.state?.(t);
        const outcome = await c.run(clients[actor], t);
        if (outcome !== c.expect[actor]) mismatches.push(`${c.name} as ${actor}: expected ${c.expect[actor]}, got ${outcome}`);
        if (outcome === "denied" && c.state) {
          const after = await c.state(t);
          if (JSON.stringify(after) !== JSON.stringify(before)) mismatches.push(`${c.name} as ${actor}: denied but the database changed`);
        }
      }
    }
    console.log(`authorization matrix (${kind}): ${cases.length * actors.length} cases, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  });

  it("a fact-checker cannot publish by moving a claim to PUBLISHED", async () => {
    const result = await clients.checker.ok(`mutation($id: ID!) { moveClaim(id: $id, to: PUBLISHED) { __typename } }`, {
      id: globalId("Claim", "seed-claim-45-mous"),
    });
    expect(result.moveClaim.__typename).toBe("WorkflowError");
    expect((await t.db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-45-mous" } })).status).toBe("RESEARCHING");
  });

  it("e-mail addresses are shown only to their owner and to admins", async () => {
    const emails = async (client: Client) =>
      (await client.ok(`{ users { email } me { email } }`)) as { users: { email: string | null }[]; me: { email: string } };
    const asChecker = await emails(clients.checker);
    expect(asChecker.users.filter((u) => u.email).map((u) => u.email)).toEqual(["checker@claimdesk.local"]);
    expect(asChecker.me.email).toBe("checker@claimdesk.local");
    expect((await emails(clients.admin)).users.every((u) => u.email)).toBe(true);
  });

  it("a logged-out session cookie is dead", async () => {
    const client = await t.as("editor");
    const cookie = client.cookie;
    await client.ok(`mutation { logout { ok } }`);
    const replay = new (client.constructor as typeof Client)(t.url);
    replay.cookie = cookie;
    const result = await replay.request(`{ me { name } claims(first: 1) { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
