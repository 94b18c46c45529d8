import { createTestDatabase, type TestDatabase } from "@claimdesk/db/testing";
import { findSpan, seed } from "@claimdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";

const body = "The minister said unemployment fell to 4.2% in 2024. Critics disagree.";
const quote = "unemployment fell to 4.2% in 2024";

describe.each(databaseKinds())("constraints on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seed(db.prisma);
  });
  afterAll(async () => db?.destroy());

  const newArticle = (data: { canonicalUrl?: string; body?: string } = {}) =>
    db.prisma.article.create({ data: { title: "t", body: data.body ?? body, canonicalUrl: data.canonicalUrl } });

  it("canonical URLs are unique when present, and any number of articles may have none", async () => {
    await newArticle({ canonicalUrl: "https://example.org/a" });
    await expect(newArticle({ canonicalUrl: "https://example.org/a" })).rejects.toMatchObject({ code: "P2002" });
    await newArticle();
    await newArticle();
  });

  it("a claim span must match the article text exactly", async () => {
    const article = await newArticle();
    const span = findSpan(body, quote)!;
    const claim = await db.prisma.claim.create({ data: { quote, claimReviewed: quote } });
    await db.prisma.claimAppearance.create({
      data: { claimId: claim.id, articleId: article.id, spanStart: span.start, spanEnd: span.end, quote },
    });
    // off by one
    await expect(
      db.prisma.claimAppearance.create({
        data: { claimId: claim.id, articleId: article.id, spanStart: span.start + 1, spanEnd: span.end + 1, quote },
      }),
    ).rejects.toThrow(/does not match the article text/);
    // past the end of the body
    await expect(
      db.prisma.claimAppearance.create({ data: { claimId: claim.id, articleId: article.id, spanStart: 60, spanEnd: 500, quote } }),
    ).rejects.toThrow(/does not match the article text/);
    // reversed or negative bounds
    await expect(
      db.prisma.claimAppearance.create({ data: { claimId: claim.id, articleId: article.id, spanStart: 10, spanEnd: 5, quote } }),
    ).rejects.toThrow(/ClaimAppearance_span_bounds/);
  });

  it("editing an article body may not break the spans of its claims", async () => {
    const article = await newArticle();
    const span = findSpan(body, quote)!;
    const claim = await db.prisma.claim.create({ data: { quote, claimReviewed: quote } });
    await db.prisma.claimAppearance.create({
      data: { claimId: claim.id, articleId: article.id, spanStart: span.start, spanEnd: span.end, quote },
    });
    await expect(db.prisma.article.update({ where: { id: article.id }, data: { body: `Update: ${body}` } })).rejects.toThrow(
      /no longer contains the marked claims/,
    );
    // a change after the claim keeps the span valid
    await db.prisma.article.update({ where: { id: article.id }, data: { body: `${body} More text.` } });
  });

  it("spans count code points, as PostgreSQL does", async () => {
    const emojiBody = "🙂 Exports rose 12% last year.";
    const article = await newArticle({ body: emojiBody });
    const span = findSpan(emojiBody, "Exports rose 12%")!;
    expect(span.start).toBe(2);
    const claim = await db.prisma.claim.create({ data: { quote: "Exports rose 12%", claimReviewed: "Exports rose 12%" } });
    await db.prisma.claimAppearance.create({
      data: { claimId: claim.id, articleId: article.id, spanStart: span.start, spanEnd: span.end, quote: "Exports rose 12%" },
    });
  });

  it("deleting a claim removes its appearances and evidence links; a cited source cannot be deleted", async () => {
    const claim = await db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-45-mous" }, include: { sources: true } });
    expect(claim.sources.length).toBeGreaterThan(0);
    const sourceId = claim.sources[0]!.sourceId;
    await expect(db.prisma.source.delete({ where: { id: sourceId } })).rejects.toMatchObject({
      code: expect.stringMatching(/P2003|P2014/),
    });
    await db.prisma.claim.delete({ where: { id: claim.id } });
    expect(await db.prisma.claimAppearance.count({ where: { claimId: claim.id } })).toBe(0);
    expect(await db.prisma.claimSource.count({ where: { claimId: claim.id } })).toBe(0);
    await db.prisma.source.delete({ where: { id: sourceId } });
  });

  it("a published claim cannot be deleted while its fact-check exists, nor lose its verdict", async () => {
    await expect(db.prisma.claim.delete({ where: { id: "seed-claim-china-growth" } })).rejects.toBeTruthy();
    await expect(db.prisma.claim.update({ where: { id: "seed-claim-china-growth" }, data: { ratingId: null } })).rejects.toThrow(
      /Claim_published_has_rating/,
    );
  });

  it("the audit trail is append-only", async () => {
    const event = await db.prisma.auditEvent.findFirstOrThrow();
    await expect(db.prisma.auditEvent.update({ where: { id: event.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.sql.exec(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect((await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe(event.action);
  });

  it("a rating scale keeps each label and position once", async () => {
    const scale = await db.prisma.ratingScale.findFirstOrThrow({ include: { ratings: true } });
    await expect(
      db.prisma.rating.create({
        data: { scaleId: scale.id, label: "True", description: "again", value: 9, position: 99, color: "#000000" },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });
});
