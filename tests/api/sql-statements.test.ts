import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, startTestApi } from "../support/api.ts";

const deskList = `query($first: Int!) {
  articles(first: $first) {
    totalCount
    edges { node { title outlet { name }
      claims(first: 5) { totalCount edges { node { spanStart quote
        claim { claimReviewed status speaker { name } rating { label } assignee { name } evidence(first: 3) { totalCount } } } } }
    } }
  }
}`;

describe.each(databaseKinds())("SQL statements per nested list query on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
    // 12 more articles, each with 3 claims with a speaker, a rating and a source.
    for (let i = 0; i < 12; i++) {
      const body = `Officials said exports rose ${i}% and imports fell ${i + 1}% while debt reached ${i + 2} billion.`;
      const article = await t.db.prisma.article.create({
        data: { title: `Article ${i}`, body, publishedAt: new Date(Date.UTC(2025, 0, i + 1)), outletId: "seed-outlet-urdupoint" },
      });
      for (const quote of [`exports rose ${i}%`, `imports fell ${i + 1}%`, `debt reached ${i + 2} billion`]) {
        const start = body.indexOf(quote);
        await t.db.prisma.claim.create({
          data: {
            quote,
            claimReviewed: quote,
            speakerId: "seed-person-khalil-hashmi",
            ratingId: "seed-rating-false",
            assigneeId: "seed-user-checker",
            appearances: { create: { articleId: article.id, spanStart: start, spanEnd: start + quote.length, quote } },
            sources: { create: { sourceId: "seed-source-wipo-stats", stance: "REFUTES" } },
          },
        });
      }
    }
  });
  afterAll(async () => t?.stop());

  async function statementsFor(first: number): Promise<number> {
    t.statements.length = 0;
    const data = await editor.ok(deskList, { first });
    expect(data.articles.edges).toHaveLength(first);
    const sql = t.statements.filter((s) => !/"Session"/.test(s)); // the viewer look-up
    return sql.length;
  }

  it("does not grow with the number of rows", async () => {
    const few = await statementsFor(2);
    const many = await statementsFor(12);
    console.log(`desk list (${kind}): ${few} SQL statements for 2 articles, ${many} for 12`);
    expect(many).toBe(few);
    // The page, its totalCount and every nested list, count and relation: one
    // statement (the performance target is at most 2).
    expect(many).toBe(1);
  });
});
