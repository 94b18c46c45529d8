/** Internal notes on a claim, threaded. */
import type { DeskContext } from "../context.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import { mentionedUsers, notify } from "../inbox.ts";
import { permissions } from "../policy.ts";
import { commentSchema } from "../schemas.ts";
import { audited } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";

export async function addComment(ctx: DeskContext, input: { claimId: string; body: string; parentId?: string | null }): Promise<string> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff comment");
  const viewer = ctx.viewer;
  const body = parseInput(commentSchema, input.body, ["body"]);
  return audited(ctx, async (tx, audit) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true } });
    if (!claim) throw new NotFoundError("The claim");
    if (input.parentId) {
      const parent = await tx.comment.findUnique({ where: { id: input.parentId } });
      if (!parent || parent.claimId !== claim.id) throw new NotFoundError("The comment replied to");
    }
    const comment = await tx.comment.create({ data: { claimId: claim.id, authorId: viewer.id, body, parentId: input.parentId ?? null } });
    // Mentions are resolved now, against who is on the desk now: a later rename changes no one's inbox.
    const mentioned = await notify(tx, await mentionedUsers(tx, body), {
      kind: "MENTIONED",
      claimId: claim.id,
      actorId: viewer.id,
      commentId: comment.id,
    });
    await audit({
      action: "comment.add",
      entityType: "Claim",
      entityId: claim.id,
      after: { commentId: comment.id, body, ...(mentioned.length ? { mentioned } : {}) },
    });
    return comment.id;
  });
}
