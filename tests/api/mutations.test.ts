/** The mutations not exercised by the editorial path: happy path and typed errors. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

describe.each(databaseKinds())("remaining mutations on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
    admin = await t.as("admin");
  });
  afterAll(async () => t?.stop());

  it("createSource returns the existing source for a known URL; updateSource refuses a stale version", async () => {
    const create = `mutation($input: SourceInput!) { createSource(input: $input) { __typename ... on MutationCreateSourceSuccess { data { id version title } } ... on ValidationError { fieldErrors { path message } } } }`;
    const known = await editor.ok(create, { input: { title: "Again", url: "https://www.wipo.int/ipstats/en/" } });
    expect(known.createSource.data).toMatchObject({ id: globalId("Source", "seed-source-wipo-stats"), title: "IP statistics" });
    const invalid = await editor.ok(create, { input: { title: "", url: "javascript:alert(1)" } });
    expect(invalid.createSource.fieldErrors.map((e: { path: string[] }) => e.path.at(-1)).sort()).toEqual(["title", "url"]);

    const update = `mutation($input: UpdateSourceInput!) { updateSource(input: $input) { __typename ... on MutationUpdateSourceSuccess { data { version publisher } } ... on ValidationError { fieldErrors { message } } ... on ConflictError { message entity currentVersion currentRecord { ... on Source { publisher } } } } }`;
    const ok = await editor.ok(update, { input: { id: globalId("Source", "seed-source-wipo-stats"), version: 1, publisher: "WIPO" } });
    expect(ok.updateSource.data).toEqual({ version: 2, publisher: "WIPO" });
    const stale = await editor.ok(update, { input: { id: globalId("Source", "seed-source-wipo-stats"), version: 1, publisher: "Other" } });
    // One conflict shape for every versioned record, carrying it as it is now.
    expect(stale.updateSource).toMatchObject({
      __typename: "ConflictError",
      entity: "Source",
      currentVersion: 2,
      currentRecord: { publisher: "WIPO" },
    });
    expect(stale.updateSource.message).toMatch(/changed by someone else/);
  });

  it("updateEvidence changes a citation's stance; updateArticle refuses a body that breaks marked spans", async () => {
    const evidence = await t.db.prisma.claimSource.findFirstOrThrow({ where: { claimId: "seed-claim-45-mous" } });
    const updated = await editor.ok(
      `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { __typename ... on MutationUpdateEvidenceSuccess { data { stance location } } } }`,
      {
        input: { id: globalId("Evidence", evidence.id), stance: "SUPPORTS", location: "Press release, 3 March" },
      },
    );
    expect(updated.updateEvidence.data).toEqual({ stance: "SUPPORTS", location: "Press release, 3 March" });

    const article = await t.db.prisma.article.findUniqueOrThrow({ where: { id: "seed-article-cpec-two-sessions" } });
    const result = await editor.ok(
      `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } } }`,
      {
        input: { id: globalId("Article", article.id), version: article.version, body: `Updated: ${article.body}` },
      },
    );
    expect(result.updateArticle.fieldErrors[0].path).toEqual(["input", "body"]);
    expect((await t.db.prisma.article.findUniqueOrThrow({ where: { id: article.id } })).body).toBe(article.body);
  });

  it("createPerson validates sameAs links", async () => {
    const result = await editor.ok(
      `mutation($input: PersonInput!) { createPerson(input: $input) { __typename ... on MutationCreatePersonSuccess { data { name sameAs } } ... on ValidationError { fieldErrors { path } } } }`,
      {
        input: { name: "Ahsan Iqbal", title: "Minister for Planning", sameAs: ["https://www.wikidata.org/wiki/Q4695458"] },
      },
    );
    expect(result.createPerson.data).toEqual({ name: "Ahsan Iqbal", sameAs: ["https://www.wikidata.org/wiki/Q4695458"] });
    const bad = await editor.ok(
      `mutation { createPerson(input: { name: "X", sameAs: ["not-a-url"] }) { __typename ... on ValidationError { fieldErrors { path } } } }`,
    );
    expect(bad.createPerson.fieldErrors[0].path).toEqual(["input", "sameAs", "0"]);
  });

  it("unpublishing takes the fact-check off the public path and sends the claim back to review", async () => {
    const id = globalId("FactCheck", "seed-factcheck-china-growth");
    const result = await editor.ok(
      `mutation($id: ID!) { unpublishFactCheck(id: $id, reason: "Under re-review") { __typename ... on MutationUnpublishFactCheckSuccess { data { status } } } }`,
      { id },
    );
    expect(result.unpublishFactCheck.data.status).toBe("UNPUBLISHED");
    expect((await t.client().ok(`query($id: ID!) { node(id: $id) { id } }`, { id })).node).toBeNull();
    expect((await t.db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-china-growth" } })).status).toBe("IN_REVIEW");
    const again = await editor.ok(`mutation($id: ID!) { unpublishFactCheck(id: $id, reason: "x") { __typename } }`, { id });
    expect(again.unpublishFactCheck.__typename).toBe("WorkflowError");
    const correction = await editor.ok(
      `mutation($id: ID!) { addCorrection(input: { factCheckId: $id, whatChanged: "x", reason: "y" }) { __typename } }`,
      { id },
    );
    expect(correction.addCorrection.__typename).toBe("WorkflowError");
  });

  it("comments reply within the claim's thread", async () => {
    const claimId = globalId("Claim", "seed-claim-45-mous");
    const first = await editor.ok(
      `mutation($id: ID!) { addComment(claimId: $id, body: "Ask the BOI for the MOU list") { ... on MutationAddCommentSuccess { data { id author { name } } } } }`,
      { id: claimId },
    );
    const reply = await editor.ok(
      `mutation($id: ID!, $p: ID!) { addComment(claimId: $id, body: "Requested.", parentId: $p) { ... on MutationAddCommentSuccess { data { parent { id } } } } }`,
      {
        id: claimId,
        p: first.addComment.data.id,
      },
    );
    expect(reply.addComment.data.parent.id).toBe(first.addComment.data.id);
    const elsewhere = await editor.ok(`mutation($id: ID!, $p: ID!) { addComment(claimId: $id, body: "x", parentId: $p) { __typename } }`, {
      id: globalId("Claim", "seed-claim-astronauts"),
      p: first.addComment.data.id,
    });
    expect(elsewhere.addComment.__typename).toBe("NotFoundError");
    const empty = await editor.ok(`mutation($id: ID!) { addComment(claimId: $id, body: "  ") { __typename } }`, { id: claimId });
    expect(empty.addComment.__typename).toBe("ValidationError");
  });

  it("admins create users, change roles and deactivate; a deactivated user's session dies", async () => {
    const created = await admin.ok(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on MutationCreateUserSuccess { data { id email role } } } }`,
      {
        input: { email: "New.Checker@Example.org", name: "New Checker", role: "FACT_CHECKER", password: "correct horse battery" },
      },
    );
    expect(created.createUser.data).toMatchObject({ email: "new.checker@example.org", role: "FACT_CHECKER" });
    const duplicate = await admin.ok(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } } }`,
      {
        input: { email: "new.checker@example.org", name: "Again", role: "VIEWER", password: "correct horse battery" },
      },
    );
    expect(duplicate.createUser.fieldErrors[0]).toEqual({ path: ["input", "email"], message: "is already registered" });
    const weak = await admin.ok(
      `mutation { createUser(input: { email: "w@example.org", name: "W", role: VIEWER, password: "short" }) { __typename ... on ValidationError { fieldErrors { path } } } }`,
    );
    expect(weak.createUser.fieldErrors[0].path).toEqual(["input", "password"]);

    const newUser = await new Client(t.url).login("new.checker@example.org", "correct horse battery");
    expect((await newUser.ok(`{ me { role } }`)).me.role).toBe("FACT_CHECKER");
    await admin.ok(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { __typename } }`, {
      input: { id: created.createUser.data.id, active: false },
    });
    expect((await newUser.request(`{ claims(first: 1) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const selfDemote = await admin.ok(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { __typename } }`, {
      input: { id: globalId("User", "seed-user-admin"), role: "VIEWER" },
    });
    expect(selfDemote.updateUser.__typename).toBe("ValidationError");
  });

  it("API tokens are shown once, stored hashed, scoped, and dead once revoked", async () => {
    const created = await editor.ok(
      `mutation { createApiToken(name: "site", scopes: [read, write]) { ... on MutationCreateApiTokenSuccess { data { token apiToken { id prefix scopes } } } } }`,
    );
    const { token, apiToken } = created.createApiToken.data;
    expect(token).toMatch(/^cdk_/);
    const stored = await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(await editor.ok(`{ apiTokens { id prefix } }`))).not.toContain(token);
    const client = new Client(t.url, token);
    expect((await client.ok(`{ me { name } }`)).me.name).toBe("Eddie Editor");
    // A token cannot mint more tokens.
    expect((await client.ok(`mutation { createApiToken(name: "x", scopes: [read]) { __typename } }`)).createApiToken.__typename).toBe(
      "ForbiddenError",
    );
    await editor.ok(`mutation($id: ID!) { revokeApiToken(id: $id) { ... on MutationRevokeApiTokenSuccess { data { revokedAt } } } }`, {
      id: apiToken.id,
    });
    expect((await client.request(`{ claims(first: 1) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // Someone else's token answers like a missing one.
    const other = await (await t.as("checker")).ok(`mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }`, { id: apiToken.id });
    expect(other.revokeApiToken.__typename).toBe("NotFoundError");
  });

  it("an expired session or API token is dead, checked by the server's clock", async () => {
    const client = await t.as("viewer");
    expect((await client.ok(`{ me { name } }`)).me).not.toBeNull();
    await t.db.prisma.session.updateMany({
      where: { userId: "seed-user-viewer", revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await client.ok(`{ me { name } }`)).me).toBeNull();

    const created = await editor.ok(
      `mutation { createApiToken(name: "expiring", scopes: [read]) { ... on MutationCreateApiTokenSuccess { data { token apiToken { id } } } } }`,
    );
    const bearer = new Client(t.url, created.createApiToken.data.token);
    expect((await bearer.ok(`{ claims(first: 1) { totalCount } }`)).claims.totalCount).toBeGreaterThan(0);
    await t.db.prisma.apiToken.updateMany({ where: { name: "expiring" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await bearer.request(`{ claims(first: 1) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a new login rotates the session: the old cookie stops working", async () => {
    const client = await t.as("checker");
    const old = client.cookie;
    await client.login("checker@claimdesk.local", "claimdesk-checker");
    expect(client.cookie).not.toBe(old);
    const replay = new Client(t.url);
    replay.cookie = old;
    expect((await replay.ok(`{ me { name } }`)).me).toBeNull();
  });
});
