import { findSpan } from "@claimdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type TestApi, startTestApi } from "../support/api.ts";

const body = [
  "ISLAMABAD: The finance minister said on Monday that inflation fell to 4.1% in February, the lowest in seven years.",
  "He added that the economy will grow faster next year.",
].join("\n\n");
const quote = "inflation fell to 4.1% in February";

describe.each(databaseKinds())("the editorial path over HTTP on %s", (kind) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi(kind);
  });
  afterAll(async () => t?.stop());

  it("a fact-checker ingests, marks, researches and submits; an editor publishes; anyone reads it", async () => {
    const checker = await t.as("checker");
    const created = await checker.ok(
      `mutation($input: CreateArticleInput!) { createArticle(input: $input) {
        __typename ... on MutationCreateArticleSuccess { data { id title outlet { name } } } ... on Error { message } } }`,
      {
        input: {
          title: "Inflation at seven-year low",
          canonicalUrl: "https://news.example.org/inflation",
          outletName: "Example News",
          body,
          publishedAt: "2025-03-03T08:00:00Z",
        },
      },
    );
    expect(created.createArticle.__typename).toBe("MutationCreateArticleSuccess");
    const articleId = created.createArticle.data.id;

    const span = findSpan(body, quote)!;
    const claimResult = await checker.ok(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) {
        __typename ... on MutationCreateClaimSuccess { data { id status version assignee { name } appearances { spanStart spanEnd quote } speaker { name } } }
        ... on ValidationError { fieldErrors { path message } } } }`,
      {
        input: {
          articleId,
          spanStart: span.start,
          spanEnd: span.end,
          quote,
          claimReviewed: "Inflation fell to 4.1% in February 2025.",
          newSpeaker: { name: "Finance minister" },
          tags: ["economy"],
        },
      },
    );
    const claim = claimResult.createClaim.data;
    expect(claim).toMatchObject({
      status: "SELECTED",
      version: 1,
      assignee: { name: "Fatima Checker" },
      speaker: { name: "Finance minister" },
    });
    expect(claim.appearances).toEqual([{ spanStart: span.start, spanEnd: span.end, quote }]);

    for (const [title, stance] of [
      ["Consumer price index, February", "SUPPORTS"],
      ["Central bank monetary policy statement", "CONTEXT"],
    ] as const) {
      const attached = await checker.ok(
        `mutation($input: AttachSourceInput!) { attachSource(input: $input) { __typename ... on MutationAttachSourceSuccess { data { stance source { title } } } ... on Error { message } } }`,
        {
          input: {
            claimId: claim.id,
            stance,
            passage: "CPI inflation 4.1% y/y",
            location: "Table 1",
            source: { title, url: `https://stats.example.gov/${stance}`, type: "OFFICIAL_STATISTIC" },
          },
        },
      );
      expect(attached.attachSource.data).toEqual({ stance, source: { title } });
    }

    const scale = await checker.ok(`{ defaultRatingScale { ratings { id label } } }`);
    const trueRating = scale.defaultRatingScale.ratings.find((r: { label: string }) => r.label === "True");
    const updated = await checker.ok(
      `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename ... on MutationUpdateClaimSuccess { data { version rating { label } explanation } } ... on Error { message } } }`,
      { input: { id: claim.id, version: 1, ratingId: trueRating.id, explanation: "The statistics bureau reported **4.1%**." } },
    );
    expect(updated.updateClaim.data).toEqual({
      version: 2,
      rating: { label: "True" },
      explanation: "The statistics bureau reported **4.1%**.",
    });

    const move = (client: typeof checker, to: string) =>
      client.ok(
        `mutation($id: ID!, $to: ClaimStatus!) { moveClaim(id: $id, to: $to) { __typename ... on MutationMoveClaimSuccess { data { status } } ... on Error { message code } } }`,
        { id: claim.id, to },
      );
    expect((await move(checker, "RESEARCHING")).moveClaim.data.status).toBe("RESEARCHING");
    expect((await move(checker, "IN_REVIEW")).moveClaim.data.status).toBe("IN_REVIEW");

    // The fact-checker cannot publish.
    const claimNow = await checker.ok(`query($id: ID!) { node(id: $id) { ... on Claim { version } } }`, { id: claim.id });
    const publish = `mutation($input: PublishFactCheckInput!) { publishFactCheck(input: $input) {
      __typename ... on MutationPublishFactCheckSuccess { data { id url headline rating { label } status } } ... on Error { message code } } }`;
    const input = { claimId: claim.id, version: claimNow.node.version, headline: "Yes, inflation fell to 4.1%" };
    expect((await checker.ok(publish, { input })).publishFactCheck.__typename).toBe("ForbiddenError");

    const editor = await t.as("editor");
    const published = (await editor.ok(publish, { input })).publishFactCheck;
    expect(published.__typename).toBe("MutationPublishFactCheckSuccess");
    expect(published.data).toMatchObject({ headline: "Yes, inflation fell to 4.1%", rating: { label: "True" }, status: "PUBLISHED" });
    expect(published.data.url).toMatch(/\/fact-checks\//);

    // Signed out: the published fact-check and what it cites, but not the desk.
    const anonymous = t.client();
    const read = await anonymous.ok(
      `query($id: ID!) { node(id: $id) { ... on FactCheck { headline claimReviewed rating { label value } speaker { name }
        evidence { stance source { title } } appearances { quote article { title canonicalUrl } } } } }`,
      { id: published.data.id },
    );
    expect(read.node).toMatchObject({
      headline: "Yes, inflation fell to 4.1%",
      claimReviewed: "Inflation fell to 4.1% in February 2025.",
      rating: { label: "True", value: 6 },
      speaker: { name: "Finance minister" },
      appearances: [{ quote, article: { title: "Inflation at seven-year low", canonicalUrl: "https://news.example.org/inflation" } }],
    });
    expect(read.node.evidence).toHaveLength(2);
    const list = await anonymous.ok(`{ factChecks(first: 10) { totalCount edges { node { headline } } } }`);
    expect(list.factChecks.totalCount).toBe(2);
    expect(list.factChecks.edges[0].node.headline).toBe("Yes, inflation fell to 4.1%");

    // The claim's history records each step with its actor.
    const history = await editor.ok(`query($id: ID!) { node(id: $id) { ... on Claim { history { action actor { name } } } } }`, {
      id: claim.id,
    });
    expect(history.node.history.map((e: { action: string }) => e.action)).toEqual([
      "claim.create",
      "evidence.attach",
      "evidence.attach",
      "claim.update",
      "claim.move",
      "claim.move",
      "factCheck.publish",
    ]);
    expect(history.node.history.at(-1).actor.name).toBe("Eddie Editor");

    // A published verdict changes only through a correction.
    const falseRating = scale.defaultRatingScale.ratings.find((r: { label: string }) => r.label === "Mostly true");
    const version = (await editor.ok(`query($id: ID!) { node(id: $id) { ... on Claim { version } } }`, { id: claim.id })).node.version;
    const direct = await editor.ok(
      `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename ... on Error { message } } }`,
      { input: { id: claim.id, version, ratingId: falseRating.id } },
    );
    expect(direct.updateClaim.__typename).toBe("WorkflowError");
    const corrected = await editor.ok(
      `mutation($input: AddCorrectionInput!) { addCorrection(input: $input) { __typename ... on MutationAddCorrectionSuccess { data { rating { label } corrections { whatChanged reason } } } } }`,
      {
        input: {
          factCheckId: published.data.id,
          whatChanged: "Verdict changed to Mostly true",
          reason: "February figure was revised to 4.2%",
          ratingId: falseRating.id,
        },
      },
    );
    expect(corrected.addCorrection.data).toEqual({
      rating: { label: "Mostly true" },
      corrections: [{ whatChanged: "Verdict changed to Mostly true", reason: "February figure was revised to 4.2%" }],
    });
  });
});
