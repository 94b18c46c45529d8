/**
 * The desk's dashboard numbers, aggregated in SQL (one grouped scan per
 * figure, none of them row by row in JavaScript), over the last `weeks`
 * weeks (ISO weeks, Monday 00:00 UTC).
 */
import { type ClaimStatus, Prisma } from "@claimdesk/db";

export interface DeskWeek {
  weekStart: Date;
  /** Claims marked that week, by their status now */
  marked: { status: ClaimStatus; count: number }[];
  /** Fact-checks published that week */
  published: number;
  /** Median hours from marking a claim to publishing its fact-check, for that week's publications */
  medianHoursToPublish: number | null;
  /** Claims marked that week that turned out to repeat an earlier claim (confirmed duplicates) */
  recurring: number;
}

export interface DeskStats {
  weeks: DeskWeek[];
  verdicts: { ratingId: string; label: string; color: string; count: number }[];
  openWork: { userId: string; name: string; selected: number; researching: number; inReview: number }[];
  unassignedOpen: number;
  recurringTotal: number;
}

const statuses: ClaimStatus[] = ["UNREVIEWED", "SELECTED", "RESEARCHING", "IN_REVIEW", "PUBLISHED", "DISMISSED"];

/** Monday 00:00 UTC of the week `now` is in, minus `back` weeks. */
export function weekStart(now: Date, back = 0): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - (sinceMonday + 7 * back) * 86_400_000);
}

export async function deskStats(prisma: Prisma.TransactionClient, options: { weeks: number; now?: Date }): Promise<DeskStats> {
  const now = options.now ?? new Date();
  const since = weekStart(now, options.weeks - 1);
  // Rows are put in their week by width_bucket over the weeks' Mondays (1 = the
  // oldest week): a binary search per row. date_trunc('week', t, 'UTC') converts
  // time zones per row and was most of the query's time (6× at 50,000 claims).
  const mondays = Prisma.sql`(SELECT array_agg(w) FROM generate_series(${since}::timestamptz, ${now}::timestamptz, interval '1 week') w)`;
  const [marked, published, verdicts, openWork, recurring, totals] = await Promise.all([
    // An index-only range scan of Claim (createdAt, status).
    prisma.$queryRaw<{ week: number; status: ClaimStatus; count: number }[]>`
      SELECT width_bucket("createdAt", ${mondays}) AS week, status::text AS status, count(*)::int AS count
      FROM "Claim" WHERE "createdAt" >= ${since}
      GROUP BY 1, status`,
    prisma.$queryRaw<{ week: number; published: number; medianHours: number | null }[]>`
      SELECT width_bucket(f."publishedAt", ${mondays}) AS week, count(*)::int AS published,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f."publishedAt" - c."createdAt")) / 3600)::float8 AS "medianHours"
      FROM "FactCheck" f JOIN "Claim" c ON c.id = f."claimId"
      WHERE f.status = 'PUBLISHED' AND f."publishedAt" >= ${since}
      GROUP BY 1`,
    // Counted on the FactCheck (status, ratingId) index before joining the few ratings, not joined row by row.
    prisma.$queryRaw<{ ratingId: string; label: string; color: string; count: number }[]>`
      SELECT r.id AS "ratingId", r.label, r.color, v.count
      FROM (SELECT "ratingId", count(*)::int AS count FROM "FactCheck" WHERE status = 'PUBLISHED' GROUP BY 1) v
      JOIN "Rating" r ON r.id = v."ratingId"
      ORDER BY r.position`,
    prisma.$queryRaw<{ userId: string; name: string; selected: number; researching: number; inReview: number }[]>`
      SELECT u.id AS "userId", u.name,
             count(*) FILTER (WHERE c.status = 'SELECTED')::int AS selected,
             count(*) FILTER (WHERE c.status = 'RESEARCHING')::int AS researching,
             count(*) FILTER (WHERE c.status = 'IN_REVIEW')::int AS "inReview"
      FROM "Claim" c JOIN "User" u ON u.id = c."assigneeId"
      WHERE c.status IN ('SELECTED', 'RESEARCHING', 'IN_REVIEW')
      GROUP BY u.id ORDER BY count(*) DESC, u.name LIMIT 50`,
    prisma.$queryRaw<{ week: number; count: number }[]>`
      SELECT width_bucket("createdAt", ${mondays}) AS week, count(*)::int AS count
      FROM "Claim" WHERE "duplicateOfId" IS NOT NULL AND "createdAt" >= ${since}
      GROUP BY 1`,
    // Two index counts (status, assigneeId) and (duplicateOfId), not a scan of every claim.
    prisma.$queryRaw<{ unassignedOpen: number; recurringTotal: number }[]>`
      SELECT (SELECT count(*) FROM "Claim" WHERE status IN ('SELECTED', 'RESEARCHING', 'IN_REVIEW') AND "assigneeId" IS NULL)::int AS "unassignedOpen",
             (SELECT count(*) FROM "Claim" WHERE "duplicateOfId" IS NOT NULL)::int AS "recurringTotal"`,
  ]);
  const weeks: DeskWeek[] = Array.from({ length: options.weeks }, (_, i) => {
    const bucket = i + 1;
    const pub = published.find((p) => p.week === bucket);
    return {
      weekStart: weekStart(now, options.weeks - 1 - i),
      marked: statuses.map((status) => ({ status, count: marked.find((m) => m.week === bucket && m.status === status)?.count ?? 0 })),
      published: pub?.published ?? 0,
      medianHoursToPublish: pub?.medianHours ?? null,
      recurring: recurring.find((r) => r.week === bucket)?.count ?? 0,
    };
  });
  return { weeks, verdicts, openWork, unassignedOpen: totals[0]?.unassignedOpen ?? 0, recurringTotal: totals[0]?.recurringTotal ?? 0 };
}
