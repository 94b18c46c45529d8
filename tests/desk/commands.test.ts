/**
 * The desk's rules, command by command, without HTTP: on both databases.
 */
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  WorkflowError,
  articles,
  claims,
  comments,
  deskPermissions,
  evidence,
  factChecks,
  publishedRecord,
  publishedRecordSelect,
  sources,
  viewerCan,
} from "@claimdesk/desk";
import { seed } from "@claimdesk/db";
import { createTestDatabase, type TestDatabase } from "@claimdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { deskAs, failure } from "./support.ts";

const published = "seed-factcheck-china-growth";
const publishedClaim = "seed-claim-china-growth";

describe.each(databaseKinds())("desk commands on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seed(db.prisma);
  });
  afterAll(async () => db?.destroy());

  const record = async (id = published) => {
    const row = await db.prisma.factCheck.findUniqueOrThrow({ where: { id }, select: publishedRecordSelect });
    return (await publishedRecord(db.prisma, row, "https://desk.example"))!;
  };
  const version = async (id: string) => (await db.prisma.claim.findUniqueOrThrow({ where: { id } })).version;
  const rating = async (label: string) => (await db.prisma.rating.findFirstOrThrow({ where: { label, scale: { isDefault: true } } })).id;

  /** A claim taken to IN_REVIEW with a verdict, an explanation and one source. */
  async function claimInReview(tag: string): Promise<string> {
    const editor = deskAs(db, "editor");
    const claim = await claims.createClaim(editor, { quote: `A claim to publish (${tag})`, tags: [tag] }, async (_tx, id) => id);
    await claims.assignClaim(editor, claim, "seed-user-checker");
    const checker = deskAs(db, "checker");
    await claims.moveClaim(checker, claim, "SELECTED").catch(() => {});
    await claims.moveClaim(editor, claim, "SELECTED");
    await claims.moveClaim(checker, claim, "RESEARCHING");
    await evidence.attachSource(checker, {
      claimId: claim,
      source: { title: `Release ${tag}`, url: `https://stats.example.gov/${tag}` },
      stance: "SUPPORTS",
      passage: "4.1%",
    });
    await claims.updateClaim(checker, {
      id: claim,
      version: await version(claim),
      ratingId: await rating("True"),
      explanation: `Explained (${tag})`,
    });
    await claims.moveClaim(checker, claim, "IN_REVIEW");
    return claim;
  }

  it("the sample fact-check was published with a snapshot of what the public reads", async () => {
    const r = await record();
    expect(r.claimReviewed).toBe("China has sustained economic growth of about 5% a year.");
    expect(r.rating).toMatchObject({ label: "Mostly true" });
    expect(r.evidence.map((e) => e.source.title)).toHaveLength(2);
    expect(r.appearances[0]!.article.title).toBeTruthy();
  });

  it("a stale save is one ConflictError shape for claims, articles and sources, carrying the current record", async () => {
    const checker = deskAs(db, "checker");
    const current = await version("seed-claim-45-mous");
    await claims.updateClaim(checker, { id: "seed-claim-45-mous", version: current, tags: ["cpec"] });
    const claim = await failure(
      claims.updateClaim(checker, { id: "seed-claim-45-mous", version: current, tags: ["stale"] }),
      ConflictError,
    );
    expect(claim).toMatchObject({
      code: "CONFLICT",
      entity: "Claim",
      current: { id: "seed-claim-45-mous", version: current + 1, tags: ["cpec"] },
    });

    const source = await db.prisma.source.findUniqueOrThrow({ where: { id: "seed-source-wipo-stats" } });
    await sources.updateSource(checker, { id: source.id, version: source.version, publisher: "WIPO" });
    const stale = await failure(
      sources.updateSource(checker, { id: source.id, version: source.version, publisher: "Other" }),
      ConflictError,
    );
    expect(stale).toMatchObject({ entity: "Source", current: { id: source.id, version: source.version + 1, publisher: "WIPO" } });

    const article = await db.prisma.article.findUniqueOrThrow({ where: { id: "seed-article-cpec-two-sessions" } });
    await articles.updateArticle(checker, { id: article.id, version: article.version, byline: "Staff" });
    const staleArticle = await failure(
      articles.updateArticle(checker, { id: article.id, version: article.version, byline: "Other" }),
      ConflictError,
    );
    expect(staleArticle).toMatchObject({ entity: "Article", current: { id: article.id, version: article.version + 1, byline: "Staff" } });
  });

  it("only the assignee or an editor edits a claim; viewers and outsiders are refused before anything is read", async () => {
    const claim = await claims.createClaim(deskAs(db, "editor"), { quote: "Nobody's claim yet" }, async (_tx, id) => id);
    await failure(claims.updateClaim(deskAs(db, "checker"), { id: claim, version: 1, tags: ["mine"] }), ForbiddenError);
    await claims.updateClaim(deskAs(db, "editor"), { id: claim, version: 1, tags: ["editor"] });
    await failure(
      claims.createClaim(deskAs(db, "viewer"), { quote: "x" }, async () => null),
      ForbiddenError,
    );
    await failure(
      claims.createClaim(deskAs(db, null), { quote: "x" }, async () => null),
      ForbiddenError,
    );
    await failure(comments.addComment(deskAs(db, "viewer"), { claimId: claim, body: "hi" }), ForbiddenError);
    await failure(claims.assignClaim(deskAs(db, "checker"), claim, "seed-user-checker"), ForbiddenError);
    await failure(claims.assignClaim(deskAs(db, "editor"), claim, "seed-user-viewer"), ValidationError);
    await failure(claims.updateClaim(deskAs(db, "editor"), { id: "no-such-claim", version: 1 }), NotFoundError);
  });

  it("input is validated by the desk's schemas, enums taken from Prisma's", async () => {
    const checker = deskAs(db, "checker");
    const error = await failure(
      sources.createSource(checker, { title: "", url: "javascript:alert(1)", type: "BLOG" as never }),
      ValidationError,
    );
    expect(error.fieldErrors.map((e) => e.path.at(-1)).sort()).toEqual(["title", "type", "url"]);
    const span = await failure(
      claims.createClaim(checker, { quote: "x", spanStart: 3 }, async () => null),
      ValidationError,
    );
    expect(span.fieldErrors[0]!.path).toEqual(["input", "spanEnd"]);
  });

  it("the policy answers what clients show: claim controls and desk pages", () => {
    const viewer = (role: "EDITOR" | "FACT_CHECKER" | "VIEWER", id = "u") => ({
      id,
      role,
      name: id,
      via: { kind: "session" as const, sessionId: "s" },
    });
    expect(viewerCan(viewer("FACT_CHECKER", "me"), { status: "RESEARCHING", assigneeId: "me" })).toMatchObject({
      edit: true,
      publish: false,
      assign: false,
      moves: ["IN_REVIEW"],
    });
    expect(viewerCan(viewer("FACT_CHECKER", "me"), { status: "RESEARCHING", assigneeId: "other" })).toMatchObject({
      edit: false,
      editEvidence: false,
      moves: [],
    });
    expect(viewerCan(viewer("EDITOR"), { status: "IN_REVIEW", assigneeId: null })).toMatchObject({
      edit: true,
      publish: true,
      assign: true,
      correct: false,
    });
    expect(viewerCan(viewer("EDITOR"), { status: "PUBLISHED", assigneeId: null })).toMatchObject({
      edit: false,
      editDetails: true,
      publish: false,
      correct: true,
      unpublish: true,
    });
    const readOnlyToken = { id: "e", role: "EDITOR" as const, name: "e", via: { kind: "token" as const, tokenId: "t", scopes: ["read"] } };
    expect(viewerCan(readOnlyToken, { status: "IN_REVIEW", assigneeId: null })).toMatchObject({
      edit: false,
      publish: false,
      assign: false,
      moves: [],
    });
    expect(deskPermissions(viewer("VIEWER"))).toEqual({
      readTheDesk: false,
      workTheDesk: false,
      assign: false,
      plan: false,
      publish: false,
      correct: false,
      administer: false,
      readInbox: false,
    });
    expect(deskPermissions(null).readTheDesk).toBe(false);
  });

  it("publishing takes the version the editor reviewed; a fact-checker cannot publish; preconditions are named", async () => {
    const claim = await claimInReview("publish-rules");
    const reviewed = await version(claim);
    await failure(factChecks.publishFactCheck(deskAs(db, "checker"), { claimId: claim, version: reviewed, headline: "H" }), ForbiddenError);
    const stale = await failure(
      factChecks.publishFactCheck(deskAs(db, "editor"), { claimId: claim, version: reviewed - 1, headline: "H" }),
      ConflictError,
    );
    expect(stale).toMatchObject({ entity: "Claim", current: { id: claim, version: reviewed } });
    const id = await factChecks.publishFactCheck(deskAs(db, "editor"), { claimId: claim, version: reviewed, headline: "Checked" });
    const r = await record(id);
    expect(r).toMatchObject({
      headline: "Checked",
      claimReviewed: "A claim to publish (publish-rules)",
      explanation: "Explained (publish-rules)",
      tags: ["publish-rules"],
      rating: { label: "True" },
    });
    expect(r.evidence).toEqual([
      { stance: "SUPPORTS", passage: "4.1%", location: null, source: expect.objectContaining({ title: "Release publish-rules" }) },
    ]);
    expect((await db.prisma.claim.findUniqueOrThrow({ where: { id: claim } })).status).toBe("PUBLISHED");

    const empty = await claims.createClaim(deskAs(db, "editor"), { quote: "Nothing researched" }, async (_tx, id) => id);
    await claims.moveClaim(deskAs(db, "editor"), empty, "SELECTED");
    await claims.moveClaim(deskAs(db, "editor"), empty, "RESEARCHING");
    await claims.moveClaim(deskAs(db, "editor"), empty, "IN_REVIEW");
    const missing = await failure(
      factChecks.publishFactCheck(deskAs(db, "editor"), { claimId: empty, version: await version(empty), headline: "H" }),
      WorkflowError,
    );
    expect(missing.missing).toEqual(["VERDICT", "EXPLANATION", "SOURCE"]);
    expect(await db.prisma.factCheck.count({ where: { claimId: empty } })).toBe(0);
  });

  it("published means frozen: desk edits of the claim, its sources and its article change the desk, not the publication", async () => {
    const before = await record();
    const editor = deskAs(db, "editor");
    // The published lock: wording, verdict and explanation.
    await failure(
      claims.updateClaim(editor, { id: publishedClaim, version: await version(publishedClaim), ratingId: await rating("False") }),
      WorkflowError,
    );
    // Desk data of a published claim may change, without touching the publication.
    await claims.updateClaim(deskAs(db, "checker"), {
      id: publishedClaim,
      version: await version(publishedClaim),
      tags: ["changed"],
      claimDate: new Date("2020-01-01T00:00:00Z"),
    });
    // Evidence of a published claim is refused.
    const cited = await db.prisma.claimSource.findFirstOrThrow({ where: { claimId: publishedClaim } });
    await failure(evidence.updateEvidence(editor, { id: cited.id, passage: "rewritten" }), WorkflowError);
    await failure(evidence.detachSource(editor, cited.id), WorkflowError);
    // Sources and articles are library records: editing them changes the desk only.
    const source = await db.prisma.source.findUniqueOrThrow({ where: { id: cited.sourceId } });
    await sources.updateSource(deskAs(db, "checker"), {
      id: source.id,
      version: source.version,
      title: "Renamed on the desk",
      url: "https://elsewhere.example/renamed",
    });
    const appearance = await db.prisma.claimAppearance.findFirstOrThrow({ where: { claimId: publishedClaim } });
    const article = await db.prisma.article.findUniqueOrThrow({ where: { id: appearance.articleId } });
    await articles.updateArticle(deskAs(db, "checker"), {
      id: article.id,
      version: article.version,
      title: "Retitled on the desk",
      canonicalUrl: "https://elsewhere.example/article",
    });
    expect(await record()).toEqual(before);
  });

  it("a correction is the only way the public record changes: dated, with what changed and why, and it can republish the desk", async () => {
    const editor = deskAs(db, "editor");
    await failure(
      factChecks.addCorrection(deskAs(db, "checker"), { factCheckId: published, whatChanged: "x", reason: "y" }),
      ForbiddenError,
    );
    await failure(factChecks.addCorrection(editor, { factCheckId: published, whatChanged: "", reason: "" }), ValidationError);
    const fc = await db.prisma.factCheck.findUniqueOrThrow({ where: { id: published } });
    await factChecks.addCorrection(editor, {
      factCheckId: published,
      version: fc.version,
      whatChanged: "Verdict changed to False",
      reason: "Revised figures",
      ratingId: await rating("False"),
    });
    let r = await record();
    expect(r.rating).toMatchObject({ label: "False" });
    expect(r.corrections).toBeGreaterThan(0);
    expect(r.dateModified).toBeInstanceOf(Date);
    expect(r.tags).not.toEqual(["changed"]); // desk edits are not published by a correction that does not say so
    const stale = await failure(
      factChecks.addCorrection(editor, { factCheckId: published, version: fc.version, whatChanged: "again", reason: "again" }),
      ConflictError,
    );
    expect(stale).toMatchObject({ entity: "FactCheck", current: { id: published, version: fc.version + 1 } });
    await factChecks.addCorrection(editor, {
      factCheckId: published,
      whatChanged: "Sources and details updated",
      reason: "The source moved",
      republish: true,
    });
    r = await record();
    expect(r.tags).toEqual(["changed"]);
    expect(r.evidence.map((e) => e.source.title)).toContain("Renamed on the desk");
    expect(r.appearances[0]!.article.title).toBe("Retitled on the desk");
    expect(r.rating).toMatchObject({ label: "False" });
    expect(await db.prisma.correction.count({ where: { factCheckId: published } })).toBe(2);
    const claim = await db.prisma.claim.findUniqueOrThrow({ where: { id: publishedClaim } });
    expect(claim.ratingId).toBe(await rating("False"));
  });

  it("unpublishing takes the record down; republishing freezes a new snapshot", async () => {
    const editor = deskAs(db, "editor");
    await failure(factChecks.unpublishFactCheck(editor, published, " "), ValidationError);
    await factChecks.unpublishFactCheck(editor, published, "Under review again");
    await failure(factChecks.unpublishFactCheck(editor, published, "twice"), WorkflowError);
    await failure(factChecks.addCorrection(editor, { factCheckId: published, whatChanged: "x", reason: "y" }), WorkflowError);
    expect((await db.prisma.claim.findUniqueOrThrow({ where: { id: publishedClaim } })).status).toBe("IN_REVIEW");
    await claims.updateClaim(editor, {
      id: publishedClaim,
      version: await version(publishedClaim),
      explanation: "Rewritten before republishing",
    });
    await factChecks.publishFactCheck(editor, { claimId: publishedClaim, version: await version(publishedClaim), headline: "Republished" });
    expect(await record()).toMatchObject({ headline: "Republished", explanation: "Rewritten before republishing" });
  });

  it("the unit of work: a failed write releases the request's Idempotency-Key, and the next write reserves it", async () => {
    const idempotency = { key: `key-${kind}`, requestHash: "h" };
    const ctx = deskAs(db, "editor", { idempotency });
    await failure(claims.updateClaim(ctx, { id: "seed-claim-45-mous", version: 0, tags: ["x"] }), ConflictError);
    expect(idempotency).not.toHaveProperty("reserved", true);
    expect(await db.prisma.idempotencyKey.count({ where: { key: idempotency.key } })).toBe(0);
    await comments.addComment(ctx, { claimId: "seed-claim-45-mous", body: "second field" });
    expect(idempotency).toHaveProperty("reserved", true);
    expect(await db.prisma.idempotencyKey.count({ where: { key: idempotency.key } })).toBe(1);
  });
});
