/** Articles: ingesting and editing. Editing one changes the desk, not a published fact-check's appearance. */
import { spanText } from "@claimdesk/db";
import type { DeskContext } from "../context.ts";
import { DuplicateArticleError, ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";
import { permissions } from "../policy.ts";
import { createArticleSchema, updateArticleSchema } from "../schemas.ts";
import { type Tx, audited, changedFields } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";
import { saveVersioned } from "../versioned.ts";
import type { Answer } from "./claims.ts";

export interface ArticleFields {
  title?: string | null;
  canonicalUrl?: string | null;
  outletName?: string | null;
  byline?: string | null;
  dateline?: string | null;
  publishedAt?: Date | null;
  language?: string | null;
  body?: string | null;
  tags?: string[] | null;
}

async function outletId(tx: Tx, name: string | null | undefined): Promise<string | null | undefined> {
  if (name === undefined) return undefined;
  if (name === null) return null;
  const outlet = await tx.outlet.upsert({ where: { name }, create: { name }, update: {} });
  return outlet.id;
}

/** An article whose canonical URL is already known is not created twice: DuplicateArticleError carries it. */
export async function createArticle<T>(ctx: DeskContext, input: ArticleFields, answer: Answer<T>): Promise<T> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can add articles");
  const data = parseInput(createArticleSchema, input, ["input"]);
  const { outletName, ...fields } = data;
  return audited(ctx, async (tx, audit) => {
    if (fields.canonicalUrl) {
      const existing = await tx.article.findUnique({ where: { canonicalUrl: fields.canonicalUrl } });
      if (existing) throw new DuplicateArticleError(existing);
    }
    const article = await tx.article.create({ data: { ...fields, outletId: await outletId(tx, outletName) }, select: { id: true } });
    await audit({
      action: "article.create",
      entityType: "Article",
      entityId: article.id,
      after: { ...fields, body: `${fields.body.length} characters`, outletName },
    });
    return answer(tx, article.id);
  }).catch(async (error: unknown) => {
    // Two imports of one URL at once: the unique index decides, the loser gets the winner.
    if ((error as { code?: string }).code === "P2002" && data.canonicalUrl) {
      const existing = await ctx.prisma.article.findUnique({ where: { canonicalUrl: data.canonicalUrl } });
      if (existing) throw new DuplicateArticleError(existing);
    }
    throw error;
  });
}

/** The body may change only where no claim is marked (a database trigger holds the line). */
export async function updateArticle(ctx: DeskContext, input: ArticleFields & { id: string; version: number }): Promise<string> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can edit articles");
  const { outletName, version, ...fields } = parseInput(updateArticleSchema, { ...input, id: undefined }, ["input"]);
  const id = input.id;
  await audited(ctx, async (tx, audit) => {
    const before = await tx.article.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("The article");
    if (fields.canonicalUrl) {
      const existing = await tx.article.findUnique({ where: { canonicalUrl: fields.canonicalUrl } });
      if (existing && existing.id !== id) throw new DuplicateArticleError(existing);
    }
    if (fields.body !== undefined) {
      const marked = await tx.claimAppearance.findMany({
        where: { articleId: id },
        select: { spanStart: true, spanEnd: true, quote: true },
      });
      if (marked.some((a) => spanText(fields.body!, a.spanStart, a.spanEnd) !== a.quote)) throw bodyBreaksSpans();
    }
    const data = { ...fields, outletId: await outletId(tx, outletName) };
    await saveVersioned(tx, "Article", id, version, data);
    await audit({ action: "article.update", entityType: "Article", entityId: id, ...changedFields(before, data) });
  }).catch((error: { message?: string }) => {
    // A claim marked while this ran: the database's trigger refused the body.
    if (error.message?.includes("no longer contains the marked claims")) throw bodyBreaksSpans();
    throw error;
  });
  return id;
}

const bodyBreaksSpans = () =>
  ValidationError.field(
    "input.body",
    "The new text no longer contains the claims marked in this article at their places. Unmark them first, or edit only unmarked text.",
  );
