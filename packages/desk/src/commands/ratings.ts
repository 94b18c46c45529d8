/** Rating scales: the verdicts and their definitions. */
import type { DeskContext } from "../context.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";
import { permissions } from "../policy.ts";
import { ratingSchema } from "../schemas.ts";
import { audited } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";

export async function updateRating(
  ctx: DeskContext,
  id: string,
  input: { label: string; description: string; value: number; color: string },
): Promise<string> {
  if (!permissions.administer(ctx.viewer)) throw new ForbiddenError("Only admins can edit rating scales");
  const data = parseInput(ratingSchema, input, ["input"]);
  await audited(ctx, async (tx, audit) => {
    const before = await tx.rating.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("The rating");
    const clash = await tx.rating.findFirst({ where: { scaleId: before.scaleId, label: data.label, NOT: { id } } });
    if (clash) throw ValidationError.field("input.label", "is already used on this scale");
    await tx.rating.update({ where: { id }, data });
    await audit({
      action: "rating.update",
      entityType: "Rating",
      entityId: id,
      before: { label: before.label, description: before.description, value: before.value, color: before.color },
      after: data,
    });
  });
  return id;
}
