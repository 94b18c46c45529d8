import { findSpan } from "@claimdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, startTestApi } from "../support/api.ts";

const body = "ISLAMABAD: Exports rose 12% in January, the ministry said. Imports fell 3% and remittances hit a record.";
const localId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":").slice(1).join(":");

const StatsQuery = `{ deskStats(weeks: 4) {
  unassignedOpen recurringTotal
  weeks { weekStart published medianHoursToPublish recurring marked { status count } }
  verdicts { label count }
  openWork { name selected researching inReview }
} }`;

describe.each(databaseKinds())("deskStats and requestChanges on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  let checker: Client;
  let articleId: string;

  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
    checker = await t.as("checker");
    const created = await checker.ok(
      `mutation($input: CreateArticleInput!) { createArticle(input: $input) { ... on MutationCreateArticleSuccess { data { id } } } }`,
      { input: { title: "Trade figures", body } },
    );
    articleId = created.createArticle.data.id;
  });
  afterAll(async () => t?.stop());

  async function mark(quote: string): Promise<{ id: string; version: number }> {
    const span = findSpan(body, quote)!;
    const r = await checker.ok(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on MutationCreateClaimSuccess { data { id version } } } }`,
      { input: { articleId, spanStart: span.start, spanEnd: span.end, quote } },
    );
    return r.createClaim.data;
  }

  async function toReview(quote: string): Promise<{ id: string; version: number }> {
    const claim = await mark(quote);
    const rating = await t.db.prisma.rating.findFirstOrThrow({ where: { label: "True" } });
    const source = { title: "Trade bulletin", type: "OFFICIAL_STATISTIC", url: `https://stats.example.gov/${encodeURIComponent(quote)}` };
    await checker.ok(`mutation($input: AttachSourceInput!) { attachSource(input: $input) { __typename } }`, {
      input: { claimId: claim.id, stance: "SUPPORTS", source },
    });
    const version = (await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(claim.id) } })).version;
    await checker.ok(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename } }`, {
      input: {
        id: claim.id,
        version,
        ratingId: Buffer.from(`Rating:${rating.id}`).toString("base64"),
        explanation: "The bulletin says so.",
      },
    });
    for (const to of ["RESEARCHING", "IN_REVIEW"])
      await checker.ok(`mutation($id: ID!, $to: ClaimStatus!) { moveClaim(id: $id, to: $to) { __typename ... on Error { message } } }`, {
        id: claim.id,
        to,
      });
    const now = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(claim.id) } });
    expect(now.status).toBe("IN_REVIEW");
    return { id: claim.id, version: now.version };
  }

  it("returns a claim in review with a note, in one step that only editors may take", async () => {
    const claim = await toReview("Exports rose 12% in January");
    const RequestChanges = `mutation($id: ID!, $note: String!, $version: Int) { requestChanges(id: $id, note: $note, version: $version) {
      __typename ... on MutationRequestChangesSuccess { data { status } } ... on ValidationError { fieldErrors { path message } } ... on Error { code message } } }`;

    const byChecker = await checker.ok(RequestChanges, { id: claim.id, note: "Please fix", version: claim.version });
    expect(byChecker.requestChanges.__typename).toBe("ForbiddenError");
    const empty = await editor.ok(RequestChanges, { id: claim.id, note: "   ", version: claim.version });
    expect(empty.requestChanges).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: ["note"], message: "is required" }],
    });
    const stale = await editor.ok(RequestChanges, { id: claim.id, note: "Please fix", version: claim.version - 1 });
    expect(stale.requestChanges.__typename).toBe("ConflictError");
    expect(await t.db.prisma.comment.count({ where: { claimId: localId(claim.id) } })).toBe(0);

    const ok = await editor.ok(RequestChanges, { id: claim.id, note: "Cite the bulletin's table number.", version: claim.version });
    expect(ok.requestChanges).toEqual({ __typename: "MutationRequestChangesSuccess", data: { status: "RESEARCHING" } });
    const stored = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(claim.id) }, include: { comments: true } });
    expect(stored.status).toBe("RESEARCHING");
    expect(stored.comments.map((c) => c.body)).toEqual(["Cite the bulletin's table number."]);
    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: localId(claim.id), action: "claim.requestChanges" } });
    expect(event.after).toMatchObject({ status: "RESEARCHING", note: "Cite the bulletin's table number." });

    const again = await editor.ok(RequestChanges, { id: claim.id, note: "Again", version: stored.version });
    expect(again.requestChanges.__typename).toBe("WorkflowError");
  });

  it("deskStats counts what the database holds, and only staff may read it", async () => {
    const claim = await toReview("Imports fell 3%");
    const published = await editor.ok(
      `mutation($input: PublishFactCheckInput!) { publishFactCheck(input: $input) { __typename ... on Error { message } } }`,
      { input: { claimId: claim.id, version: claim.version, headline: "Yes, imports fell" } },
    );
    expect(published.publishFactCheck.__typename).toBe("MutationPublishFactCheckSuccess");
    await mark("remittances hit a record");

    const started = performance.now();
    const { deskStats } = await editor.ok(StatsQuery);
    console.log(`deskStats on the sample data (${kind}): ${(performance.now() - started).toFixed(0)} ms`);
    expect(deskStats.weeks).toHaveLength(4);
    const thisWeek = deskStats.weeks.at(-1);
    expect(new Date(thisWeek.weekStart).getUTCDay()).toBe(1);
    const monday = new Date(thisWeek.weekStart);

    const byStatus = await t.db.prisma.claim.groupBy({ by: ["status"], where: { createdAt: { gte: monday } }, _count: { _all: true } });
    for (const { status, count } of thisWeek.marked)
      expect(count, status).toBe(byStatus.find((b) => b.status === status)?._count._all ?? 0);

    // Median hours from marking to publication over this week's publications (one of them ours).
    const fcs = await t.db.prisma.factCheck.findMany({
      where: { status: "PUBLISHED", publishedAt: { gte: monday } },
      include: { claim: true },
    });
    expect(fcs.some((f) => f.headline === "Yes, imports fell")).toBe(true);
    const hours = fcs.map((f) => (f.publishedAt.getTime() - f.claim.createdAt.getTime()) / 3_600_000).sort((a, b) => a - b);
    const median = hours.length % 2 ? hours[(hours.length - 1) / 2]! : (hours[hours.length / 2 - 1]! + hours[hours.length / 2]!) / 2;
    expect(thisWeek.published).toBe(fcs.length);
    expect(thisWeek.medianHoursToPublish).toBeCloseTo(median, 4);

    const verdicts = await t.db.prisma.factCheck.groupBy({ by: ["ratingId"], where: { status: "PUBLISHED" }, _count: { _all: true } });
    expect(deskStats.verdicts.reduce((n: number, v: { count: number }) => n + v.count, 0)).toBe(
      verdicts.reduce((n, v) => n + v._count._all, 0),
    );
    expect(deskStats.verdicts.find((v: { label: string }) => v.label === "True")?.count).toBe(1);

    const open = await t.db.prisma.claim.count({
      where: { status: { in: ["SELECTED", "RESEARCHING", "IN_REVIEW"] }, assigneeId: { not: null } },
    });
    expect(
      deskStats.openWork.reduce(
        (n: number, w: { selected: number; researching: number; inReview: number }) => n + w.selected + w.researching + w.inReview,
        0,
      ),
    ).toBe(open);
    expect(deskStats.unassignedOpen).toBe(
      await t.db.prisma.claim.count({ where: { status: { in: ["SELECTED", "RESEARCHING", "IN_REVIEW"] }, assigneeId: null } }),
    );
    expect(deskStats.recurringTotal).toBe(await t.db.prisma.claim.count({ where: { duplicateOfId: { not: null } } }));

    const anonymous = await t.client().request(StatsQuery);
    expect(anonymous.data?.deskStats ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    const viewer = await (await t.as("viewer")).request(StatsQuery);
    expect(viewer.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });

  it("puts each claim in the week it was marked, Monday 00:00 UTC included, over every week asked for", async () => {
    const { deskStats: first } = await editor.ok(StatsQuery);
    const mondays = first.weeks.map((w: { weekStart: string }) => new Date(w.weekStart));
    // Claims marked in earlier weeks: one at the very start of a week, one at its last millisecond.
    const early = await mark("Exports rose 12%");
    const late = await mark("Imports fell 3% and remittances hit a record");
    await t.db.prisma.claim.update({ where: { id: localId(early.id) }, data: { createdAt: mondays[1] } });
    await t.db.prisma.claim.update({ where: { id: localId(late.id) }, data: { createdAt: new Date(mondays[3].getTime() - 1) } });
    const { deskStats } = await editor.ok(StatsQuery);
    for (const [i, week] of deskStats.weeks.entries()) {
      const until = mondays[i + 1] ?? new Date(Date.now() + 86_400_000);
      const counted = await t.db.prisma.claim.count({ where: { createdAt: { gte: mondays[i], lt: until } } });
      const shown = week.marked.reduce((n: number, m: { count: number }) => n + m.count, 0);
      expect(shown, `week of ${week.weekStart}`).toBe(counted);
    }
    expect(deskStats.weeks[1].marked.reduce((n: number, m: { count: number }) => n + m.count, 0)).toBeGreaterThanOrEqual(1);
    expect(deskStats.weeks[2].marked.reduce((n: number, m: { count: number }) => n + m.count, 0)).toBeGreaterThanOrEqual(1);
  });
});
