/** A user's inbox: marking what they have read. Items are written by the commands that cause them (see inbox.ts). */
import { z } from "zod";
import type { DeskContext } from "../context.ts";
import { ForbiddenError } from "../errors.ts";
import { permissions } from "../policy.ts";
import { audited } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";

const idsSchema = z.array(z.string().min(1)).max(500, "at most 500 items at once");

/**
 * Marks the viewer's items read: those named, or all with `all`. Other
 * users' items are never touched (ids of them are ignored, as unknown ones
 * are). Read marks are the reader's own state, not desk data: not audited.
 * Returns how many stay unread.
 */
export async function markRead(ctx: DeskContext, input: { ids?: string[] | null; all?: boolean | null }): Promise<number> {
  if (!permissions.markInbox(ctx.viewer)) throw new ForbiddenError("Only newsroom staff have an inbox");
  const userId = ctx.viewer.id;
  const ids = input.all ? null : parseInput(idsSchema, input.ids ?? [], ["ids"]);
  return audited(ctx, async (tx) => {
    await tx.inboxItem.updateMany({
      where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
      data: { readAt: new Date() },
    });
    return tx.inboxItem.count({ where: { userId, readAt: null } });
  });
}
