/**
 * The desk's working lists, as filters the schema applies: what is due soon
 * and what was returned to a fact-checker. Defined once, here.
 */
import type { Prisma } from "@claimdesk/db";

/** "Due soon": open claims due within this many days from today, and overdue ones. */
export const dueSoonDays = 3;

const finished = ["PUBLISHED", "DISMISSED"] as const;

export function dueSoonWhere(now = new Date()): Prisma.ClaimWhereInput {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { dueDate: { lte: new Date(today + dueSoonDays * 86_400_000) }, status: { notIn: [...finished] } };
}

/** Claims assigned to the user that their reviewer returned with changes requested, not yet resubmitted. */
export function returnedToWhere(userId: string): Prisma.ClaimWhereInput {
  return { assigneeId: userId, changesRequestedAt: { not: null } };
}
