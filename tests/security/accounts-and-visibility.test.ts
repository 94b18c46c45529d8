/**
 * A password reset or a deactivation ends the user's tokens and sessions;
 * outlets are public only when reachable from a published fact-check; the
 * user who just signed in can read themself in the login payload.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { Client, type TestApi, accounts, globalId, startTestApi } from "../support/api.ts";

describe.each(databaseKinds())("accounts and visibility on %s", (kind) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi(kind);
  });
  afterAll(async () => t?.stop());

  async function tokenFor(role: keyof typeof accounts): Promise<{ session: Client; token: Client }> {
    const session = await t.as(role);
    const created = await session.ok(
      `mutation { createApiToken(name: "script", scopes: [read]) { __typename ... on MutationCreateApiTokenSuccess { data { token } } } }`,
    );
    return { session, token: new Client(t.url, created.createApiToken.data.token) };
  }

  const me = `{ me { id } }`;

  it("a password reset and a deactivation revoke the user's API tokens and sessions", async () => {
    const admin = await t.as("admin");
    const update = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { __typename } }`;
    let revoked = 0;
    let total = 0;
    for (const [role, change] of [
      ["checker", { password: "a-brand-new-password" }],
      ["viewer", { active: false }],
    ] as const) {
      const { session, token } = await tokenFor(role);
      expect((await token.ok(me)).me).not.toBeNull();
      const id = globalId("User", `seed-user-${role}`);
      expect((await admin.ok(update, { input: { id, ...change } })).updateUser.__typename).toBe("MutationUpdateUserSuccess");
      total += 2;
      if ((await token.ok(me)).me === null) revoked++;
      if ((await session.ok(me)).me === null) revoked++;
      if ("active" in change) {
        // Reactivating does not bring the old token back.
        await admin.ok(update, { input: { id, active: true } });
        expect((await token.ok(me)).me).toBeNull();
      }
    }
    console.log(`accounts (${kind}): after a password reset and a deactivation, ${revoked} of ${total} tokens and sessions refused`);
    expect(revoked).toBe(total);
    expect(
      await t.db.prisma.apiToken.count({ where: { userId: { in: ["seed-user-checker", "seed-user-viewer"] }, revokedAt: null } }),
    ).toBe(0);
  });

  it("anonymous clients see only outlets reachable from published fact-checks", async () => {
    const hidden = await t.db.prisma.outlet.create({ data: { name: "Monitored Weekly" } });
    await t.db.prisma.article.create({ data: { title: "Unpublished work", body: "Some text.", outletId: hidden.id } });
    const anonymous = t.client();
    const listed = (await anonymous.ok(`{ outlets { name } }`)).outlets.map((o: { name: string }) => o.name);
    const node = (await anonymous.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId("Outlet", hidden.id) })).node;
    const staff = (await (await t.as("editor")).ok(`{ outlets { name } }`)).outlets.map((o: { name: string }) => o.name);
    console.log(`outlets (${kind}): anonymous sees ${listed.length} of ${staff.length} outlets (${listed.join(", ")})`);
    expect(listed).not.toContain("Monitored Weekly");
    expect(listed.length).toBeGreaterThan(0); // the sample's outlet carries a published fact-check
    expect(node).toBeNull();
    expect(staff).toContain("Monitored Weekly");
  });

  it("the login payload is readable by the user who just signed in", async () => {
    const client = t.client();
    const data = await client.ok(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename ... on MutationLoginSuccess { data { id name email } } } }`,
      { e: accounts.editor[0], p: accounts.editor[1] },
    );
    expect(data.login.data).toEqual({ id: globalId("User", "seed-user-editor"), name: expect.any(String), email: accounts.editor[0] });
    console.log(
      `login payload (${kind}): the user who just signed in reads ${Object.keys(data.login.data).length} of 3 fields (id, name, email)`,
    );
  });
});
