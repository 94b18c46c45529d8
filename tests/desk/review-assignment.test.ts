/**
 * Review and assignment: reviewer, priority and due date; who approves and
 * returns; "due soon" and "returned to me"; bulk assign (all or nothing, a
 * typed error per claim); the inbox (assigned, review, returned, published,
 * mentions) and its read marks. On both databases; the race on PostgreSQL.
 */
import {
  BulkRefusedError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  assignment,
  claims,
  comments,
  dueSoonWhere,
  evidence,
  factChecks,
  inbox,
  returnedToWhere,
} from "@claimdesk/desk";
import { seed } from "@claimdesk/db";
import { createTestDatabase, type TestDatabase } from "@claimdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { deskAs, failure, users } from "./support.ts";

const day = 86_400_000;
const today = () => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
};

describe.each(databaseKinds())("review and assignment on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seed(db.prisma);
  });
  afterAll(async () => db?.destroy());

  const editor = () => deskAs(db, "editor");
  const checker = () => deskAs(db, "checker");
  const admin = () => deskAs(db, "admin");
  const claim = (id: string) => db.prisma.claim.findUniqueOrThrow({ where: { id } });
  const items = (userId: string, claimId: string) =>
    db.prisma.inboxItem.findMany({ where: { userId, claimId }, orderBy: { createdAt: "asc" } });

  async function newClaim(tag: string): Promise<string> {
    return claims.createClaim(editor(), { quote: `A claim about ${tag}`, tags: [tag] }, async (_tx, id) => id);
  }

  /** Assigned to the checker, researched, with a verdict, explanation and source, submitted for review. */
  async function inReview(tag: string, reviewerId?: string): Promise<string> {
    const id = await newClaim(tag);
    await claims.assignClaim(editor(), id, users.checker.id);
    if (reviewerId) await assignment.planClaim(editor(), { id, reviewerId });
    await claims.moveClaim(editor(), id, "SELECTED");
    await claims.moveClaim(checker(), id, "RESEARCHING");
    await evidence.attachSource(checker(), {
      claimId: id,
      source: { title: `On ${tag}`, url: `https://src.example/${tag}` },
      stance: "SUPPORTS",
    });
    const rating = await db.prisma.rating.findFirstOrThrow({ where: { label: "True" } });
    await claims.updateClaim(checker(), { id, version: (await claim(id)).version, ratingId: rating.id, explanation: "It holds." });
    await claims.moveClaim(checker(), id, "IN_REVIEW");
    return id;
  }

  it("editors set a reviewer, priority and due date, versioned and audited; others and bad values are refused", async () => {
    const id = await newClaim("planning");
    const before = await claim(id);
    await assignment.planClaim(editor(), {
      id,
      version: before.version,
      reviewerId: users.editor.id,
      priority: "URGENT",
      dueDate: new Date("2026-12-24T15:30:00Z"),
    });
    const planned = await claim(id);
    expect(planned).toMatchObject({ reviewerId: users.editor.id, priority: "URGENT", version: before.version + 1 });
    expect(planned.dueDate?.toISOString()).toBe("2026-12-24T00:00:00.000Z");
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "claim.plan" } });
    expect(event.before).toEqual({ reviewerId: null, priority: "NORMAL", dueDate: null });
    expect(event.after).toMatchObject({ reviewerId: users.editor.id, priority: "URGENT" });

    await failure(assignment.planClaim(checker(), { id, priority: "LOW" }), ForbiddenError);
    await failure(assignment.planClaim(editor(), { id, version: before.version, priority: "LOW" }), ConflictError);
    const notReviewer = await failure(assignment.planClaim(editor(), { id, reviewerId: users.checker.id }), ValidationError);
    expect(notReviewer.fieldErrors[0]!.path).toEqual(["input", "reviewerId"]);
    await failure(assignment.planClaim(editor(), { id, reviewerId: "no-such-user" }), NotFoundError);
    const badDay = await failure(assignment.planClaim(editor(), { id, dueDate: new Date("1999-01-01T00:00:00Z") }), ValidationError);
    expect(badDay.fieldErrors[0]!.path).toEqual(["input", "dueDate"]);
    await failure(assignment.planClaim(editor(), { id, priority: "SOMEDAY" as never }), ValidationError);
    // Four eyes: the reviewer is not also the fact-checker, whichever is set second.
    await failure(claims.assignClaim(editor(), id, users.editor.id), ValidationError);
    expect((await claim(id)).assigneeId).toBeNull();
    await assignment.planClaim(editor(), { id, clearReviewer: true, clearDueDate: true });
    expect(await claim(id)).toMatchObject({ reviewerId: null, dueDate: null, priority: "URGENT" });
  });

  it("the reviewer approves or returns; another editor may not; returned work is 'returned to me' until resubmitted", async () => {
    const id = await inReview("review-policy", users.admin.id);
    // Submitting for review put it in the reviewer's inbox.
    expect((await items(users.admin.id, id)).map((i) => i.kind)).toEqual(["REVIEW_REQUESTED"]);
    const version = (await claim(id)).version;
    await failure(claims.requestChanges(editor(), id, "Not you", version), ForbiddenError);
    await failure(factChecks.publishFactCheck(editor(), { claimId: id, version, headline: "H" }), ForbiddenError);
    await claims.requestChanges(admin(), id, "Cite the table itself, @Fatima.", version);
    const returned = await claim(id);
    expect(returned.status).toBe("RESEARCHING");
    expect(returned.changesRequestedAt).toBeInstanceOf(Date);
    // The note reaches the fact-checker once (as the return, not again as a mention).
    const checkerItems = await items(users.checker.id, id);
    expect(checkerItems.map((i) => i.kind)).toEqual(["ASSIGNED", "RETURNED"]);
    expect(checkerItems[1]!.commentId).not.toBeNull();
    const mine = await db.prisma.claim.findMany({ where: { AND: [returnedToWhere(users.checker.id), { id }] } });
    expect(mine.map((c) => c.id)).toEqual([id]);
    expect(await db.prisma.claim.count({ where: { AND: [returnedToWhere(users.editor.id), { id }] } })).toBe(0);

    await claims.moveClaim(checker(), id, "IN_REVIEW");
    expect((await claim(id)).changesRequestedAt).toBeNull();
    expect(await db.prisma.claim.count({ where: { AND: [returnedToWhere(users.checker.id), { id }] } })).toBe(0);
    expect((await items(users.admin.id, id)).map((i) => i.kind)).toEqual(["REVIEW_REQUESTED", "REVIEW_REQUESTED"]);

    // Without a reviewer, any editor reviews; publishing tells the fact-checker.
    await assignment.planClaim(admin(), { id, clearReviewer: true });
    await factChecks.publishFactCheck(editor(), { claimId: id, version: (await claim(id)).version, headline: "It holds" });
    expect((await items(users.checker.id, id)).map((i) => i.kind)).toEqual(["ASSIGNED", "RETURNED", "PUBLISHED"]);
    // The editor created the claim, but published it themself: nothing for them.
    expect(await items(users.editor.id, id)).toEqual([]);
  });

  it("'due soon' is open claims due within three days, overdue ones included", async () => {
    const tag = "due-soon";
    const make = async (offsetDays: number | null, status?: "DISMISSED") => {
      const id = await newClaim(`${tag} ${offsetDays}`);
      if (offsetDays !== null) await assignment.planClaim(editor(), { id, dueDate: new Date(today() + offsetDays * day) });
      if (status) await claims.moveClaim(editor(), id, status);
      return id;
    };
    const overdue = await make(-2);
    const todayId = await make(0);
    const inThree = await make(3);
    const made = [overdue, todayId, inThree, await make(4), await make(null), await make(1, "DISMISSED")];
    const found = await db.prisma.claim.findMany({ where: { AND: [dueSoonWhere(), { id: { in: made } }] }, orderBy: { dueDate: "asc" } });
    expect(found.map((c) => c.id)).toEqual([overdue, todayId, inThree]);
  });

  it("bulk assign writes all claims or none, with a typed error for each that cannot be assigned", async () => {
    const a = await newClaim("bulk a");
    const b = await newClaim("bulk b");
    const c = await newClaim("bulk c");
    await assignment.planClaim(editor(), { id: c, reviewerId: users.admin.id });
    const v = async (id: string) => (await claim(id)).version;
    const audits = () => db.prisma.auditEvent.count({ where: { action: "claim.assign", entityId: { in: [a, b, c] } } });

    // b changed since the list was read, c is reviewed by the chosen assignee, and one id names nothing.
    const stale = await v(b);
    await claims.updateClaim(editor(), { id: b, version: stale, tags: ["bulk", "edited"] });
    const refused = await failure(
      assignment.bulkAssign(editor(), {
        claims: [
          { id: a, version: await v(a) },
          { id: b, version: stale },
          { id: c, version: await v(c) },
          { id: "no-such-claim", version: 1 },
        ],
        assigneeId: users.admin.id,
      }),
      BulkRefusedError,
    );
    expect(refused.failures.map((f) => [f.claimId, f.error.code])).toEqual([
      [b, "CONFLICT"],
      [c, "BAD_USER_INPUT"],
      ["no-such-claim", "NOT_FOUND"],
    ]);
    expect((refused.failures[0]!.error as ConflictError).current.version).toBe(stale + 1);
    // Nothing was written: a is not assigned, no audit event, no inbox item.
    expect((await claim(a)).assigneeId).toBeNull();
    expect(await audits()).toBe(0);
    expect(await db.prisma.inboxItem.count({ where: { claimId: { in: [a, b, c] } } })).toBe(0);

    const assigned = await assignment.bulkAssign(editor(), {
      claims: [
        { id: a, version: await v(a) },
        { id: b, version: await v(b) },
        { id: c, version: await v(c) },
      ],
      assigneeId: users.checker.id,
    });
    expect(assigned).toEqual([a, b, c]);
    for (const id of [a, b, c]) expect((await claim(id)).assigneeId).toBe(users.checker.id);
    const events = await db.prisma.auditEvent.findMany({ where: { action: "claim.assign", entityId: { in: [a, b, c] } } });
    expect(events.map((e) => e.after)).toEqual(Array(3).fill({ assigneeId: users.checker.id, bulk: true }));
    expect(await db.prisma.inboxItem.count({ where: { userId: users.checker.id, kind: "ASSIGNED", claimId: { in: [a, b, c] } } })).toBe(3);

    await failure(
      assignment.bulkAssign(checker(), { claims: [{ id: a, version: await v(a) }], assigneeId: users.checker.id }),
      ForbiddenError,
    );
    await failure(assignment.bulkAssign(editor(), { claims: [], assigneeId: users.checker.id }), ValidationError);
    const twice = await failure(
      assignment.bulkAssign(editor(), {
        claims: [
          { id: a, version: 1 },
          { id: a, version: 1 },
        ],
        assigneeId: null,
      }),
      ValidationError,
    );
    expect(twice.fieldErrors[0]!.path.slice(0, 2)).toEqual(["input", "claims"]);
    await failure(
      assignment.bulkAssign(editor(), { claims: [{ id: a, version: await v(a) }], assigneeId: users.viewer.id }),
      ValidationError,
    );
  });

  it("a comment's @mentions reach the inbox of each colleague named, once, and not the writer", async () => {
    const id = await newClaim("mentions");
    await comments.addComment(editor(), {
      claimId: id,
      body: "@fatima checker can you look? Also @ADMIN and @Eddie. Not a mention: someone@checker.example, @checkers",
    });
    const mentioned = await db.prisma.inboxItem.findMany({ where: { claimId: id, kind: "MENTIONED" }, orderBy: { userId: "asc" } });
    expect(mentioned.map((m) => m.userId)).toEqual([users.admin.id, users.checker.id]);
    expect(new Set(mentioned.map((m) => m.actorId))).toEqual(new Set([users.editor.id]));
    const comment = await db.prisma.comment.findFirstOrThrow({ where: { claimId: id } });
    expect(mentioned.every((m) => m.commentId === comment.id)).toBe(true);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "comment.add" } });
    expect((audit.after as { mentioned: string[] }).mentioned.sort()).toEqual([users.admin.id, users.checker.id]);
    // A viewer cannot read the desk, so cannot be mentioned.
    await comments.addComment(editor(), { claimId: id, body: "@viewer @Vik Viewer" });
    expect(await db.prisma.inboxItem.count({ where: { userId: users.viewer.id } })).toBe(0);
  });

  it("marks read only the reader's own items", async () => {
    const id = await newClaim("read marks");
    await comments.addComment(checker(), { claimId: id, body: "@Eddie Editor and @Ada Admin, please see." });
    const [forEditor] = await items(users.editor.id, id);
    const [forAdmin] = await items(users.admin.id, id);
    const editorUnread = await db.prisma.inboxItem.count({ where: { userId: users.editor.id, readAt: null } });
    const left = await inbox.markRead(editor(), { ids: [forEditor!.id, forAdmin!.id] });
    expect(left).toBe(editorUnread - 1);
    expect((await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: forEditor!.id } })).readAt).toBeInstanceOf(Date);
    expect((await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: forAdmin!.id } })).readAt).toBeNull();
    expect(await inbox.markRead(admin(), { all: true })).toBe(0);
    await failure(inbox.markRead(deskAs(db, "viewer"), { all: true }), ForbiddenError);
  });
});

describe.runIf(databaseKinds().includes("postgres"))("bulk assign racing a save on postgres", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    await seed(db.prisma);
  });
  afterAll(async () => db?.destroy());

  it("either the save or the whole bulk assign wins; the loser is told, and nothing is half-written", async () => {
    const rounds = 40;
    const outcomes = { saveWon: 0, bulkWon: 0 };
    const editor = deskAs(db, "editor");
    const make = (tag: string) => claims.createClaim(editor, { quote: `Race ${tag}` }, async (_tx, id) => id);
    for (let round = 0; round < rounds; round++) {
      const raced = await make(`raced ${round}`);
      const bystander = await make(`bystander ${round}`);
      const [r, b] = await db.prisma.claim.findMany({ where: { id: { in: [raced, bystander] } }, orderBy: { quote: "asc" } });
      const racedRow = r!.id === raced ? r! : b!;
      const bystanderRow = r!.id === raced ? b! : r!;
      const [save, bulk] = await Promise.allSettled([
        claims.updateClaim(deskAs(db, "editor"), { id: raced, version: racedRow.version, tags: [`round ${round}`] }),
        assignment.bulkAssign(editor, {
          claims: [
            { id: bystander, version: bystanderRow.version },
            { id: raced, version: racedRow.version },
          ],
          assigneeId: users.checker.id,
        }),
      ]);
      const after = await db.prisma.claim.findMany({ where: { id: { in: [raced, bystander] } } });
      const racedAfter = after.find((c) => c.id === raced)!;
      const bystanderAfter = after.find((c) => c.id === bystander)!;
      if (bulk.status === "fulfilled") {
        outcomes.bulkWon++;
        expect(racedAfter.assigneeId).toBe(users.checker.id);
        expect(bystanderAfter.assigneeId).toBe(users.checker.id);
        expect(save.status).toBe("rejected");
        expect((save as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
        expect(racedAfter.tags).toEqual([]);
      } else {
        outcomes.saveWon++;
        expect(bulk.reason).toBeInstanceOf(BulkRefusedError);
        expect((bulk.reason as BulkRefusedError).failures.map((f) => [f.claimId, f.error.code])).toEqual([[raced, "CONFLICT"]]);
        expect(save.status).toBe("fulfilled");
        expect(racedAfter.tags).toEqual([`round ${round}`]);
        // All or nothing: the bystander was not assigned either, and nobody was told it was.
        expect(bystanderAfter.assigneeId).toBeNull();
        expect(await db.prisma.inboxItem.count({ where: { claimId: bystander } })).toBe(0);
      }
      const assignEvents = await db.prisma.auditEvent.count({ where: { action: "claim.assign", entityId: { in: [raced, bystander] } } });
      expect(assignEvents).toBe(bulk.status === "fulfilled" ? 2 : 0);
    }
    console.log(`bulk assign vs save, ${rounds} rounds: ${JSON.stringify(outcomes)}`);
    expect(outcomes.saveWon + outcomes.bulkWon).toBe(rounds);
  }, 120_000);
});
