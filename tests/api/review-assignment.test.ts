/**
 * Review and assignment over GraphQL: planning fields and the Date scalar,
 * the "due soon" and "returned to me" filters, bulk assign's per-claim typed
 * errors, and the viewer's inbox with its unread count and read marks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

const localId = (id: string) => Buffer.from(id, "base64").toString().split(":").slice(1).join(":");
const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

const Plan = `mutation($input: PlanClaimInput!) { planClaim(input: $input) { __typename
  ... on MutationPlanClaimSuccess { data { version priority dueDate reviewer { name } viewerCan { plan review } } }
  ... on ValidationError { fieldErrors { path message } } ... on Error { code message } } }`;
const Bulk = `mutation($claims: [BulkClaimRef!]!, $a: ID) { bulkAssignClaims(claims: $claims, assigneeId: $a) { __typename
  ... on MutationBulkAssignClaimsSuccess { data { id assignee { name } } }
  ... on BulkRefusedError { code message failures { claimId error { __typename code message ... on ConflictError { currentVersion } } } }
  ... on Error { code message } } }`;
const Claims = `query($filter: ClaimFilter) { claims(first: 100, filter: $filter, orderBy: { field: DUE_DATE, direction: ASC }) { totalCount edges { node { id dueDate } } } }`;
const Inbox = `{ inboxUnreadCount inbox(first: 20) { totalCount edges { node { id kind read actor { name } claim { id } comment { body } } } } }`;

describe.each(databaseKinds())("review and assignment over GraphQL on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  let checker: Client;
  const checkerId = globalId("User", "seed-user-checker");
  const editorId = globalId("User", "seed-user-editor");

  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
    checker = await t.as("checker");
  });
  afterAll(async () => t?.stop());

  async function claim(quote: string): Promise<{ id: string; version: number }> {
    const r = await editor.ok(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on MutationCreateClaimSuccess { data { id version } } } }`,
      { input: { quote } },
    );
    return r.createClaim.data;
  }

  it("plans a claim with a calendar-day due date; a bad day or a fact-checker is refused with a typed error", async () => {
    const c = await claim("Planned claim");
    const ok = await editor.ok(Plan, {
      input: { id: c.id, version: c.version, reviewerId: editorId, priority: "HIGH", dueDate: "2026-12-24" },
    });
    expect(ok.planClaim).toMatchObject({
      __typename: "MutationPlanClaimSuccess",
      data: {
        version: c.version + 1,
        priority: "HIGH",
        dueDate: "2026-12-24",
        reviewer: { name: "Eddie Editor" },
        viewerCan: { plan: true, review: false },
      },
    });
    const badDay = await editor.request(Plan, { input: { id: c.id, dueDate: "2026-02-30" } });
    expect(badDay.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const stale = await editor.ok(Plan, { input: { id: c.id, version: c.version, priority: "LOW" } });
    expect(stale.planClaim.__typename).toBe("ConflictError");
    const byChecker = await checker.ok(Plan, { input: { id: c.id, priority: "LOW" } });
    expect(byChecker.planClaim.__typename).toBe("ForbiddenError");
    const checkerReviews = await editor.ok(Plan, { input: { id: c.id, reviewerId: checkerId } });
    expect(checkerReviews.planClaim).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "reviewerId"] }] });
  });

  it("filters claims due soon, and those returned to the viewer", async () => {
    const soon = await claim("Due tomorrow");
    const later = await claim("Due next month");
    const late = await claim("Overdue");
    for (const [c, due] of [
      [soon, day(1)],
      [later, day(30)],
      [late, day(-1)],
    ] as const)
      await editor.ok(Plan, { input: { id: c.id, dueDate: due } });
    const { claims } = await editor.ok(Claims, { filter: { dueSoon: true } });
    const ids = claims.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toEqual(expect.arrayContaining([soon.id, late.id]));
    expect(ids).not.toContain(later.id);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(soon.id));
    const expected = await t.db.prisma.claim.count({
      where: { dueDate: { lte: new Date(`${day(3)}T00:00:00Z`) }, status: { notIn: ["PUBLISHED", "DISMISSED"] } },
    });
    expect(claims.totalCount).toBe(expected);

    // Returned: the seeded claim in research, submitted and sent back by its reviewer.
    const id = globalId("Claim", "seed-claim-45-mous");
    const move = `mutation($id: ID!, $to: ClaimStatus!) { moveClaim(id: $id, to: $to) { __typename ... on Error { message } } }`;
    expect((await checker.ok(move, { id, to: "IN_REVIEW" })).moveClaim.__typename).toBe("MutationMoveClaimSuccess");
    const { version } = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-45-mous" } });
    const back = await editor.ok(
      `mutation($id: ID!, $v: Int) { requestChanges(id: $id, note: "Which 45? @Fatima", version: $v) { __typename } }`,
      {
        id,
        v: version,
      },
    );
    expect(back.requestChanges.__typename).toBe("MutationRequestChangesSuccess");
    const returned = await checker.ok(Claims, { filter: { returnedToMe: true } });
    expect(returned.claims.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([id]);
    expect((await editor.ok(Claims, { filter: { returnedToMe: true } })).claims.totalCount).toBe(0);

    const mine = await checker.ok(Inbox);
    const kinds = mine.inbox.edges.map((e: { node: { kind: string; claim: { id: string } } }) => [e.node.kind, e.node.claim.id]);
    expect(kinds).toContainEqual(["RETURNED", id]);
    const item = mine.inbox.edges.find((e: { node: { kind: string } }) => e.node.kind === "RETURNED").node;
    expect(item).toMatchObject({ read: false, actor: { name: "Eddie Editor" }, comment: { body: "Which 45? @Fatima" } });
    expect(mine.inboxUnreadCount).toBe(await t.db.prisma.inboxItem.count({ where: { userId: "seed-user-checker", readAt: null } }));
  });

  it("bulk assigns all or none; each refused claim comes back with its own typed error", async () => {
    const a = await claim("Bulk one");
    const b = await claim("Bulk two");
    await editor.ok(Plan, { input: { id: b.id, priority: "URGENT" } }); // b moves to version 2: the list's version is stale
    const refused = await editor.ok(Bulk, { claims: [a, b, { id: globalId("Claim", "gone"), version: 1 }], a: checkerId });
    expect(refused.bulkAssignClaims).toMatchObject({
      __typename: "BulkRefusedError",
      code: "BULK_REFUSED",
      failures: [
        { claimId: b.id, error: { __typename: "ConflictError", code: "CONFLICT", currentVersion: b.version + 1 } },
        { claimId: globalId("Claim", "gone"), error: { __typename: "NotFoundError", code: "NOT_FOUND" } },
      ],
    });
    expect((await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(a.id) } })).assigneeId).toBeNull();

    const ok = await editor.ok(Bulk, { claims: [a, { id: b.id, version: b.version + 1 }], a: checkerId });
    expect(ok.bulkAssignClaims).toEqual({
      __typename: "MutationBulkAssignClaimsSuccess",
      data: [
        { id: a.id, assignee: { name: "Fatima Checker" } },
        { id: b.id, assignee: { name: "Fatima Checker" } },
      ],
    });
    expect((await checker.ok(Bulk, { claims: [a], a: null })).bulkAssignClaims.__typename).toBe("ForbiddenError");
    const tooMany = await editor.ok(Bulk, { claims: [], a: checkerId });
    expect(tooMany.bulkAssignClaims.__typename).toBe("ValidationError");
  });

  it("the inbox is the viewer's own: mentions land there, read marks change only one's own items", async () => {
    const c = await claim("Mention me");
    await checker.ok(`mutation($id: ID!) { addComment(claimId: $id, body: "@Eddie Editor, is this ours?") { __typename } }`, { id: c.id });
    const mine = await editor.ok(Inbox);
    const mention = mine.inbox.edges.find(
      (e: { node: { kind: string; claim: { id: string } } }) => e.node.kind === "MENTIONED" && e.node.claim.id === c.id,
    );
    expect(mention.node).toMatchObject({
      read: false,
      actor: { name: "Fatima Checker" },
      comment: { body: "@Eddie Editor, is this ours?" },
    });
    // Someone else's item is not theirs to read or mark.
    expect((await checker.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: mention.node.id })).node).toBeNull();
    const Mark = `mutation($ids: [ID!], $all: Boolean) { markInboxRead(ids: $ids, all: $all) { __typename ... on MutationMarkInboxReadSuccess { data { unreadCount } } } }`;
    await checker.ok(Mark, { ids: [mention.node.id] });
    expect((await t.db.prisma.inboxItem.findUniqueOrThrow({ where: { id: localId(mention.node.id) } })).readAt).toBeNull();
    const marked = await editor.ok(Mark, { ids: [mention.node.id] });
    expect(marked.markInboxRead.data.unreadCount).toBe(mine.inboxUnreadCount - 1);
    const all = await editor.ok(Mark, { all: true });
    expect(all.markInboxRead.data.unreadCount).toBe(0);
    expect((await editor.ok(Inbox)).inboxUnreadCount).toBe(0);
    const anonymous = await t.client().request(Inbox);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
