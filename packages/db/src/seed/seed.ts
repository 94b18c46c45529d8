import type { PrismaClient } from "../generated/prisma/client.ts";
import { factCheckSlug } from "../slug.ts";
import { hashPassword } from "../passwords.ts";
import { findSpan } from "../spans.ts";
import { readCorpusArticle } from "./corpus.ts";
import { defaultScale, sampleArticle, sampleClaims, sampleFactCheck, samplePerson, sampleSources, sampleUsers } from "./sample.ts";

export interface SeedResult {
  created: Record<string, number>;
}

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * What every newsroom needs before its first sign-in: the default rating
 * scale. `db:setup` loads only this; nothing in it signs anyone in.
 */
export async function seedEssentials(prisma: PrismaClient): Promise<SeedResult> {
  return { created: await prisma.$transaction((tx) => createDefaultScale(tx)) };
}

async function createDefaultScale(tx: Transaction): Promise<Record<string, number>> {
  if (await tx.ratingScale.findUnique({ where: { id: defaultScale.id }, select: { id: true } })) return {};
  await tx.ratingScale.create({
    data: {
      id: defaultScale.id,
      name: defaultScale.name,
      isDefault: true,
      ratings: {
        create: defaultScale.ratings.map((rating, position) => ({ id: ratingId(rating.label), position, ...rating })),
      },
    },
  });
  return { RatingScale: 1, Rating: defaultScale.ratings.length };
}

/**
 * Loads the sample newsroom for the quick start, demonstrations and tests:
 * the essentials, the four sample accounts (their passwords are in the
 * README), the sample article with its claims and sources, and one published
 * fact-check.
 * Every row has a fixed id and is only created when missing, so seeding again
 * changes nothing (and never overwrites an editor's later changes).
 */
export async function seed(prisma: PrismaClient): Promise<SeedResult> {
  const article = readCorpusArticle(sampleArticle.file);
  const passwordHashes = await Promise.all(sampleUsers.map((user) => hashPassword(user.password)));
  const created: Record<string, number> = {};
  const count = (model: string, wasCreated: boolean) => {
    if (wasCreated) created[model] = (created[model] ?? 0) + 1;
  };

  await prisma.$transaction(
    async (tx) => {
      const existing = async (model: { findUnique(args: { where: { id: string }; select: { id: true } }): Promise<unknown> }, id: string) =>
        (await model.findUnique({ where: { id }, select: { id: true } })) !== null;

      for (const [i, user] of sampleUsers.entries()) {
        if (await existing(tx.user, user.id)) continue;
        await tx.user.create({
          data: { id: user.id, email: user.email, name: user.name, role: user.role, passwordHash: passwordHashes[i]! },
        });
        count("User", true);
      }

      Object.assign(created, await createDefaultScale(tx));

      if (!(await existing(tx.outlet, sampleArticle.outlet.id))) {
        await tx.outlet.create({ data: { ...sampleArticle.outlet, name: article.outlet } });
        count("Outlet", true);
      }
      if (!(await existing(tx.person, samplePerson.id))) {
        await tx.person.create({ data: samplePerson });
        count("Person", true);
      }
      if (!(await existing(tx.article, sampleArticle.id))) {
        await tx.article.create({
          data: {
            id: sampleArticle.id,
            title: sampleArticle.title,
            outletId: sampleArticle.outlet.id,
            byline: article.byline,
            dateline: article.dateline,
            publishedAt: article.publishedAt,
            language: sampleArticle.language,
            body: article.body,
            tags: sampleArticle.tags,
          },
        });
        count("Article", true);
      }
      for (const source of sampleSources) {
        if (await existing(tx.source, source.id)) continue;
        await tx.source.create({ data: { ...source, accessedAt: new Date("2025-03-13T00:00:00Z") } });
        count("Source", true);
      }

      for (const claim of sampleClaims) {
        if (await existing(tx.claim, claim.id)) continue;
        const span = findSpan(article.body, claim.quote);
        if (!span) throw new Error(`sample claim "${claim.quote}" is not in the sample article`);
        const published = claim.id === sampleFactCheck.claimId;
        await tx.claim.create({
          data: {
            id: claim.id,
            quote: claim.quote,
            claimReviewed: claim.claimReviewed,
            speakerId: claim.speaker ? samplePerson.id : null,
            claimDate: article.publishedAt,
            tags: claim.tags,
            status: claim.status,
            assigneeId: claim.assignee ?? null,
            reviewerId: claim.reviewer ?? null,
            priority: claim.priority ?? "NORMAL",
            dueDate: claim.dueInDays == null ? null : dayFromToday(claim.dueInDays),
            createdById: "seed-user-editor",
            ratingId: published ? ratingId(sampleFactCheck.rating) : null,
            explanation: published ? sampleFactCheck.explanation : null,
            appearances: { create: { articleId: sampleArticle.id, spanStart: span.start, spanEnd: span.end, quote: claim.quote } },
            sources: { create: (claim.sources ?? []).map((source) => ({ ...source })) },
          },
        });
        count("Claim", true);
        created.ClaimAppearance = (created.ClaimAppearance ?? 0) + 1;
        created.ClaimSource = (created.ClaimSource ?? 0) + (claim.sources?.length ?? 0);
        await tx.auditEvent.create({
          data: {
            actorId: "seed-user-editor",
            action: "claim.create",
            entityType: "Claim",
            entityId: claim.id,
            after: { quote: claim.quote, claimReviewed: claim.claimReviewed, status: claim.status, source: "sample data" },
          },
        });
        count("AuditEvent", true);
      }

      if (!(await existing(tx.factCheck, sampleFactCheck.id))) {
        const { rating, publishedBy, ...factCheck } = sampleFactCheck;
        const claim = await tx.claim.findUniqueOrThrow({ where: { id: factCheck.claimId }, select: { claimReviewed: true } });
        await tx.factCheck.create({
          data: {
            ...factCheck,
            slug: factCheckSlug(claim.claimReviewed, factCheck.id),
            ratingId: ratingId(rating),
            publishedById: publishedBy,
          },
        });
        // What the public reads, frozen as the desk has it now (see the published_snapshot migration).
        await tx.$executeRaw`UPDATE "FactCheck" SET "snapshot" = published_snapshot("claimId") WHERE id = ${factCheck.id}`;
        count("FactCheck", true);
      }
    },
    { timeout: 60_000 },
  );
  return { created };
}

/** Midnight UTC of the day `days` from today: due dates are calendar days. */
function dayFromToday(days: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
}

function ratingId(label: string): string {
  return `seed-rating-${label.toLowerCase().replace(/[^a-z]+/g, "-")}`;
}
