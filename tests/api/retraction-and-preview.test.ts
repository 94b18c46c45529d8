import { findSpan } from "@claimdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

const body = "KARACHI: Wheat output rose 9% this season, the minister said. Cotton fell 4% and sugar exports doubled.";
const localId = (id: string) => Buffer.from(id, "base64").toString().split(":").slice(1).join(":");

const Retract = `mutation($input: RetractCorrectionInput!) { retractCorrection(input: $input) {
  __typename
  ... on MutationRetractCorrectionSuccess { data { version rating { label } explanation dateModified } }
  ... on ValidationError { fieldErrors { path message } }
  ... on Error { message } } }`;
const Correct = `mutation($input: AddCorrectionInput!) { addCorrection(input: $input) {
  __typename ... on MutationAddCorrectionSuccess { data { version corrections { id } } } ... on Error { message } } }`;

describe.each(databaseKinds())("retracting a correction, and previewing a publication, on %s", (kind) => {
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
      { input: { title: "Harvest report", body } },
    );
    articleId = created.createArticle.data.id;
  });
  afterAll(async () => t?.stop());

  const rating = async (label: string) => globalId("Rating", (await t.db.prisma.rating.findFirstOrThrow({ where: { label } })).id);

  /** A claim in review with a True verdict, an explanation and a source. */
  async function toReview(quote: string): Promise<{ id: string; version: number }> {
    const span = findSpan(body, quote)!;
    const made = await checker.ok(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on MutationCreateClaimSuccess { data { id version } } } }`,
      { input: { articleId, spanStart: span.start, spanEnd: span.end, quote } },
    );
    const id = made.createClaim.data.id;
    await checker.ok(`mutation($input: AttachSourceInput!) { attachSource(input: $input) { __typename } }`, {
      input: {
        claimId: id,
        stance: "SUPPORTS",
        source: { title: "Crop bulletin", url: `https://stats.example.gov/${encodeURIComponent(quote)}` },
      },
    });
    const version = (await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(id) } })).version;
    await checker.ok(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename } }`, {
      input: { id, version, ratingId: await rating("True"), explanation: "The bulletin says **so**." },
    });
    for (const to of ["RESEARCHING", "IN_REVIEW"])
      await checker.ok(`mutation($id: ID!, $to: ClaimStatus!) { moveClaim(id: $id, to: $to) { __typename } }`, { id, to });
    return { id, version: (await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(id) } })).version };
  }

  async function publish(claim: { id: string; version: number }, headline: string): Promise<{ id: string; version: number; slug: string }> {
    const r = await editor.ok(
      `mutation($input: PublishFactCheckInput!) { publishFactCheck(input: $input) { __typename ... on MutationPublishFactCheckSuccess { data { id version slug } } ... on Error { message } } }`,
      { input: { claimId: claim.id, version: claim.version, headline } },
    );
    expect(r.publishFactCheck.__typename).toBe("MutationPublishFactCheckSuccess");
    return r.publishFactCheck.data;
  }

  it("previews the public page and card from the draft, for the newsroom only", async () => {
    const claim = await toReview("Cotton fell 4%");
    const query = `query($id: ID!, $headline: String) { node(id: $id) { ... on Claim { publicationPreview(headline: $headline) {
      headline url publisherName claimReviewed explanation rating { label } evidence { source { title } } claimReview corrections { id } } } } }`;
    const { node } = await editor.ok(query, { id: claim.id, headline: "Yes, cotton fell" });
    expect(node.publicationPreview).toMatchObject({
      headline: "Yes, cotton fell",
      url: null, // set by the first publication
      publisherName: expect.any(String),
      claimReviewed: "Cotton fell 4%",
      explanation: "The bulletin says **so**.",
      rating: { label: "True" },
      evidence: [{ source: { title: "Crop bulletin" } }],
      corrections: [],
    });
    expect(node.publicationPreview.claimReview.reviewRating.alternateName).toBe("True");
    // Nothing was stored by previewing.
    expect(await t.db.prisma.factCheck.count({ where: { claimId: localId(claim.id) } })).toBe(0);

    // Readers (and signed-out clients) cannot reach a draft.
    const viewer = await t.as("viewer");
    expect((await viewer.ok(query, { id: claim.id, headline: "x" })).node).toBeNull();
    expect((await t.client().request(query, { id: claim.id })).data?.node ?? null).toBeNull();

    // After publication the preview carries the page's one URL.
    const fc = await publish(claim, "Yes, cotton fell");
    const again = await editor.ok(query, { id: claim.id });
    expect(again.node.publicationPreview.url).toMatch(new RegExp(`/fact-checks/${fc.slug}$`));
    expect(again.node.publicationPreview.headline).toBe("Yes, cotton fell");
  });

  it("retracts a correction: dated and public, the publication back as it was, audited and versioned", async () => {
    const claim = await toReview("Wheat output rose 9%");
    const fc = await publish(claim, "Wheat output did rise");
    const corrected = await editor.ok(Correct, {
      input: {
        factCheckId: fc.id,
        version: fc.version,
        whatChanged: "Verdict changed to False",
        reason: "We misread the bulletin",
        ratingId: await rating("False"),
        explanation: "The bulletin says otherwise.",
      },
    });
    expect(corrected.addCorrection.__typename).toBe("MutationAddCorrectionSuccess");
    const correctionId = corrected.addCorrection.data.corrections[0].id;
    const version = corrected.addCorrection.data.version;

    // Refused without writing: a stale version, no reason, a fact-checker.
    const stale = await editor.ok(Retract, { input: { correctionId, version: fc.version, reason: "It was right" } });
    expect(stale.retractCorrection.__typename).toBe("ConflictError");
    const blank = await editor.ok(Retract, { input: { correctionId, version, reason: "  " } });
    expect(blank.retractCorrection.__typename).toBe("ValidationError");
    expect(blank.retractCorrection.fieldErrors[0].path).toEqual(["reason"]);
    const byChecker = await checker.ok(Retract, { input: { correctionId, version, reason: "It was right" } });
    expect(byChecker.retractCorrection.__typename).toBe("ForbiddenError");
    expect((await t.db.prisma.correction.findUniqueOrThrow({ where: { id: localId(correctionId) } })).retractedAt).toBeNull();

    const canRetract = `query($id: ID!) { node(id: $id) { ... on Correction { viewerCan { retract } } } }`;
    expect((await editor.ok(canRetract, { id: correctionId })).node.viewerCan.retract).toBe(true);
    expect((await checker.ok(canRetract, { id: correctionId })).node.viewerCan.retract).toBe(false);

    const done = await editor.ok(Retract, { input: { correctionId, version, reason: "The first reading was right" } });
    expect(done.retractCorrection.__typename).toBe("MutationRetractCorrectionSuccess");
    expect(done.retractCorrection.data).toMatchObject({
      version: version + 1,
      rating: { label: "True" },
      explanation: "The bulletin says **so**.",
    });

    // The record keeps the correction, marked retracted; the desk follows the publication back.
    const row = await t.db.prisma.correction.findUniqueOrThrow({ where: { id: localId(correctionId) } });
    expect(row.retractionReason).toBe("The first reading was right");
    expect(row.retractedAt).toBeInstanceOf(Date);
    expect(new Date(done.retractCorrection.data.dateModified).getTime()).toBe(row.retractedAt!.getTime());
    const deskClaim = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(claim.id) }, include: { rating: true } });
    expect(deskClaim.rating?.label).toBe("True");
    expect(deskClaim.explanation).toBe("The bulletin says **so**.");
    const audit = await t.db.prisma.auditEvent.findMany({ where: { action: "factCheck.retractCorrection", entityId: localId(claim.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ correctionId: localId(correctionId), reason: "The first reading was right" });

    // What readers get: the public page's fields and ClaimReview.
    const reader = t.client();
    const pub = await reader.ok(
      `query($path: String!) { publicFactCheck(path: $path) { ... on FactCheck {
        rating { label } explanation dateModified claimReview corrections { whatChanged retractedAt retractionReason } } } }`,
      { path: fc.slug },
    );
    expect(pub.publicFactCheck.rating.label).toBe("True");
    expect(pub.publicFactCheck.explanation).toBe("The bulletin says **so**.");
    expect(pub.publicFactCheck.corrections).toEqual([
      {
        whatChanged: "Verdict changed to False",
        retractedAt: row.retractedAt!.toISOString(),
        retractionReason: "The first reading was right",
      },
    ]);
    expect(pub.publicFactCheck.claimReview.reviewRating.alternateName).toBe("True");
    expect(new Date(pub.publicFactCheck.claimReview.dateModified).getTime()).toBe(row.retractedAt!.getTime());

    // Once only.
    const twice = await editor.ok(Retract, { input: { correctionId, version: version + 1, reason: "Again" } });
    expect(twice.retractCorrection.__typename).toBe("WorkflowError");
    expect((await editor.ok(canRetract, { id: correctionId })).node.viewerCan.retract).toBe(false);
  });

  it("retracts only the latest correction still standing", async () => {
    const claim = await toReview("sugar exports doubled");
    const fc = await publish(claim, "Sugar exports doubled");
    const first = await editor.ok(Correct, {
      input: {
        factCheckId: fc.id,
        version: fc.version,
        whatChanged: "Verdict changed to False",
        reason: "Revised data",
        ratingId: await rating("False"),
      },
    });
    const second = await editor.ok(Correct, {
      input: {
        factCheckId: fc.id,
        version: first.addCorrection.data.version,
        whatChanged: "Explanation clarified",
        reason: "Wording",
        explanation: "Clearer.",
      },
    });
    const [earlier, later] = second.addCorrection.data.corrections.map((c: { id: string }) => c.id);
    let version = second.addCorrection.data.version;
    const early = await editor.ok(Retract, { input: { correctionId: earlier, version, reason: "Wrong" } });
    expect(early.retractCorrection).toMatchObject({ __typename: "WorkflowError", message: "Retract the later correction first" });

    const l = await editor.ok(Retract, { input: { correctionId: later, version, reason: "Not clearer" } });
    expect(l.retractCorrection.data).toMatchObject({ rating: { label: "False" }, explanation: "The bulletin says **so**." });
    version = l.retractCorrection.data.version;
    const e = await editor.ok(Retract, { input: { correctionId: earlier, version, reason: "The data was not revised" } });
    expect(e.retractCorrection.data).toMatchObject({ rating: { label: "True" }, explanation: "The bulletin says **so**." });
    expect(await t.db.prisma.correction.count({ where: { factCheckId: localId(fc.id) } })).toBe(2);
  });

  it("two editors retracting at once: one retraction, the other told of the conflict", async () => {
    const claim = await toReview("the minister said");
    const fc = await publish(claim, "The minister said so");
    const c = await editor.ok(Correct, {
      input: {
        factCheckId: fc.id,
        version: fc.version,
        whatChanged: "Verdict changed to False",
        reason: "Revised",
        ratingId: await rating("False"),
      },
    });
    const correctionId = c.addCorrection.data.corrections[0].id;
    const admin = await t.as("admin");
    const answers = await Promise.all(
      [editor, admin].map((who, i) =>
        who.ok(Retract, { input: { correctionId, version: c.addCorrection.data.version, reason: `Reason ${i}` } }),
      ),
    );
    const kinds = answers.map((a) => a.retractCorrection.__typename).sort();
    expect(kinds).toEqual(["ConflictError", "MutationRetractCorrectionSuccess"]);
    const row = await t.db.prisma.correction.findUniqueOrThrow({ where: { id: localId(correctionId) } });
    const winner = answers.findIndex((a) => a.retractCorrection.__typename === "MutationRetractCorrectionSuccess");
    expect(row.retractionReason).toBe(`Reason ${winner}`);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "factCheck.retractCorrection", entityId: localId(claim.id) } })).toBe(1);
  });
});
