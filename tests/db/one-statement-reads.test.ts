/**
 * The compiled reads (`db.reads`) must answer exactly as Prisma does
 * (`db.prisma`): the same rows, order, nesting, counts and value types.
 * Each case runs both ways on the sample data and compares deeply; the
 * statements are counted to show which cases the compiler took.
 */
import { createTestDatabase, type TestDatabase } from "@claimdesk/db/testing";
import { seed, withCompiledReads } from "@claimdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";

type Case = [name: string, model: string, operation: string, args: Record<string, unknown>, compiled: boolean];

const cases: Case[] = [
  ["all scalars of every article", "article", "findMany", {}, true],
  [
    "select with a to-many page, its order and _count",
    "article",
    "findMany",
    {
      select: {
        id: true,
        title: true,
        publishedAt: true,
        tags: true,
        _count: { select: { appearances: true } },
        appearances: {
          select: { spanStart: true, claim: { select: { id: true, status: true, checkworthinessReasons: true } } },
          orderBy: [{ spanStart: "asc" }, { id: "asc" }],
          take: 2,
          skip: 1,
        },
      },
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      take: 5,
    },
    true,
  ],
  [
    "include with nested include",
    "claim",
    "findMany",
    {
      include: {
        speaker: true,
        rating: { include: { scale: true } },
        sources: { include: { source: true }, orderBy: { createdAt: "asc" } },
      },
      orderBy: { id: "asc" },
    },
    true,
  ],
  [
    "to-one that is null",
    "claim",
    "findMany",
    { select: { id: true, assignee: { select: { name: true } }, factCheck: { select: { headline: true } } }, orderBy: { id: "asc" } },
    true,
  ],
  [
    "scalar filters",
    "claim",
    "findMany",
    {
      where: {
        status: { in: ["PUBLISHED", "SELECTED"] },
        quote: { contains: "i" },
        OR: [{ speakerId: null }, { speakerId: { not: null } }],
      },
      orderBy: { id: "asc" },
    },
    true,
  ],
  [
    "a % in contains is a wildcard, as in Prisma",
    "claim",
    "findMany",
    { where: { quote: { startsWith: "C%a" } }, select: { id: true } },
    true,
  ],
  [
    "insensitive text and date range",
    "article",
    "findMany",
    {
      where: { title: { contains: "cpec", mode: "insensitive" }, publishedAt: { gte: new Date("2020-01-01"), lt: new Date("2030-01-01") } },
      select: { id: true },
    },
    true,
  ],
  [
    "relation filters",
    "claim",
    "findMany",
    {
      where: {
        factCheck: { is: { status: "PUBLISHED" } },
        sources: { some: { stance: "SUPPORTS" } },
        appearances: { none: { spanStart: { lt: 0 } } },
      },
      select: { id: true },
      orderBy: { id: "asc" },
    },
    true,
  ],
  [
    "shorthand to-one filter and NOT",
    "claim",
    "findMany",
    { where: { factCheck: { status: "PUBLISHED" }, NOT: [{ quote: "" }] }, select: { id: true } },
    true,
  ],
  ["list filters", "article", "findMany", { where: { tags: { has: "cpec" } }, select: { id: true } }, true],
  ["empty in", "claim", "findMany", { where: { id: { in: [] } } }, true],
  [
    "in with quotes, commas, braces and backslashes",
    "claim",
    "findMany",
    {
      where: { OR: [{ id: { in: ["seed-claim-astronauts", 'a,"b}{\\c', "NULL"] } }, { tags: { hasSome: ["x,y", '"'] } }] },
      select: { id: true },
    },
    true,
  ],
  [
    "findFirst",
    "claim",
    "findFirst",
    { where: { status: "PUBLISHED" }, orderBy: { createdAt: "asc" }, select: { id: true, quote: true } },
    true,
  ],
  [
    "findUnique with an extra condition",
    "article",
    "findUnique",
    { where: { id: "seed-article-cpec-two-sessions", AND: [{}] }, select: { id: true, body: true, outlet: { select: { name: true } } } },
    true,
  ],
  ["findUnique that finds nothing", "claim", "findUnique", { where: { id: "no-such-claim" } }, true],
  ["count", "claim", "count", { where: { status: { not: "DISMISSED" } } }, true],
  ["audit JSON", "auditEvent", "findMany", { orderBy: [{ createdAt: "asc" }, { id: "asc" }] }, true],
  ["a cursor goes to Prisma", "claim", "findMany", { cursor: { id: "seed-claim-astronauts" }, take: 2, orderBy: { id: "asc" } }, false],
  [
    "ordering by a relation goes to Prisma",
    "claim",
    "findMany",
    { orderBy: [{ speaker: { name: "asc" } }, { id: "asc" }], select: { id: true } },
    false,
  ],
];

describe.each(databaseKinds())("one-statement reads on %s", (kind) => {
  let db: TestDatabase;
  const statements: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase(kind, { onQuery: (sql: string) => statements.push(sql) });
    await seed(db.prisma);
    await db.prisma.article.update({ where: { id: "seed-article-cpec-two-sessions" }, data: { tags: ["cpec", "space"] } });
    await db.prisma.claim.update({ where: { id: "seed-claim-45-mous" }, data: { tags: ["x,y", "mous"] } });
  });
  afterAll(async () => db?.destroy());

  it.each(cases)("%s", async (name, model, operation, args, compiled) => {
    const call = (client: unknown) =>
      (client as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[model]![operation]!(args);
    const expected = await call(db.prisma);
    statements.length = 0;
    const actual = await call(db.reads);
    expect(actual).toEqual(expected);
    // Prisma's own statements are prefixed with the schema; ours name tables bare.
    const ours = statements.filter((sql) => !sql.includes('"public".'));
    expect(ours.length).toBe(compiled ? 1 : 0);
    // A case that finds nothing would prove little.
    if (Array.isArray(expected) && name !== "empty in") expect(expected.length).toBeGreaterThan(0);
  });

  it.each(cases)("%s, inside a transaction (withCompiledReads)", async (_name, model, operation, args, compiled) => {
    const call = (client: unknown) =>
      (client as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[model]![operation]!(args);
    const expected = await call(db.prisma);
    statements.length = 0;
    const actual = await db.prisma.$transaction(async (tx) => call(withCompiledReads(tx)));
    expect(actual).toEqual(expected);
    expect(statements.filter((sql) => sql.startsWith("SELECT ("))).toHaveLength(compiled ? 1 : 0);
  });

  it("compiled reads in a transaction see its own uncommitted writes, and nothing after a rollback", async () => {
    const id = "claim-inside-a-transaction";
    const seen = await db.prisma
      .$transaction(async (prismaTx) => {
        const tx = withCompiledReads(prismaTx);
        await tx.claim.create({ data: { id, quote: "Written, not committed", claimReviewed: "Written, not committed" } });
        statements.length = 0;
        const found = await tx.claim.findUniqueOrThrow({ where: { id }, select: { id: true, quote: true } });
        const counted = await tx.claim.count({ where: { id } });
        expect(statements.filter((sql) => sql.startsWith("SELECT ("))).toHaveLength(2);
        throw Object.assign(new Error("roll back"), { found, counted });
      })
      .catch((error: { found?: unknown; counted?: unknown }) => error);
    expect(seen).toMatchObject({ found: { id, quote: "Written, not committed" }, counted: 1 });
    expect(await db.prisma.claim.findUnique({ where: { id } })).toBeNull();
    await expect(
      db.prisma.$transaction(async (tx) => withCompiledReads(tx).claim.findUniqueOrThrow({ where: { id } })),
    ).rejects.toMatchObject({ code: "P2025" });
  });

  it("findUnique calls of one tick share one statement, whatever their keys", async () => {
    const ids = ["seed-claim-astronauts", "no-such-claim", "seed-claim-astronauts"];
    statements.length = 0;
    const found = await Promise.all(ids.map((id) => db.reads.claim.findUnique({ where: { id }, select: { id: true, quote: true } })));
    expect(statements).toHaveLength(1);
    expect(found.map((c) => c?.id ?? null)).toEqual(["seed-claim-astronauts", null, "seed-claim-astronauts"]);
    expect(found[0]).toEqual(
      await db.prisma.claim.findUnique({ where: { id: "seed-claim-astronauts" }, select: { id: true, quote: true } }),
    );
  });

  it("inside a transaction Prisma reads on the transaction's connection", async () => {
    statements.length = 0;
    const inside = await db.reads.$transaction(async (tx) => tx.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } }));
    expect(inside).toEqual(await db.prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } }));
    // Ours start with `SELECT (`; Prisma's name the schema, or mark the transaction's ends.
    expect(statements.filter((sql) => sql.startsWith("SELECT ("))).toEqual([]);
    expect(statements.some((sql) => sql.includes('"public"."Claim"'))).toBe(true);
  });

  it("findUniqueOrThrow of a missing row throws Prisma's not-found error", async () => {
    await expect(db.reads.claim.findUniqueOrThrow({ where: { id: "no-such-claim" } })).rejects.toMatchObject({ code: "P2025" });
  });
});
