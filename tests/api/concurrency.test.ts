import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

describe.each(databaseKinds())("concurrent edits over HTTP on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  let checker: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
    checker = await t.as("checker");
  });
  afterAll(async () => t?.stop());

  it("two saves of one version race: exactly one wins each time, and no update is lost", async () => {
    const id = globalId("Claim", "seed-claim-45-mous");
    const update = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename ... on MutationUpdateClaimSuccess { data { version } } } }`;
    const rounds = 200;
    let wins = 0;
    for (let round = 0; round < rounds; round++) {
      const { version } = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-45-mous" } });
      const [a, b] = await Promise.all([
        editor.ok(update, { input: { id, version, explanation: `editor ${round}` } }),
        checker.ok(update, { input: { id, version, explanation: `checker ${round}` } }),
      ]);
      const kinds = [a.updateClaim.__typename, b.updateClaim.__typename].sort();
      expect(kinds).toEqual(["ConflictError", "MutationUpdateClaimSuccess"]);
      wins++;
      const stored = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-45-mous" } });
      const winner = a.updateClaim.__typename === "MutationUpdateClaimSuccess" ? `editor ${round}` : `checker ${round}`;
      expect(stored).toMatchObject({ version: version + 1, explanation: winner });
    }
    const audits = await t.db.prisma.auditEvent.count({ where: { entityId: "seed-claim-45-mous", action: "claim.update" } });
    expect(audits).toBe(wins);
    console.log(`concurrent edits (${kind}): ${rounds} races, ${wins} single winners, 0 lost updates`);
  });

  it("a failure half-way through a multi-write mutation leaves nothing behind", async () => {
    // The claim is created, then the appearance insert fails inside the same transaction.
    await t.db.sql.exec(`
      CREATE FUNCTION test_fail_appearance() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
      CREATE TRIGGER test_fail_appearance BEFORE INSERT ON "ClaimAppearance" FOR EACH ROW EXECUTE FUNCTION test_fail_appearance();`);
    const before = {
      claims: await t.db.prisma.claim.count(),
      people: await t.db.prisma.person.count(),
      audit: await t.db.prisma.auditEvent.count(),
    };
    try {
      const result = await editor.request(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { __typename } }`, {
        input: {
          articleId: globalId("Article", "seed-article-cpec-two-sessions"),
          spanStart: 0,
          spanEnd: 8,
          quote: "Pakistan",
          newSpeaker: { name: "Someone new" },
        },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      expect(JSON.stringify(result.errors)).not.toMatch(/injected|trigger|prisma|ClaimAppearance|\.ts/i);
    } finally {
      await t.db.sql.exec(`DROP TRIGGER test_fail_appearance ON "ClaimAppearance"; DROP FUNCTION test_fail_appearance();`);
    }
    expect({
      claims: await t.db.prisma.claim.count(),
      people: await t.db.prisma.person.count(),
      audit: await t.db.prisma.auditEvent.count(),
    }).toEqual(before);
  });
});
