import { createTestDatabase, type TestDatabase } from "@claimdesk/db/testing";
import { seed, spanText, verifyPassword } from "@claimdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";

describe.each(databaseKinds())("sample data on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.destroy());

  async function counts() {
    const p = db.prisma;
    return {
      users: await p.user.count(),
      ratings: await p.rating.count(),
      articles: await p.article.count(),
      claims: await p.claim.count(),
      appearances: await p.claimAppearance.count(),
      sources: await p.source.count(),
      evidence: await p.claimSource.count(),
      factChecks: await p.factCheck.count(),
      audit: await p.auditEvent.count(),
    };
  }

  it("loads the sample article with its speaker, claims at exact spans, sources and a published fact-check", async () => {
    await seed(db.prisma);
    const article = await db.prisma.article.findFirstOrThrow({
      include: { outlet: true, appearances: { include: { claim: { include: { speaker: true } } } } },
    });
    expect(article.dateline).toBe("BEIJING");
    expect(article.byline).toBe("APP");
    expect(article.outlet?.name).toBe("UrduPoint / Pakistan Point News");
    expect(article.publishedAt?.toISOString()).toBe("2025-03-11T00:00:00.000Z");
    expect(article.body.startsWith("Pakistan's Ambassador to China, Khalil Hashmi")).toBe(true);
    expect(article.appearances.length).toBeGreaterThanOrEqual(4);
    for (const a of article.appearances) expect(spanText(article.body, a.spanStart, a.spanEnd)).toBe(a.claim.quote);
    expect(article.appearances.some((a) => a.claim.speaker?.name === "Khalil Hashmi")).toBe(true);

    const factCheck = await db.prisma.factCheck.findFirstOrThrow({ include: { rating: true, claim: { include: { sources: true } } } });
    expect(factCheck.status).toBe("PUBLISHED");
    expect(factCheck.claim.status).toBe("PUBLISHED");
    expect(factCheck.claim.sources.length).toBeGreaterThan(0);
    expect(factCheck.explanation.length).toBeGreaterThan(50);
    expect(factCheck.rating.label).toBe("Mostly true");

    // The sample desk is planned: a claim in research with its reviewer, a priority and a due date soon.
    const planned = await db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-45-mous" }, include: { reviewer: true } });
    expect(planned.reviewer?.role).toBe("EDITOR");
    expect(planned.priority).toBe("HIGH");
    const daysLeft = (planned.dueDate!.getTime() - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(0);
    expect(daysLeft).toBeLessThanOrEqual(2);
    expect(planned.dueDate!.toISOString()).toMatch(/T00:00:00\.000Z$/);

    const scale = await db.prisma.ratingScale.findFirstOrThrow({ where: { isDefault: true }, include: { ratings: true } });
    expect(scale.ratings).toHaveLength(6);

    const users = await db.prisma.user.findMany({ orderBy: { role: "asc" } });
    expect(users.map((u) => u.role).sort()).toEqual(["ADMIN", "EDITOR", "FACT_CHECKER", "VIEWER"]);
    const editor = users.find((u) => u.role === "EDITOR")!;
    expect(editor.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(editor.passwordHash, "claimdesk-editor")).toBe(true);
    expect(await verifyPassword(editor.passwordHash, "wrong")).toBe(false);
  });

  it("seeding twice changes nothing, and keeps later edits", async () => {
    await db.prisma.claim.update({ where: { id: "seed-claim-astronauts" }, data: { claimReviewed: "edited by a person" } });
    const before = await counts();
    const result = await seed(db.prisma);
    expect(result.created).toEqual({});
    expect(await counts()).toEqual(before);
    const claim = await db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-astronauts" } });
    expect(claim.claimReviewed).toBe("edited by a person");
  });
});
