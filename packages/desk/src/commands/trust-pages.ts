/**
 * The pages a fact-checker publishes about itself (what the IFCN code of
 * principles asks of signatories): methodology, corrections policy, ownership
 * and funding. Markdown, edited by admins; every save is an audit event
 * holding the text before and after, which is the page's version history.
 */
import type { DeskContext } from "../context.ts";
import { ForbiddenError } from "../errors.ts";
import { permissions } from "../policy.ts";
import { trustPageSchema } from "../schemas.ts";
import { audited } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";

export const trustPageSlugs = ["methodology", "corrections-policy", "ownership-and-funding"] as const;
export type TrustPageSlug = (typeof trustPageSlugs)[number];

/** What a page says until an admin writes it. */
export const trustPageDefaults: Record<TrustPageSlug, { title: string; body: string }> = {
  methodology: {
    title: "How we rate claims",
    body: "We check claims of fact made in public. Each fact-check rates one claim on the scale below, cites every source it relies on, and says where the claim appeared.",
  },
  "corrections-policy": {
    title: "Corrections policy",
    body: "When we get something wrong we correct it openly: the fact-check shows the date of the correction, what changed and why, and its verdict changes only through a published correction.",
  },
  "ownership-and-funding": {
    title: "Ownership and funding",
    body: "This page will say who owns this newsroom and who funds it.",
  },
};

export interface TrustPageView {
  slug: TrustPageSlug;
  title: string;
  body: string;
  updatedAt: Date | null;
}

export async function readTrustPage(ctx: DeskContext, slug: TrustPageSlug): Promise<TrustPageView> {
  const row = await ctx.prisma.trustPage.findUnique({ where: { slug } });
  return row ? { slug, title: row.title, body: row.body, updatedAt: row.updatedAt } : { slug, ...trustPageDefaults[slug], updatedAt: null };
}

/** Rewrites a trust page (admins); the text before stays in the audit trail. */
export async function updateTrustPage(ctx: DeskContext, slug: TrustPageSlug, input: { title: string; body: string }): Promise<void> {
  if (!permissions.administer(ctx.viewer)) throw new ForbiddenError("Only admins edit these pages");
  const fields = parseInput(trustPageSchema, input, []);
  await audited(ctx, async (tx, audit) => {
    const before = await tx.trustPage.findUnique({ where: { slug } });
    await tx.trustPage.upsert({ where: { slug }, create: { slug, ...fields }, update: fields });
    await audit({
      action: "trustPage.update",
      entityType: "TrustPage",
      entityId: slug,
      before: before ? { title: before.title, body: before.body } : { ...trustPageDefaults[slug], default: true },
      after: fields,
    });
  });
}

export async function trustPageVersions(ctx: DeskContext, slug: TrustPageSlug) {
  const events = await ctx.prisma.auditEvent.findMany({
    where: { entityType: "TrustPage", entityId: slug, action: "trustPage.update" },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, after: true, createdAt: true, actor: { select: { name: true } } },
  });
  return events.map((e) => {
    const after = (e.after ?? {}) as { title?: string; body?: string };
    return { id: e.id, title: after.title ?? "", body: after.body ?? "", savedAt: e.createdAt, savedBy: e.actor?.name ?? null };
  });
}
