/**
 * Inbox items: what concerns a user, written by the command that caused it,
 * in its transaction (so an item exists exactly when its change committed).
 * Nobody is told of their own doing.
 */
import type { InboxKind, Role } from "@claimdesk/db";
import type { Tx } from "./unit-of-work.ts";

export interface Notice {
  kind: InboxKind;
  claimId: string;
  actorId: string | null;
  commentId?: string | null;
}

export async function notify(tx: Tx, recipients: (string | null | undefined)[], notice: Notice): Promise<string[]> {
  const userIds = [...new Set(recipients.filter((id): id is string => !!id && id !== notice.actorId))];
  if (!userIds.length) return [];
  await tx.inboxItem.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: notice.kind,
      claimId: notice.claimId,
      actorId: notice.actorId,
      commentId: notice.commentId ?? null,
    })),
  });
  return userIds;
}

const staffRoles: Role[] = ["ADMIN", "EDITOR", "FACT_CHECKER"];
const wordChar = /[\p{L}\p{N}_]/u;

/**
 * Who a comment mentions. A mention is "@" and a colleague's full name
 * ("@Fatima Checker", any case, any spacing), the part of their e-mail before
 * the "@" ("@checker"), or their first name when no other colleague shares it
 * ("@Fatima"). Only active staff can be mentioned: they are who read the desk.
 */
export async function mentionedUsers(tx: Tx, body: string): Promise<string[]> {
  if (!body.includes("@")) return [];
  const users = await tx.user.findMany({
    where: { active: true, role: { in: staffRoles } },
    select: { id: true, name: true, email: true },
  });
  const firstNames = new Map<string, number>();
  for (const user of users) {
    const first = user.name.trim().split(/\s+/)[0]!.toLowerCase();
    firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
  }
  const text = body.toLowerCase();
  return users
    .filter((user) => {
      const first = user.name.trim().split(/\s+/)[0]!.toLowerCase();
      const handles = [user.name.trim().toLowerCase().split(/\s+/).join(" "), user.email.split("@")[0]!.toLowerCase()];
      if (firstNames.get(first) === 1) handles.push(first);
      return handles.some((handle) => mentions(text, handle));
    })
    .map((user) => user.id);
}

/** Whether `text` has "@handle" standing as its own word (spaces in the handle match any run of spaces). */
function mentions(text: string, handle: string): boolean {
  const pattern = new RegExp(`@${handle.split(" ").map(escape).join("\\s+")}`, "gu");
  for (const match of text.matchAll(pattern)) {
    const before = text[match.index - 1];
    const after = text.slice(match.index + match[0].length).match(/^./u)?.[0];
    if ((!before || !wordChar.test(before)) && (!after || !wordChar.test(after))) return true;
  }
  return false;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
